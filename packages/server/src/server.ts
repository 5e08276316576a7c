// Builds the reference server's services and HTTP handler from its configuration. Apps talk to
// their services through provider definitions: real services as the host configured them, or every
// demo catalog app through the demo provider (any OAuth 2.0 server with a "who am I" API).
import type { App } from '@plugboard/contract';
import { demoCatalog } from '@plugboard/contract/demo-catalog';
import { getRequestListener } from '@hono/node-server';
import type { RequestListener } from 'node:http';
import { createApp } from './app.js';
import { readFile } from 'node:fs/promises';
import { CatalogService } from './catalog/catalog-service.js';
import { ConnectLinkService } from './connect-links/connect-link-service.js';
import { CheckRepository } from './checks/check-repository.js';
import { CheckScheduler } from './checks/check-scheduler.js';
import {
  DEFAULT_CHECK_SETTINGS,
  DEFAULT_HEALTH_DERIVATION,
  type CheckSettings,
  type HealthDerivationSettings,
} from './checks/check-settings.js';
import { DerivedHealth } from './checks/derived-health.js';
import { ConnectionRepository } from './connections/connection-repository.js';
import { ConnectionService } from './connections/connection-service.js';
import { SetupService } from './connections/setup-service.js';
import { IdempotencyStore } from './connections/idempotency-store.js';
import { createRequestDigester } from './crypto/request-digest.js';
import { createSecretBox } from './crypto/secret-box.js';
import type { Database } from './db/open-database.js';
import { pruneExpired } from './db/prune-expired.js';
import { ConnectionEventLog } from './events/index.js';
import { LiveHub } from './live/live-hub.js';
import { HostWebhookOutbox, type ReconnectLinkMaker } from './host-webhooks/host-webhook-outbox.js';
import { HostWebhookRepository } from './host-webhooks/host-webhook-repository.js';
import { HostWebhookSender } from './host-webhooks/host-webhook-sender.js';
import {
  DEFAULT_HOST_WEBHOOK_SETTINGS,
  type HostWebhookSettings,
} from './host-webhooks/host-webhook-settings.js';
import { createOutboundFetch } from './providers/outbound-fetch.js';
import type { Logger } from './http/logger.js';
import { DEFAULT_LIMITS, UsageLimits, type LimitSettings } from './limits/usage-limits.js';
import { warmRequestSchemas } from './http/request-schemas.js';
import { FlowNotifier } from './oauth/flow-notifier.js';
import { FlowRepository } from './oauth/flow-repository.js';
import { OAuthService } from './oauth/oauth-service.js';
import type { ProviderEndpoints } from './provider/provider-endpoints.js';
import { providerSetup } from './providers/provider-setup.js';
import type { HostProviders } from './providers/host-config.js';
import type { OutboundFetch } from './providers/outbound-fetch.js';
import type { Services } from './services.js';
import { SessionStore } from './sessions/session-store.js';
import { webhookBasicAuth } from './webhooks/webhook-basic-auth.js';

const PRUNE_INTERVAL_MS = 60 * 1000;

export interface ReferenceServerConfig {
  /** An open database (see openDatabase); the caller closes it after the server. */
  database: Database;
  secretKey: string;
  /** Keys for secrets at rest, newest first (see crypto/secret-box.ts). */
  encryptionKeys: readonly Buffer[];
  /** Origin (and optional path prefix) the server is reached at, without a trailing slash. */
  publicUrl: string;
  /** The provider every app of `apps` signs in through (the demo provider), unless `realProviders`. */
  provider?: ProviderEndpoints;
  /** Real services from their definitions, as PB_PROVIDERS_FILE configures them (replaces `apps`). */
  realProviders?: HostProviders;
  /** Calls to services; by default a fetch that honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY. */
  outboundFetch?: OutboundFetch;
  logger: Logger;
  apps?: readonly App[];
  now?: () => number;
  /** Rate limits and quotas; see LimitSettings for each one and its default. */
  limits?: Partial<LimitSettings>;
  /**
   * Per app, the signing secret of the platform's own app at the service, for services that sign
   * webhooks with it (Slack): see webhooks/webhook-signatures.ts.
   */
  webhookSigningSecrets?: Readonly<Record<string, string>>;
  /** How often an open live stream (GET /v1/events) sends a heartbeat. Default 15 s. */
  liveHeartbeatSeconds?: number;
  /**
   * The background checks of every connection (see checks/check-settings.ts for each value and
   * its default); `false` runs none (the provider health then changes only by override).
   */
  checks?: Partial<CheckSettings> | false;
  /** How provider health is derived from the checks. */
  healthDerivation?: Partial<HealthDerivationSettings>;
  /** Signed webhooks to the host backend (host-webhooks/); none are sent without it. */
  hostWebhook?: Pick<HostWebhookSettings, 'url' | 'secret'> & Partial<HostWebhookSettings>;
  /**
   * The elements' script-tag bundle (`packages/elements/dist/plugboard.iife.js`) the page of a
   * connect link loads; without it connect links can be minted but their page says it is
   * unavailable.
   */
  connectPageBundleFile?: string;
}

export interface ReferenceServer {
  services: Services;
  handler: RequestListener;
  /**
   * Stops housekeeping and the background checks (waiting for those under way), releases
   * long-polls and ends live streams; the caller closes the database and the listener afterwards.
   */
  close(): Promise<void>;
}

