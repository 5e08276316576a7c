// Everything the routes need, built once per server.
import type { CatalogService } from './catalog/catalog-service.js';
import type { ConnectLinkService } from './connect-links/connect-link-service.js';
import type { ConnectionRepository } from './connections/connection-repository.js';
import type { ConnectionService } from './connections/connection-service.js';
import type { IdempotencyStore } from './connections/idempotency-store.js';
import type { SetupService } from './connections/setup-service.js';
import type { RequestDigester } from './crypto/request-digest.js';
import type { Database } from './db/open-database.js';
import type { ConnectionEventLog } from './events/index.js';
import type { HostWebhookRepository } from './host-webhooks/host-webhook-repository.js';
import type { Logger } from './http/logger.js';
import type { LiveHub } from './live/live-hub.js';
import type { UsageLimits } from './limits/usage-limits.js';
import type { OAuthService } from './oauth/oauth-service.js';
import type { SessionStore } from './sessions/session-store.js';
import type { DeliveryKeys } from './webhooks/verify-delivery.js';

export interface Services {
  secretKey: string;
  publicUrl: string;
  database: Database;
  now: () => number;
  logger: Logger;
  sessions: SessionStore;
  catalog: CatalogService;
  connections: ConnectionService;
  /** Setup after sign-in: live options, settings, checks. */
  setup: SetupService;
  connectionRepository: ConnectionRepository;
  /** Every change of a connection, in order (events/index.ts). */
  events: ConnectionEventLog;
  /** The open live streams of this instance (GET /v1/events) and their heartbeat. */
  live: { hub: LiveHub; heartbeatSeconds: number };
  /** The webhooks sent to the host backend (for the admin listing). */
  hostWebhooks: HostWebhookRepository;
  idempotency: IdempotencyStore;
  /** Keyed digests of request bodies, for Idempotency-Key checks. */
  requestDigest: RequestDigester;
  limits: UsageLimits;
  oauth: OAuthService;
  /** What webhook deliveries are checked with (webhooks/verify-delivery.ts). */
  webhookKeys: DeliveryKeys;
  /** Single-use links to connect or reconnect an app (connect-links/). */
  connectLinks: ConnectLinkService;
  /** The page connect links open; without it they only say the page is unavailable. */
  connectPage?: {
    /** The elements' script-tag bundle (classic script, every locale inlined). */
    bundle: () => Promise<Buffer>;
  };
}
