import type { Connection } from '@plugboard/contract';
import type { MockContext } from '../context.js';

/** Swaps in a new version of a stored connection (connections are replaced, never mutated). */
export function replaceConnection(ctx: MockContext, connection: Connection): void {
  const index = ctx.state.connections.findIndex((candidate) => candidate.id === connection.id);
  if (index >= 0) ctx.state.connections[index] = connection;
}