export function createReferenceServer(config: ReferenceServerConfig): ReferenceServer {
  const now = config.now ?? Date.now;
  const { database, publicUrl } = config;
  const { db } = database;
  warmRequestSchemas();
  const box = createSecretBox(config.encryptionKeys);
  const sessions = new SessionStore(db, now);
  const providers = providerSetup({ ...config, apps: config.apps ?? demoCatalog, now });
  const checkRepository = new CheckRepository(db);
  const derivedHealth = new DerivedHealth(
    checkRepository,
    settingsWithDefaults(DEFAULT_HEALTH_DERIVATION, config.healthDerivation),
    now,
  );
  const catalog = new CatalogService(
    providers.apps,
    db,
    database.notifications,
    publicUrl,
    now,
    derivedHealth,
  );
  const connectionRepository = new ConnectionRepository(db, box);
  const limits = new UsageLimits(db, now, settingsWithDefaults(DEFAULT_LIMITS, config.limits));
  const basicAuth = webhookBasicAuth(config.encryptionKeys[0]!);
  const hostWebhooks = new HostWebhookRepository(db);
  const hostWebhookSettings = config.hostWebhook && {
    ...settingsWithDefaults(DEFAULT_HOST_WEBHOOK_SETTINGS, config.hostWebhook),
    url: config.hostWebhook.url,
    secret: config.hostWebhook.secret,
  };
  const sender =
    hostWebhookSettings &&
    new HostWebhookSender({
      repository: hostWebhooks,
      settings: hostWebhookSettings,
      fetch: config.outboundFetch ?? createOutboundFetch(),
      logger: config.logger,
      now,
    });
  const connectLinks = new ConnectLinkService({
    db,
    sessions,
    catalog,
    connections: connectionRepository,
    publicUrl,
    encryptionKey: config.encryptionKeys[0]!,
    now,
  });
  const reconnectReturnUrl = hostWebhookSettings?.reconnectReturnUrl;
  const reconnectLink: ReconnectLinkMaker | undefined =
    reconnectReturnUrl === undefined
      ? undefined
      : async (trx, event) => {
          const link = await connectLinks.create(
            {
              userId: event.userId,
              allowedOrigins: [new URL(reconnectReturnUrl).origin],
              connectionId: event.connectionId,
              returnUrl: reconnectReturnUrl,
              ttlSeconds: Math.round(hostWebhookSettings!.reconnectLinkTtlMs / 1000),
            },
            trx,
          );
          return link.url;
        };
  const events = new ConnectionEventLog({
    db,
    dialect: database.dialect,
    notifications: database.notifications,
    now,
    sinks: hostWebhookSettings
      ? [new HostWebhookOutbox(hostWebhooks, now, reconnectLink).enqueue]
      : [],
  });
  const connections = new ConnectionService({
    db,
    catalog,
    limits,
    repository: connectionRepository,
    provider: providers.client,
    publicUrl,
    webhookBasicAuth: basicAuth,
    events,
    now,
  });
  const notifier = new FlowNotifier(database.notifications);
  const liveHub = new LiveHub(events);
  const oauth = new OAuthService({
    catalog,
    connections,
    connectionRepository,
    flows: new FlowRepository(db, box),
    limits,
    sessions,
    notifier,
    provider: providers.client,
    publicUrl,
    now,
  });
  const services: Services = {
    secretKey: config.secretKey,
    publicUrl,
    database,
    now,
    logger: config.logger,
    sessions,
    catalog,
    connections,
    setup: new SetupService({ connections, catalog, limits, now }),
    connectionRepository,
    events,
    live: { hub: liveHub, heartbeatSeconds: config.liveHeartbeatSeconds ?? 15 },
    hostWebhooks,
    idempotency: new IdempotencyStore(db, now),
    requestDigest: createRequestDigester(config.encryptionKeys),
    limits,
    oauth,
    webhookKeys: { basicAuth, configuredSecrets: config.webhookSigningSecrets ?? {} },
    connectLinks,
    ...(config.connectPageBundleFile && {
      connectPage: { bundle: cachedFile(config.connectPageBundleFile) },
    }),
  };
  const scheduler =
    config.checks === false
      ? undefined
      : new CheckScheduler({
          checks: checkRepository,
          connections,
          settings: settingsWithDefaults(DEFAULT_CHECK_SETTINGS, config.checks),
          logger: config.logger,
          now,
        });
  scheduler?.start();
  sender?.start();
  // A change queued a webhook (on any instance): send it now rather than at the next tick.
  const stopWaking = sender ? events.subscribe(() => sender.wake()) : undefined;
  const app = createApp(services);
  const prune = () => {
    pruneExpired(db, now()).catch((error: unknown) => {
      config.logger.warn('pruning expired rows failed', { message: String(error) });
    });
  };
  prune();
  // unref: housekeeping alone must not keep the process alive.
  const pruneTimer = setInterval(prune, PRUNE_INTERVAL_MS).unref();
  return {
    services,
    handler: getRequestListener(app.fetch),
    close: async () => {
      clearInterval(pruneTimer);
      notifier.releaseAll();
      liveHub.close();
      stopWaking?.();
      await Promise.all([scheduler?.stop(), sender?.stop()]);
    },
  };
}

/** The defaults, with each configured value that is set. */
function settingsWithDefaults<T extends object>(defaults: T, configured: Partial<T> = {}): T {
  const set = Object.entries(configured).filter(([, value]) => value !== undefined);
  return { ...defaults, ...Object.fromEntries(set) };
}

/** Reads `path` once, when first asked (a missing file fails that request, not the start). */
function cachedFile(path: string): () => Promise<Buffer> {
  let contents: Promise<Buffer> | undefined;
  return () => {
    contents ??= readFile(path).catch((error: unknown) => {
      contents = undefined;
      throw error;
    });
    return contents;
  };
}
