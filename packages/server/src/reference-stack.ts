// The reference server and the demo OAuth provider started together on loopback: what
// `pnpm start`, the examples and the end-to-end tests run against. With a providers file
// (PB_PROVIDERS_FILE) it offers real services instead, and no demo provider runs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from '@plugboard/contract';
import { sizedCatalog } from './catalog/sized-catalog.js';
import type { CheckSettings, HealthDerivationSettings } from './checks/check-settings.js';
import type { HostWebhookSettings } from './host-webhooks/host-webhook-settings.js';
import { webhookKey } from './host-webhooks/standard-webhooks.js';
import { randomToken } from './crypto/random.js';
import {
  DATABASE_FILE,
  defaultDataDir,
  resolveEncryptionKeys,
  resolveSecretKey,
} from './config/defaults.js';
import { assertStartupSecrets } from './config/startup-secrets.js';
import { IN_MEMORY, isPostgresUrl, openDatabase, type Database } from './db/open-database.js';
import { startDemoProvider } from './demo-provider/index.js';
import { listen, PortInUseError } from './http/listen.js';
import { createLogger, stdoutSink, type LogSink } from './http/logger.js';
import { providerDefinitions } from './providers/definitions/index.js';
import { readHostProvidersFile } from './providers/host-config.js';
import type { OutboundFetch } from './providers/outbound-fetch.js';
import type { ProviderEndpoints } from './provider/provider-endpoints.js';
import { createReferenceServer } from './server.js';

export interface ReferenceStackOptions {
  /** Port of the Connect API; 0 (the default) picks a free port. */
  port?: number;
  /** Port of the demo provider; 0 (the default) picks a free port. */
  providerPort?: number;
  /**
   * Defaults to 127.0.0.1. Any other interface needs `secretKey` and `encryptionKeys` (or `dev`):
   * see config/startup-secrets.ts.
   */
  host?: string;
  /**
   * `postgres://…`: PostgreSQL, shared by every instance (several may run behind a load balancer).
   * Defaults to PB_DATABASE_URL; without one the stack uses SQLite (`dbPath`).
   */
  databaseUrl?: string;
  /** Development: allow the development secrets on any interface (env PB_DEV=1). */
  dev?: boolean;
  /** SQLite file; ':memory:' for tests. Defaults to `<dataDir>/plugboard.sqlite`. */
  dbPath?: string;
  /** Where the database and a generated development encryption key live. Defaults to `<repo>/.data`. */
  dataDir?: string;
  /** `sk_…`; defaults to the documented development key (with a warning). */
  secretKey?: string;
  /**
   * Base64 keys of 32 bytes, comma-separated, newest first: new secrets are sealed with the first,
   * older ones open with theirs. Defaults to PB_ENCRYPTION_KEYS, then PB_ENCRYPTION_KEY, then a key
   * generated into the data folder (with a warning).
   */
  encryptionKeys?: string;
  /** One base64 key of 32 bytes (the same as a one-key `encryptionKeys`). */
  encryptionKey?: string;
  /** The URL browsers reach the server at; defaults to `http://{host}:{port}`. */
  publicUrl?: string;
  /**
   * An OAuth provider already running (its client must accept `{publicUrl}/v1/oauth/callback`):
   * no demo provider is started. Instances behind one load balancer share one provider this way.
   */
  provider?: ProviderEndpoints & { issuer: string };
  /** Lifetime of the demo provider's access tokens (short values exercise refresh). */
  accessTokenTtlSeconds?: number;
  /** No log output at all. */
  quiet?: boolean;
  /** Receives each JSON log line instead of stdout (tests capture logs with it). */
  logSink?: LogSink;
  /** The clock (epoch ms) for sessions, flows and timestamps; tests move it forward. */
  now?: () => number;
  /** Credential submissions allowed per session and per user per minute (default 10). */
  credentialAttemptsPerMinute?: number;
  /** Credential submissions and Tests per app per minute, all users together (default 3000). */
  appAttemptsPerMinute?: number;
  /** Tests per user per minute (default 30). */
  testsPerMinute?: number;
  /** OAuth flows one user may have pending at once (default 10). */
  pendingFlowsPerUser?: number;
  /** Long-polls one session may hold open at once (default 4). */
  longPollsPerSession?: number;
  /**
   * Pads the demo catalog with generated apps up to this many, for tests of catalogs too big to
   * load whole (clients search those on the server above 20,000 apps). Default: the demo catalog.
   */
  catalogSize?: number;
  /**
   * A JSON file `{ "<app key>": { "clientId", "clientSecret", … } }` of real services to offer
   * (defaults to PB_PROVIDERS_FILE). Without it, the demo catalog runs on the demo provider.
   */
  providersFile?: string;
  /** Calls to real services; by default a fetch that honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY. */
  outboundFetch?: OutboundFetch;
  /** Another catalog than the demo one (tests of catalog-driven behaviour). */
  apps?: readonly App[];
  /** Per app, the signing secret of the platform's own app at the service (Slack webhooks). */
  webhookSigningSecrets?: Readonly<Record<string, string>>;
  /** How often an open live stream (GET /v1/events) sends a heartbeat (default 15 s). */
  liveHeartbeatSeconds?: number;
  /**
   * The background checks (checks/check-settings.ts), or `false` for none. PB_CHECKS=off turns them
   * off, PB_CHECK_INTERVAL_SECONDS sets the interval (default an hour) and
   * PB_CHECK_CONCURRENCY_PER_APP the checks of one service at once (default 2).
   */
  checks?: Partial<CheckSettings> | false;
  /** How provider health is derived from the checks (checks/check-settings.ts). */
  healthDerivation?: Partial<HealthDerivationSettings>;
  /**
   * Signed webhooks to the host backend (docs/events.md). Defaults to PB_HOST_WEBHOOK_URL and
   * PB_HOST_WEBHOOK_SECRET (`whsec_…`), with PB_HOST_WEBHOOK_RECONNECT_RETURN_URL for reconnect
   * links in connection.needs_reauth webhooks.
   */
  hostWebhook?: Pick<HostWebhookSettings, 'url' | 'secret'> & Partial<HostWebhookSettings>;
  /**
   * The elements' script-tag bundle for the page connect links open. Defaults to
   * PB_CONNECT_PAGE_BUNDLE, else this repository's built `packages/elements/dist/plugboard.iife.js`
   * when it exists (`pnpm run build`).
   */
  connectPageBundleFile?: string;
}

