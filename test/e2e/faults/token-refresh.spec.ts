// 401s: requests refused together share ONE token refresh (one call to the host backend's session
// endpoint) and are each replayed once; a request refused again after the refresh ends the
// session with a clear message, and the form keeps what the user typed.
import type { Page } from '@playwright/test';
import { HARNESS_PATHS } from '../../harness/harness-paths.js';
import { expect, test } from '../../harness/fault-fixtures.js';
import { credentialsForm, expectInputKept, fillIn } from '../../harness/fault-credentials-form.js';
import {
  expectOneIdempotencyKey,
  interceptBackend,
  problemAnswer,
  type InterceptedCall,
} from '../../harness/fault-network.js';
import { appPicker } from '../../harness/fault-picker.js';

/** The page's calls to the host backend for a session token. */
function sessionTokenRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === HARNESS_PATHS.session) requests.push(request.url());
  });
  return requests;
}

/** Which session token a call carried (a digest of it). */
const tokenOf = (call: InterceptedCall) => call.headers['authorization'];

test('three requests refused with 401 at once share one token refresh and are each replayed once', async ({
  page,
  stack,
  openFaultPage,
  backendConnections,
}) => {
  const tokenRequests = sessionTokenRequests(page);
  // The picker lists the apps and the connections while the dialog loads its app: three calls.
  const refusals: Array<() => Promise<void>> = [];
  const refused = new Set<string>();
  const loads = await interceptBackend(
    page,
    stack.url,
    { method: 'GET', path: /^\/v1\/(apps|apps\/[^/]+|connections)$/ },
    async (route, call) => {
      if (refused.has(call.url.pathname)) return route.fallback();
      refused.add(call.url.pathname);
      refusals.push(() => route.fulfill(problemAnswer(call, 401, 'unauthorized')));
      // Held until all three are in flight with the same token, then refused together.
      if (refusals.length === 3) await Promise.all(refusals.map((refuse) => refuse()));
    },
  );
  await openFaultPage({ elements: ['picker', 'dialog'] });
  const form = credentialsForm(page);

  await fillIn(form);
  await expect(appPicker(page).options.first()).toBeVisible();
  // Three refused calls, three replays; one token for the first calls, one refresh for all three.
  await expect.poll(() => loads.length).toBe(6);
  expect(tokenRequests).toHaveLength(2);
  const [first, replays] = [loads.slice(0, 3), loads.slice(3)];
  expect(new Set(first.map((call) => call.url.pathname)).size).toBe(3);
  expect(replays.map((call) => call.url.pathname).sort()).toEqual(
    first.map((call) => call.url.pathname).sort(),
  );
  expect(tokenOf(first[0]!)).toMatch(/^sha256:/);
  expect(new Set(first.map(tokenOf)).size).toBe(1);
  expect(new Set(replays.map(tokenOf)).size).toBe(1);
  expect(tokenOf(replays[0]!)).not.toBe(tokenOf(first[0]!));

  // The new session works for writes too.
  await form.submit.click();
  await expect(form.connected).toBeVisible();
  expect(await backendConnections()).toHaveLength(1);
  expect(tokenRequests).toHaveLength(2);
});

test('a 401 again after the refresh ends the session clearly, and the form keeps the input', async ({
  page,
  stack,
  openFaultPage,
  backendConnections,
}) => {
  const tokenRequests = sessionTokenRequests(page);
  const creates = await interceptBackend(
    page,
    stack.url,
    { method: 'POST', path: /^\/v1\/connections$/ },
    async (route, call, index) => {
      // The create and its replay with the refreshed token are both refused.
      if (index < 2) return route.fulfill(problemAnswer(call, 401, 'unauthorized'));
      await route.fallback();
    },
  );
  await openFaultPage({ elements: ['dialog'] });
  const form = credentialsForm(page);
  await fillIn(form);
  expect(tokenRequests).toHaveLength(1);

  await form.submit.click();
  await expect(
    form.dialog.getByRole('alert').getByRole('heading', {
      name: 'This window timed out for your security.',
    }),
  ).toBeVisible();
  expect(creates).toHaveLength(2);
  expect(tokenOf(creates[1]!)).not.toBe(tokenOf(creates[0]!));
  expect(tokenRequests).toHaveLength(2);

  await form.dialog.getByRole('button', { name: 'Start again' }).click();
  await expectInputKept(form);
  await form.submit.click();
  await expect(form.connected).toBeVisible();
  expectOneIdempotencyKey(creates);
  expect(await backendConnections()).toHaveLength(1);
});
