// The durable log of connection changes (see index.ts for the interface). Rows are written inside
// the transaction of the change they describe, so a change and its event commit or vanish together.
import { sql, type Selectable } from 'kysely';
import type { DialectName } from '../db/open-database.js';
import type { Notifications } from '../db/notifications.js';
import type { ConnectionEventsTable, Db, Queryable } from '../db/schema.js';
import type {
  ConnectionEvent,
  ConnectionEventDetail,
  ConnectionEventType,
  NewConnectionEvent,
} from './connection-event.js';

/**
 * PostgreSQL hands out sequence values when rows are inserted, not when they commit: two writers
 * could commit ids 11 then 10, and a reader that saw 11 would skip 10 for ever. Writers take this
 * transaction-scoped lock before inserting, so ids commit in order (any constant will do).
 */
const EVENT_ORDER_LOCK_KEY = 7_262_021_015;
const MAX_READ = 1000;

/** Called with each batch of events inside the transaction that records them (an outbox). */
export type ConnectionEventSink = (
  db: Queryable,
  events: readonly ConnectionEvent[],
) => Promise<void>;

export interface ConnectionEventLogDeps {
  db: Db;
  dialect: DialectName;
  notifications: Notifications;
  now: () => number;
  /** Writers of what follows from an event (host webhooks), committed with it. */
  sinks?: readonly ConnectionEventSink[];
}

export class ConnectionEventLog {
  constructor(private readonly deps: ConnectionEventLogDeps) {}

  /**
   * Appends `events` in the caller's transaction (or a transaction of its own when given the
   * database) and wakes the log's subscribers on every instance once it commits.
   */
  async record(db: Queryable, events: readonly NewConnectionEvent[]): Promise<ConnectionEvent[]> {
    if (events.length === 0) return [];
    if (!db.isTransaction) {
      return db.transaction().execute((trx) => this.record(trx, events));
    }
    if (this.deps.dialect === 'postgres') {
      await sql`SELECT pg_advisory_xact_lock(${EVENT_ORDER_LOCK_KEY})`.execute(db);
    }
    const at = this.deps.now();
    const recorded: ConnectionEvent[] = [];
    for (const event of events) {
      const row = await db
        .insertInto('connection_events')
        .values({
          type: event.type,
          user_id: event.userId,
          app: event.app,
          connection_id: event.connectionId,
          at,
          detail: JSON.stringify(event.detail),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      recorded.push({ ...event, id: Number(row.id), at: new Date(at).toISOString() });
    }
    for (const sink of this.deps.sinks ?? []) await sink(db, recorded);
    for (const userId of new Set(events.map((event) => event.userId))) {
      await this.deps.notifications.publish('connection_event', userId, db);
    }
    return recorded;
  }

  /** The user's events after `afterId` (0: from the oldest kept), oldest first, at most `limit`. */
  async since(userId: string, afterId: number, limit = 100): Promise<ConnectionEvent[]> {
    const rows = await this.deps.db
      .selectFrom('connection_events')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(Math.max(1, Math.min(limit, MAX_READ)))
      .execute();
    return rows.map(fromRow);
  }

  /** The id of the user's newest event (0 when none): where a reader that wants only news starts. */
  async latestId(userId: string): Promise<number> {
    const row = await this.deps.db
      .selectFrom('connection_events')
      .select((eb) => eb.fn.max('id').as('latest'))
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(row?.latest ?? 0);
  }

  /**
   * Calls `listener` with the user id whenever events of that user were committed, on any
   * instance. A wake-up may be lost (see Notifications.pollFallbackMs) or spurious: read `since`.
   */
  subscribe(listener: (userId: string) => void): () => void {
    return this.deps.notifications.subscribe('connection_event', listener);
  }

  /** How often a reader should call `since` anyway, in case a wake-up was lost. */
  get pollFallbackMs(): number {
    return this.deps.notifications.pollFallbackMs;
  }
}

function fromRow(row: Selectable<ConnectionEventsTable>): ConnectionEvent {
  return {
    id: Number(row.id),
    type: row.type as ConnectionEventType,
    userId: row.user_id,
    app: row.app,
    connectionId: row.connection_id,
    at: new Date(Number(row.at)).toISOString(),
    detail: JSON.parse(row.detail) as ConnectionEventDetail,
  };
}
