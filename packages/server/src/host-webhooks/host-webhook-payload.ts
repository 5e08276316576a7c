// The body of a host webhook: `{ type, timestamp, data }` as Standard Webhooks suggests, with the
// user, app and connection, the status the change left, and never a secret (docs/events.md).
import type { ConnectionEvent, ConnectionEventType } from '../events/index.js';

/** What the host is told about; connection.event_received is for the widget only. */
const HOST_TYPES: ReadonlySet<ConnectionEventType> = new Set([
  'connection.created',
  'connection.updated',
  'connection.deleted',
  'connection.needs_reauth',
  'connection.recovered',
  'connection.test_failed',
]);

export function isHostWebhookType(type: ConnectionEventType): boolean {
  return HOST_TYPES.has(type);
}

export function hostWebhookBody(event: ConnectionEvent, reconnectUrl?: string): string {
  const { status, previousStatus, label, error } = event.detail;
  return JSON.stringify({
    type: event.type,
    timestamp: event.at,
    data: {
      userId: event.userId,
      app: event.app,
      connectionId: event.connectionId,
      ...(status && { status }),
      ...(previousStatus && { previousStatus }),
      ...(label && { label }),
      ...(error && { error: { code: error.code, message: error.message } }),
      ...(reconnectUrl && { reconnectUrl }),
    },
  });
}
