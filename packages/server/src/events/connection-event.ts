// What the event log stores: one row per change of a connection, in the order the changes committed.
import type { ConnectionError, ConnectionStatus } from '@plugboard/contract';

export type ConnectionEventType =
  | 'connection.created'
  | 'connection.updated'
  | 'connection.deleted'
  | 'connection.needs_reauth'
  | 'connection.recovered'
  | 'connection.test_failed'
  | 'connection.event_received';

/** Small and secret-free: what a listener needs to redraw a connection or word a notice. */
export interface ConnectionEventDetail {
  status?: ConnectionStatus;
  /** Set when the status changed. */
  previousStatus?: ConnectionStatus;
  /** The account name the connection shows (the account's e-mail, or the user's own label). */
  label?: string;
  /** Why the connection failed (the same as its `lastError`). */
  error?: ConnectionError;
  /** When the service's webhook delivery arrived (connection.event_received), ISO 8601. */
  receivedAt?: string;
}

export interface NewConnectionEvent {
  type: ConnectionEventType;
  userId: string;
  app: string;
  connectionId: string;
  detail: ConnectionEventDetail;
}

export interface ConnectionEvent extends NewConnectionEvent {
  /** Monotonic across the whole log and never reused: a reader resumes after the last it saw. */
  id: number;
  /** When the change was recorded, ISO 8601. */
  at: string;
}