export interface ReferenceStack {
  url: string;
  /** The demo provider's URL; empty when a providers file configures real services instead. */
  providerUrl: string;
  secretKey: string;
  /** The open database (for tools and tests that inspect what is stored). */
  database: Database;
  close(): Promise<void>;
}

const OAUTH_CLIENT_ID = 'plugboard-reference-server';

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** Options win; PB_SECRET_KEY, PB_ENCRYPTION_KEY, PB_DATA_DIR, PB_PUBLIC_URL and PB_DEV fill the gaps. */
function withEnvironment(options: ReferenceStackOptions): ReferenceStackOptions {
  const env = (name: string) => process.env[name] || undefined;
  return {
    ...options,
    databaseUrl: options.databaseUrl ?? env('PB_DATABASE_URL'),
    secretKey: options.secretKey ?? env('PB_SECRET_KEY'),
    encryptionKeys:
      options.encryptionKeys ??
      options.encryptionKey ??
      env('PB_ENCRYPTION_KEYS') ??
      env('PB_ENCRYPTION_KEY'),
    dataDir: options.dataDir ?? env('PB_DATA_DIR'),
    publicUrl: options.publicUrl ?? env('PB_PUBLIC_URL'),
    providersFile: options.providersFile ?? env('PB_PROVIDERS_FILE'),
    dev: options.dev ?? env('PB_DEV') === '1',
    checks: options.checks ?? checksFromEnvironment(env),
    hostWebhook: options.hostWebhook ?? hostWebhookFromEnvironment(env),
    connectPageBundleFile:
      options.connectPageBundleFile ?? env('PB_CONNECT_PAGE_BUNDLE') ?? builtElementsBundle(),
  };
}

function hostWebhookFromEnvironment(
  env: (name: string) => string | undefined,
): ReferenceStackOptions['hostWebhook'] {
  const url = env('PB_HOST_WEBHOOK_URL');
  const secret = env('PB_HOST_WEBHOOK_SECRET');
  if (!url && !secret) return undefined;
  if (!url || !secret) {
    throw new Error('Set both PB_HOST_WEBHOOK_URL and PB_HOST_WEBHOOK_SECRET, or neither.');
  }
  return { url, secret, reconnectReturnUrl: env('PB_HOST_WEBHOOK_RECONNECT_RETURN_URL') };
}

/** Refuses a host webhook configuration that could never send (checked before listening). */
function assertHostWebhook(settings: ReferenceStackOptions['hostWebhook']): void {
  if (!settings) return;
  webhookKey(settings.secret);
  for (const [name, value] of [
    ['PB_HOST_WEBHOOK_URL', settings.url],
    ['PB_HOST_WEBHOOK_RECONNECT_RETURN_URL', settings.reconnectReturnUrl],
  ] as const) {
    if (value === undefined) continue;
    const protocol = URL.canParse(value) ? new URL(value).protocol : '';
    if (protocol !== 'https:' && protocol !== 'http:') {
      throw new Error(`${name} must be an http(s) URL.`);
    }
  }
}

function checksFromEnvironment(
  env: (name: string) => string | undefined,
): Partial<CheckSettings> | false {
  if (env('PB_CHECKS') === 'off') return false;
  const number = (name: string) => {
    const raw = env(name);
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`${name} must be a positive number.`);
    return value;
  };
  const intervalSeconds = number('PB_CHECK_INTERVAL_SECONDS');
  return {
    intervalMs: intervalSeconds === undefined ? undefined : intervalSeconds * 1000,
    perAppConcurrency: number('PB_CHECK_CONCURRENCY_PER_APP'),
  };
}

