// Connections made straight through the Connect API, as the end user's earlier visits would have
// left them, so a keyboard test can start on a page that already lists several.
import { randomUUID } from 'node:crypto';
import type { Connection, CreateConnectionRequest } from '@plugboard/contract';
import type { MintedSession, ReferenceStack } from './fixtures.js';

/** The key every demo service accepts. */
const DEMO_KEY = 'demo-key-123';

/** Connects `app` (an app whose only method is an API key named `apiKey`) for the session's user. */
export async function connectWithApiKey(
  stack: ReferenceStack,
  session: MintedSession,
  app: string,
): Promise<Connection> {
  const body: CreateConnectionRequest = { app, method: 'api_key', fields: { apiKey: DEMO_KEY } };
  const response = await fetch(new URL('/v1/connections', stack.url), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${session.token}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) {
    throw new Error(`connecting ${app} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as Connection;
}
