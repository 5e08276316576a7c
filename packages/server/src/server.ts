// Builds the reference server's services and HTTP handler from its configuration. Apps talk to
// their services through provider definitions: real services as the host configured them, or every
// demo catalog app through the demo provider (any OAuth 2.0 server with a "who am I" API).
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
import type { ProviderEndpoints } from './provider/provider-endpoints.js';
import { providerSetup } from './providers/provider-setup.js';
import type { HostProviders } from './providers/host-config.js';
import type { OutboundFetch } from './providers/outbound-fetch.js';
import type { Services } from './services.js';
import { SessionStore } from './sessions/session-store.js';

const DEFAULT_CREDENTIAL_ATTEMPTS_PER_MINUTE = 10;
const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

export interface ReferenceServerConfig {
  db: Db;
  secretKey: string;
  encryptionKey: Buffer;
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
  credentialAttemptsPerMinute?: number;
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
  const providers = providerSetup({ ...config, apps: config.apps ?? demoCatalog, now });
  const catalog = new CatalogService(providers.apps, db, publicUrl, now);
  const connectionRepository = new ConnectionRepository(db, box);
  const connections = new ConnectionService({
    catalog,
    repository: connectionRepository,
    provider: providers.client,
    publicUrl,
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
    provider: providers.client,
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
