// Fixtures for the fault-recovery suite (test/e2e/faults), on top of harness/fixtures.ts:
// - the stack serves the demo apps padded past core's REMOTE_SEARCH_THRESHOLD, so the picker
//   searches on the server; every fault spec shares this one stack (and worker)
// - openFaultPage(params): opens test/pages/faults/faults.html for endUser
// - backendConnections(): endUser's connections to the dialog's app, as the backend has them
// - backendAppNames(query): the names of the apps the backend lists for `GET /v1/apps?{query}`
// - pageErrors: a test fails on any uncaught error in the page (no fault may crash an element)
import type { TestType } from '@playwright/test';
import type { AppPage, Connection } from '@plugboard/contract';
import { REMOTE_SEARCH_THRESHOLD } from '@plugboard/core';
import { connectionsOf } from './backend-lookups.js';
import {
  DIALOG_APP_KEY,
  toSearchParams,
  type FaultPageParams,
} from '../pages/faults/fault-page-params.js';
import { expect, test as base } from './fixtures.js';

interface FaultFixtures {
  openFaultPage: (params: FaultPageParams) => Promise<void>;
  backendConnections: () => Promise<Connection[]>;
  backendAppNames: (query: URLSearchParams) => Promise<string[]>;
  pageErrors: readonly string[];
}

// fixtures.ts does not export its fixture types; name them through `base` for the declaration.
type FixturesOf<T> = T extends TestType<infer Test, infer Worker> ? [Test, Worker] : never;
type BaseFixtures = FixturesOf<typeof base>;

export const test: TestType<BaseFixtures[0] & FaultFixtures, BaseFixtures[1]> =
  base.extend<FaultFixtures>({
    stackOptions: [
      {
        port: 0,
        providerPort: 0,
        dbPath: ':memory:',
        quiet: true,
        catalogSize: REMOTE_SEARCH_THRESHOLD + 1,
      },
      { scope: 'worker' },
    ],

    openFaultPage: async ({ page, pageServer, endUser }, use) => {
      await use(async (params) => {
        await page.goto(
          pageServer.url('faults/faults.html', { user: endUser, ...toSearchParams(params) }),
        );
      });
    },

    backendConnections: async ({ stack, pageServer, session }, use) => {
      await use(async () =>
        connectionsOf(stack, await session(pageServer.origin), pageServer.origin, DIALOG_APP_KEY),
      );
    },

    backendAppNames: async ({ stack, pageServer, session }, use) => {
      await use(async (query) => {
        const { token } = await session(pageServer.origin);
        const response = await fetch(new URL(`/v1/apps?${query}`, stack.url), {
          headers: { authorization: `Bearer ${token}`, origin: pageServer.origin },
        });
        expect(response.status).toBe(200);
        return ((await response.json()) as AppPage).items.map((app) => app.name);
      });
    },

    pageErrors: [
      async ({ page }, use) => {
        const errors: string[] = [];
        page.on('pageerror', (error) => {
          // The page server's Vite client (not under test) loses its socket when a test is offline.
          if (error.stack?.includes('/@vite/client')) return;
          errors.push(`${error.name}: ${error.message}`);
        });
        await use(errors);
        expect(errors, 'uncaught errors in the page').toEqual([]);
      },
      { auto: true },
    ],
  });

export { expect };
