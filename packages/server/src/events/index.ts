// The connection event log: every change of a connection, durable and in order.
//
//   log.record(db | trx, events)        appends events inside the change's own transaction (opens
//                                       one when given the database); returns them with ids. The
//                                       log's sinks (host webhooks) write in that transaction too.
//   log.since(userId, afterId, limit?)  the user's events with id > afterId, oldest first (≤ 1000).
//   log.latestId(userId)                the user's newest id, 0 when none.
//   log.subscribe(listener)             listener(userId) after events of that user committed, on
//                                       any instance (LISTEN/NOTIFY on PostgreSQL); may be lost or
//                                       spurious, so readers also poll every `log.pollFallbackMs`
//                                       (Infinity on SQLite, where nothing is lost).
//
// An event: { id, type, userId, app, connectionId, at, detail }.
//   id      monotonic across the log and never reused, in commit order on both databases: usable
//           as an SSE `id` / `Last-Event-ID`. Events older than a week are pruned
//           (db/prune-expired.ts): a reader further behind starts again from `latestId`.
//   type    connection.created | connection.updated | connection.deleted | connection.needs_reauth
//           | connection.recovered | connection.test_failed | connection.event_received
//   at      ISO 8601, the server's clock when recorded.
//   detail  { status?, previousStatus?, label?, error?: { code, message }, receivedAt? }: never a
//           secret (no token, key or credential hint).
//
// Which changes give which events: change-events.ts (connection-service.ts states each change).
export { eventReceived, eventsForChange, type ChangeCause } from './change-events.js';
export {
  type ConnectionEvent,
  type ConnectionEventType,
  type NewConnectionEvent,
} from './connection-event.js';
export { ConnectionEventLog } from './connection-event-log.js';