export async function startReferenceStack(
  stackOptions: ReferenceStackOptions = {},
): Promise<ReferenceStack> {
  const options = withEnvironment(stackOptions);
  const host = options.host ?? '127.0.0.1';
  assertStartupSecrets({
    host,
    secretKey: options.secretKey,
    encryptionKeys: options.encryptionKeys,
    dev: options.dev ?? false,
  });
  assertHostWebhook(options.hostWebhook);
  const logger = createLogger(options.quiet ? null : (options.logSink ?? stdoutSink));
  const warn = (message: string) => logger.warn(message);
  const dataDir = options.dataDir ?? defaultDataDir();
  const dbPath = options.dbPath ?? join(dataDir, DATABASE_FILE);
  const databaseUrl = isPostgresUrl(options.databaseUrl) ? options.databaseUrl : undefined;
  if (options.databaseUrl && !databaseUrl) {
    throw new Error('PB_DATABASE_URL must be a postgres:// URL (SQLite is the default).');
  }
  const secretKey = resolveSecretKey(options.secretKey, warn);
  const encryptionKeys = resolveEncryptionKeys({
    explicit: options.encryptionKeys,
    inMemory: dbPath === IN_MEMORY && !databaseUrl,
    dataDir,
    warn,
  });

  // Read before listening: a broken providers file stops the start with its reason.
  const realProviders = options.providersFile
    ? readHostProvidersFile(options.providersFile, providerDefinitions)
    : undefined;
  const listener = await listen(options.port ?? 0, host);
  const publicUrl = (options.publicUrl ?? `http://${urlHost(host)}:${listener.port}`).replace(
    /\/+$/,
    '',
  );
  let provider: RunningProvider | undefined;
  let database: Database;
  try {
    // Real services (a providers file) need no demo provider.
    if (!realProviders) {
      provider = options.provider
        ? { endpoints: options.provider, issuer: options.provider.issuer, close: async () => {} }
        : await startOwnDemoProvider(options, host, publicUrl);
    }
    database = await openDatabase({ url: databaseUrl, sqlitePath: dbPath });
  } catch (error) {
    await listener.close();
    await provider?.close();
    throw error;
  }
  const server = createReferenceServer({
    database,
    secretKey,
    encryptionKeys,
    publicUrl,
    logger,
    now: options.now,
    limits: {
      credentialAttemptsPerMinute: options.credentialAttemptsPerMinute,
      appAttemptsPerMinute: options.appAttemptsPerMinute,
      testsPerMinute: options.testsPerMinute,
      pendingFlowsPerUser: options.pendingFlowsPerUser,
      longPollsPerSession: options.longPollsPerSession,
    },
    apps:
      options.apps ??
      (options.catalogSize === undefined ? undefined : sizedCatalog(options.catalogSize)),
    webhookSigningSecrets: options.webhookSigningSecrets,
    liveHeartbeatSeconds: options.liveHeartbeatSeconds,
    checks: options.checks,
    healthDerivation: options.healthDerivation,
    hostWebhook: options.hostWebhook,
    connectPageBundleFile: options.connectPageBundleFile,
    realProviders,
    outboundFetch: options.outboundFetch,
    provider: provider?.endpoints,
  });
  listener.setHandler(server.handler);
  logger.info('listening', {
    url: publicUrl,
    provider: provider?.issuer ?? `real services: ${[...(realProviders?.keys() ?? [])].join(', ')}`,
    database: databaseUrl ? 'postgresql' : dbPath,
  });

  let closing: Promise<void> | undefined;
  return {
    url: publicUrl,
    providerUrl: provider?.issuer ?? '',
    secretKey,
    database,
    close: () =>
      (closing ??= (async () => {
        await server.close();
        await Promise.all([listener.close(), provider?.close()]);
        await database.close();
      })()),
  };
}

interface RunningProvider {
  endpoints: ProviderEndpoints;
  issuer: string;
  close(): Promise<void>;
}

async function startOwnDemoProvider(
  options: ReferenceStackOptions,
  host: string,
  publicUrl: string,
): Promise<RunningProvider> {
  const clientSecret = randomToken(24);
  try {
    const provider = await startDemoProvider({
      port: options.providerPort ?? 0,
      host,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds,
      clients: [
        {
          clientId: OAUTH_CLIENT_ID,
          clientSecret,
          redirectUris: [`${publicUrl}/v1/oauth/callback`],
        },
      ],
    });
    return {
      issuer: provider.issuer,
      close: () => provider.close(),
      endpoints: {
        authorizationEndpoint: provider.authorizationEndpoint,
        tokenEndpoint: provider.tokenEndpoint,
        revocationEndpoint: provider.revocationEndpoint,
        apiBaseUrl: provider.apiBaseUrl,
        clientId: OAUTH_CLIENT_ID,
        clientSecret,
      },
    };
  } catch (error) {
    const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    throw busy ? new PortInUseError(options.providerPort ?? 0, host) : error;
  }
}

/** The monorepo's built script-tag bundle, for running from a checkout; undefined when unbuilt. */
function builtElementsBundle(): string | undefined {
  const file = fileURLToPath(new URL('../../elements/dist/plugboard.iife.js', import.meta.url));
  return existsSync(file) ? file : undefined;
}
