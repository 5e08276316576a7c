// The reference server and the demo OAuth provider started together on loopback: what
// `pnpm start`, the examples and the end-to-end tests run against.
import { join } from 'node:path';
import type { App } from '@plugboard/contract';
import { sizedCatalog } from './catalog/sized-catalog.js';
import { randomToken } from './crypto/random.js';
import {
  DATABASE_FILE,
  defaultDataDir,
  resolveEncryptionKey,
  resolveSecretKey,
} from './config/defaults.js';
import { assertStartupSecrets } from './config/startup-secrets.js';
import { IN_MEMORY, openDatabase } from './db/open-database.js';
import { startDemoProvider } from './demo-provider/index.js';
import { listen, PortInUseError } from './http/listen.js';
import { createLogger, stdoutSink, type LogSink } from './http/logger.js';
import { createReferenceServer } from './server.js';

export interface ReferenceStackOptions {
  /** Port of the Connect API; 0 (the default) picks a free port. */
  port?: number;
  /** Port of the demo provider; 0 (the default) picks a free port. */
  providerPort?: number;
  /**
   * Defaults to 127.0.0.1. Any other interface needs `secretKey` and `encryptionKey` (or `dev`):
   * see config/startup-secrets.ts.
   */
  host?: string;
  /** Development: allow the development secrets on any interface (env PB_DEV=1). */
  dev?: boolean;
  /** SQLite file; ':memory:' for tests. Defaults to `<dataDir>/plugboard.sqlite`. */
  dbPath?: string;
  /** Where the database and a generated development encryption key live. Defaults to `<repo>/.data`. */
  dataDir?: string;
  /** `sk_…`; defaults to the documented development key (with a warning). */
  secretKey?: string;
  /** Base64 of 32 bytes; defaults to a key generated into the data folder (with a warning). */
  encryptionKey?: string;
  /** The URL browsers reach the server at; defaults to `http://{host}:{port}`. */
  publicUrl?: string;
  /** Lifetime of the demo provider's access tokens (short values exercise refresh). */
  accessTokenTtlSeconds?: number;
  /** No log output at all. */
  quiet?: boolean;
  /** Receives each JSON log line instead of stdout (tests capture logs with it). */
  logSink?: LogSink;
  /** The clock (epoch ms) for sessions, flows and timestamps; tests move it forward. */
  now?: () => number;
  /** Credential submissions allowed per session per minute (default 10). */
  credentialAttemptsPerMinute?: number;
  /**
   * Pads the demo catalog with generated apps up to this many, for tests of catalogs too big to
   * load whole (clients search those on the server above 20,000 apps). Default: the demo catalog.
   */
  catalogSize?: number;
  /** Another catalog than the demo one (tests of catalog-driven behaviour). */
  apps?: readonly App[];
  /** Per app, the signing secret of the platform's own app at the service (Slack webhooks). */
  webhookSigningSecrets?: Readonly<Record<string, string>>;
}

export interface ReferenceStack {
  url: string;
  providerUrl: string;
  secretKey: string;
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
    secretKey: options.secretKey ?? env('PB_SECRET_KEY'),
    encryptionKey: options.encryptionKey ?? env('PB_ENCRYPTION_KEY'),
    dataDir: options.dataDir ?? env('PB_DATA_DIR'),
    publicUrl: options.publicUrl ?? env('PB_PUBLIC_URL'),
    dev: options.dev ?? env('PB_DEV') === '1',
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
    encryptionKey: options.encryptionKey,
    dev: options.dev ?? false,
  });
  const logger = createLogger(options.quiet ? null : (options.logSink ?? stdoutSink));
  const warn = (message: string) => logger.warn(message);
  const dataDir = options.dataDir ?? defaultDataDir();
  const dbPath = options.dbPath ?? join(dataDir, DATABASE_FILE);
  const secretKey = resolveSecretKey(options.secretKey, warn);
  const encryptionKey = resolveEncryptionKey({
    explicit: options.encryptionKey,
    inMemory: dbPath === IN_MEMORY,
    dataDir,
    warn,
  });

  const listener = await listen(options.port ?? 0, host);
  const publicUrl = (options.publicUrl ?? `http://${urlHost(host)}:${listener.port}`).replace(
    /\/+$/,
    '',
  );
  const clientSecret = randomToken(24);
  let provider: Awaited<ReturnType<typeof startDemoProvider>>;
  try {
    provider = await startDemoProvider({
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
  } catch (error) {
    await listener.close();
    const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    throw busy ? new PortInUseError(options.providerPort ?? 0, host) : error;
  }

  const db = openDatabase(dbPath);
  const server = createReferenceServer({
    db,
    secretKey,
    encryptionKey,
    publicUrl,
    logger,
    now: options.now,
    credentialAttemptsPerMinute: options.credentialAttemptsPerMinute,
    apps:
      options.apps ??
      (options.catalogSize === undefined ? undefined : sizedCatalog(options.catalogSize)),
    webhookSigningSecrets: options.webhookSigningSecrets,
    provider: {
      authorizationEndpoint: provider.authorizationEndpoint,
      tokenEndpoint: provider.tokenEndpoint,
      apiBaseUrl: provider.apiBaseUrl,
      clientId: OAUTH_CLIENT_ID,
      clientSecret,
    },
  });
  listener.setHandler(server.handler);
  logger.info('listening', { url: publicUrl, provider: provider.issuer, database: dbPath });

  let closing: Promise<void> | undefined;
  return {
    url: publicUrl,
    providerUrl: provider.issuer,
    secretKey,
    close: () =>
      (closing ??= (async () => {
        server.close();
        await Promise.all([listener.close(), provider.close()]);
        db.close();
      })()),
  };
}
