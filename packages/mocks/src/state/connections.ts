// Every write to the stored connections goes through here, so each one is also told on the live
// channel (state/live-events.ts). Connections are replaced, never mutated.
import type { Connection } from '@plugboard/contract';
import type { MockContext } from '../context.js';
import { recordLiveEvents, typesForWrite, type WriteCause } from './live-events.js';

export function addConnection(ctx: MockContext, connection: Connection): void {
  ctx.state.connections.push(connection);
  recordLiveEvents(ctx, ['connection.created'], connection);
}

/** Swaps in a new version of a stored connection. */
export function replaceConnection(
  ctx: MockContext,
  connection: Connection,
  cause: WriteCause,
): void {
  const index = ctx.state.connections.findIndex((candidate) => candidate.id === connection.id);
  if (index < 0) return;
  const before = ctx.state.connections[index]!;
  ctx.state.connections[index] = connection;
  recordLiveEvents(ctx, typesForWrite(before, connection, cause), connection);
}

export function removeConnection(ctx: MockContext, connection: Connection): void {
  ctx.state.connections = ctx.state.connections.filter(
    (candidate) => candidate.id !== connection.id,
  );
  ctx.state.accounts.delete(connection.id);
  recordLiveEvents(ctx, ['connection.deleted'], connection);
}
