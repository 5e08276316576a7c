// Playwright fixtures for end-to-end tests: import { test, expect } from '../harness/fixtures.js'.
// - stack:      the reference backend + demo OAuth provider (in-memory SQLite), one per worker
// - pageServer: test/pages/ on another loopback origin, acting as the host product's backend
// - endUser:    a fresh end-user id per test, so tests never see each other's connections
// - session(origin): mints a session token for endUser, as the host backend would
import { randomUUID } from 'node:crypto';
import { test as base } from '@playwright/test';
import { mintSession, startReferenceStack } from '@plugboard/server';
import { startPageServer, type PageServer } from './page-server.js';

export type ReferenceStack = Awaited<ReturnType<typeof startReferenceStack>>;
export type MintedSession = Awaited<ReturnType<typeof mintSession>>;

type StackOptions = Parameters<typeof startReferenceStack>[0];

interface WorkerFixtures {
  /** Override per file with test.use({ stackOptions: { … } }). */
  stackOptions: StackOptions;
  stack: ReferenceStack;
  pageServer: PageServer;
}

interface TestFixtures {
  /** Prefix of the generated end-user ids (an option, so reports can tell suites apart). */
  endUserPrefix: string;
  endUser: string;
  session: (origin: string) => Promise<MintedSession>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  stackOptions: [
    { port: 0, providerPort: 0, dbPath: ':memory:', quiet: true },
    { scope: 'worker', option: true },
  ],

  stack: [
    async ({ stackOptions }, use) => {
      const stack = await startReferenceStack(stackOptions);
      try {
        await use(stack);
      } finally {
        await stack.close();
      }
    },
    { scope: 'worker' },
  ],

  pageServer: [
    async ({ stack }, use) => {
      const pageServer = await startPageServer({
        backendUrl: stack.url,
        async mintToken(userId, origin) {
          const { token } = await mintSession(stack, { userId, allowedOrigins: [origin] });
          return token;
        },
      });
      try {
        await use(pageServer);
      } finally {
        await pageServer.close();
      }
    },
    { scope: 'worker' },
  ],

  endUserPrefix: ['e2e', { option: true }],

  endUser: async ({ endUserPrefix }, use) => {
    await use(`${endUserPrefix}-${randomUUID()}`);
  },

  session: async ({ stack, endUser }, use) => {
    await use(async (origin) => mintSession(stack, { userId: endUser, allowedOrigins: [origin] }));
  },
});

export { expect } from '@playwright/test';
