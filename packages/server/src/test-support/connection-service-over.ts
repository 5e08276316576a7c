// A ConnectionService over a test database with a scripted provider: what the unit tests of the
// connection lifecycle build (two of them over one database stand for two server instances).
import { randomBytes } from 'node:crypto';
import type { CatalogService } from '../catalog/catalog-service.js';
import type { ConnectionRepository } from '../connections/connection-repository.js';
import { ConnectionService } from '../connections/connection-service.js';
import type { Database } from '../db/open-database.js';
import { ConnectionEventLog } from '../events/index.js';
import { DEFAULT_LIMITS, UsageLimits } from '../limits/usage-limits.js';
import type { ProviderClient } from '../provider/provider-client.js';
import { webhookBasicAuth } from '../webhooks/webhook-basic-auth.js';

export function connectionServiceOver(input: {
  database: Database;
  catalog: CatalogService;
  repository: ConnectionRepository;
  provider: ProviderClient;
  now?: () => number;
}): { service: ConnectionService; events: ConnectionEventLog } {
  const { database, now = Date.now } = input;
  const events = new ConnectionEventLog({
    db: database.db,
    dialect: database.dialect,
    notifications: database.notifications,
    now,
  });
  const service = new ConnectionService({
    db: database.db,
    catalog: input.catalog,
    limits: new UsageLimits(database.db, now, DEFAULT_LIMITS),
    repository: input.repository,
    provider: () => input.provider,
    publicUrl: 'http://127.0.0.1:1',
    webhookBasicAuth: webhookBasicAuth(randomBytes(32)),
    events,
    now,
  });
  return { service, events };
}
