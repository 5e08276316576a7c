// Builds the reference server's services and HTTP handler from its configuration. The provider
// may be any OAuth 2.0 server with a "who am I" API; the reference stack wires the demo one.
import type { App } from '@plugboard/contract';
import { demoCatalog } from '@plugboard/contract/demo-catalog';
import { getRequestListener } from '@hono/node-server';
import type { RequestListener } from 'node:http';
import { createApp } from './app.js';
import { CatalogService } from './catalog/catalog-service.js';
import { ConnectionRepository } from './connections/connection-repository.js';
import { ConnectionService } from './connections/connection-service.js';
import { IdempotencyStore } from './connections/idempotency-store.js';
import { createSecretBox } from './crypto/secret-box.js';
import type { Db } from './db/open-database.js';
import { pruneExpired } from './db/prune-expired.js';
import type { Logger } from './http/logger.js';
import { RateLimiter } from './http/rate-limiter.js';
import { warmRequestSchemas } from './http/request-schemas.js';
import { FlowNotifier } from './oauth/flow-notifier.js';
import { FlowRepository } from './oauth/flow-repository.js';
import { OAuthService } from './oauth/oauth-service.js';
import { ProviderClient } from './provider/provider-client.js';
import type { ProviderEndpoints } from './provider/provider-endpoints.js';
import type { Services } from './services.js';
import { SessionStore } from './sessions/session-store.js';
import { webhookBasicAuth } from './webhooks/webhook-basic-auth.js';

export const DEFAULT_CREDENTIAL_ATTEMPTS_PER_MINUTE = 10;
const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

export interface ReferenceServerConfig {
  db: Db;
  secretKey: string;
  encryptionKey: Buffer;
  /** Origin (and optional path prefix) the server is reached at, without a trailing slash. */
  publicUrl: string;
  provider: ProviderEndpoints;
  logger: Logger;
  apps?: readonly App[];
  now?: () => number;
  credentialAttemptsPerMinute?: number;
  /**
   * Per app, the signing secret of the platform's own app at the service, for services that sign
   * webhooks with it (Slack): see webhooks/webhook-signatures.ts.
   */
  webhookSigningSecrets?: Readonly<Record<string, string>>;
}

export interface ReferenceServer {
  services: Services;
  handler: RequestListener;
  /** Stops housekeeping and releases long-polls; the caller closes the database and the listener. */
  close(): void;
}

export function createReferenceServer(config: ReferenceServerConfig): ReferenceServer {
  const now = config.now ?? Date.now;
  const { db, publicUrl } = config;
  warmRequestSchemas();
  const box = createSecretBox(config.encryptionKey);
  const sessions = new SessionStore(db, now);
  const catalog = new CatalogService(config.apps ?? demoCatalog, db, publicUrl, now);
  const connectionRepository = new ConnectionRepository(db, box);
  const providerClient = new ProviderClient(config.provider, now);
  const basicAuth = webhookBasicAuth(config.encryptionKey);
  const connections = new ConnectionService({
    catalog,
    repository: connectionRepository,
    provider: () => providerClient,
    publicUrl,
    webhookBasicAuth: basicAuth,
    now,
  });
  const notifier = new FlowNotifier();
  const oauth = new OAuthService({
    catalog,
    connections,
    connectionRepository,
    flows: new FlowRepository(db, box),
    sessions,
    notifier,
    provider: () => ({ client: providerClient, endpoints: config.provider }),
    publicUrl,
    now,
  });
  const services: Services = {
    secretKey: config.secretKey,
    publicUrl,
    now,
    logger: config.logger,
    sessions,
    catalog,
    connections,
    connectionRepository,
    idempotency: new IdempotencyStore(db, now),
    credentialAttempts: new RateLimiter(
      config.credentialAttemptsPerMinute ?? DEFAULT_CREDENTIAL_ATTEMPTS_PER_MINUTE,
      60_000,
      now,
    ),
    oauth,
    webhookKeys: { basicAuth, configuredSecrets: config.webhookSigningSecrets ?? {} },
  };
  const app = createApp(services);
  const prune = () => pruneExpired(db, now());
  prune();
  // unref: housekeeping alone must not keep the process alive.
  const pruneTimer = setInterval(prune, PRUNE_INTERVAL_MS).unref();
  return {
    services,
    handler: getRequestListener(app.fetch),
    close: () => {
      clearInterval(pruneTimer);
      notifier.releaseAll();
    },
  };
}
