// What the backend holds for the test's end user, read over HTTP as a host's server would: tests
// check the outcome there, not only on the page.
import type { Connection, ConnectionList } from '@plugboard/contract';
import { expect } from '@playwright/test';
import type { MintedSession, ReferenceStack } from './fixtures.js';

/** The end user's connections to `app`, as the backend has them (not as the page shows them). */
export async function connectionsOf(
  stack: ReferenceStack,
  session: MintedSession,
  origin: string,
  app: string,
): Promise<Connection[]> {
  const response = await fetch(new URL(`/v1/connections?app=${app}`, stack.url), {
    headers: { authorization: `Bearer ${session.token}`, origin },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as ConnectionList).items;
}
