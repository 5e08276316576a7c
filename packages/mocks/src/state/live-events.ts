// The mock's event log for the live channel (GET /v1/events): every change of a connection, with
// the same event types and rules as the reference server, numbered from 1 per backend.
import type { Connection, LiveEvent, LiveEventType } from '@plugboard/contract';
import type { MockContext } from '../context.js';

/** Why a connection was written: the user edited it, a test ran, or its webhook was called. */
export type WriteCause = 'edit' | 'test' | 'webhook';

export function recordLiveEvents(
  ctx: MockContext,
  types: readonly LiveEventType[],
  subject: Pick<Connection, 'id' | 'app'>,
): void {
  if (types.length === 0) return;
  const at = new Date().toISOString();
  for (const type of types) {
    ctx.state.liveEvents.push({
      id: String(ctx.state.liveEvents.length + 1),
      type,
      app: subject.app,
      connectionId: subject.id,
      at,
    });
  }
  for (const listener of [...ctx.liveListeners]) listener();
}

/** The types one write gives (the reference server's events/change-events.ts rules). */
export function typesForWrite(
  before: Connection,
  after: Connection,
  cause: WriteCause,
): LiveEventType[] {
  if (cause === 'webhook') return ['connection.event_received'];
  const types: LiveEventType[] = cause === 'edit' ? ['connection.updated'] : [];
  const changed = before.status !== after.status;
  if (after.status === 'needs_reauth' && changed) types.push('connection.needs_reauth');
  else if (after.status === 'connected' && changed) types.push('connection.recovered');
  else if (after.status !== 'connected' && (cause === 'test' || changed)) {
    types.push('connection.test_failed');
  }
  return types;
}

/** An event as a stream sends it: with the connection as it is now, unless it is gone. */
export function wireEvent(ctx: MockContext, event: LiveEvent): LiveEvent {
  if (event.type === 'connection.deleted') return event;
  const connection = ctx.state.connections.find((candidate) => candidate.id === event.connectionId);
  return connection ? { ...event, connection } : event;
}
