// Fixtures for the proof suites (test/e2e/proof), on top of harness/fixtures.ts:
// - the popup blocker is ON: Playwright's default `--disable-popup-blocking` is removed, so a
//   window.open without a user gesture really is blocked (TOOLCHAIN.md); a test that relies on the
//   blocker refusing a popup also needs `test.use(NO_GESTURE_FROM_TRACING)`, see below
// - traffic:        everything the context sent and received, see proof-traffic.ts
// - providerTokens: the token values the demo provider's token endpoint handed to the backend
//   during the test, captured by wrapping Node's fetch (the backend runs in this worker process)
// - flowStatus(id): the backend's view of an OAuth flow, read with a fresh session as the host would
// - openerPolicyHost: the test pages on another origin that sends Cross-Origin-Opener-Policy
import type { TestType } from '@playwright/test';
import type { OAuthFlow } from '@plugboard/contract';
import { mintSession } from '@plugboard/server';
import { test as base } from './fixtures.js';
import type { PageServer } from './page-server.js';
import { startOpenerPolicyHost } from './proof-opener-policy-host.js';
import { recordTraffic, type Traffic } from './proof-traffic.js';

interface ProofFixtures {
  traffic: Traffic;
  providerTokens: readonly string[];
  flowStatus: (flowId: string) => Promise<OAuthFlow['status']>;
  openerPolicyHost: PageServer;
}

const TOKEN_FIELDS = ['access_token', 'refresh_token', 'id_token'];

// fixtures.ts does not export its fixture types; name them through `base` for the declaration.
type FixturesOf<T> = T extends TestType<infer Test, infer Worker> ? [Test, Worker] : never;
type BaseTestFixtures = FixturesOf<typeof base>[0];
type BaseWorkerFixtures = FixturesOf<typeof base>[1];

export const test: TestType<BaseTestFixtures & ProofFixtures, BaseWorkerFixtures> =
  base.extend<ProofFixtures>({
    launchOptions: [
      async ({ launchOptions }, use) => {
        const ignored = launchOptions.ignoreDefaultArgs;
        await use({
          ...launchOptions,
          ignoreDefaultArgs: [
            ...(Array.isArray(ignored) ? ignored : []),
            '--disable-popup-blocking',
          ],
        });
      },
      { scope: 'worker' },
    ],

    traffic: async ({ context }, use) => {
      const traffic = recordTraffic(context);
      await use(traffic);
    },

    providerTokens: async ({ stack }, use) => {
      const providerOrigin = new URL(stack.providerUrl).origin;
      const tokens: string[] = [];
      const originalFetch = globalThis.fetch;
      globalThis.fetch = async (input, init) => {
        const response = await originalFetch(input, init);
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (url.origin === providerOrigin && init?.method === 'POST') {
          const body = (await response
            .clone()
            .json()
            .catch(() => null)) as Record<string, unknown> | null;
          for (const field of TOKEN_FIELDS) {
            const value = body?.[field];
            if (typeof value === 'string' && value !== '') tokens.push(value);
          }
        }
        return response;
      };
      try {
        await use(tokens);
      } finally {
        globalThis.fetch = originalFetch;
      }
    },

    openerPolicyHost: async ({ stack, pageServer }, use) => {
      const host = await startOpenerPolicyHost(pageServer, async (userId, origin) => {
        const { token } = await mintSession(stack, { userId, allowedOrigins: [origin] });
        return token;
      });
      try {
        await use(host);
      } finally {
        await host.close();
      }
    },

    flowStatus: async ({ stack, pageServer, session }, use) => {
      await use(async (flowId) => {
        const { token } = await session(pageServer.origin);
        const response = await fetch(new URL(`/v1/oauth/flows/${flowId}`, stack.url), {
          headers: { authorization: `Bearer ${token}`, origin: pageServer.origin },
        });
        if (!response.ok) throw new Error(`GET flow ${flowId} answered ${response.status}`);
        return ((await response.json()) as OAuthFlow).status;
      });
    },
  });

/**
 * Trace options for tests that need a page WITHOUT user activation. Playwright takes trace DOM
 * snapshots by evaluating script in the page with a user gesture, which hands the page a transient
 * activation and lets a gesture-less popup through; screenshots and the action log stay. (Locators
 * evaluate the same way: such a test must not query the page until the popup was refused.)
 */
export const NO_GESTURE_FROM_TRACING = {
  trace: { mode: 'retain-on-failure', snapshots: false },
} as const;

export { expect } from './fixtures.js';
