import type { Connection } from '@plugboard/contract';
import type { MockContext } from '../context.js';
import { hookIdFor } from '../ids.js';
import { replaceConnection } from './connections.js';

/** Records an event on the connection's webhook URL (the service "calls back"). */
export function recordWebhookEvent(ctx: MockContext, connection: Connection): Connection {
  if (!connection.setup) throw new Error(`connection ${connection.id} has no webhook setup`);
  const updated: Connection = {
    ...connection,
    setup: { ...connection.setup, lastEventAt: new Date().toISOString() },
  };
  replaceConnection(ctx, updated, 'webhook');
  return updated;
}

export function connectionForHook(ctx: MockContext, hookId: string): Connection | undefined {
  return ctx.state.connections.find(
    (connection) => connection.setup !== null && hookIdFor(connection.id) === hookId,
  );
}
