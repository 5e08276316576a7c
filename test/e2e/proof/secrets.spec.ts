// No secret reaches the browser: not the provider's tokens, not a stored key, not the session
// token in storage, URLs or the console; and a secret key handed to the browser client is refused.
import type { Page } from '@playwright/test';
import { expect, NO_GESTURE_FROM_TRACING, test } from '../../harness/proof-fixtures.js';
import type { Traffic } from '../../harness/proof-traffic.js';
import { findInResponses, findInUrls } from '../../harness/proof-traffic.js';
import { signInAndAllow } from '../../harness/proof-provider.js';
import type { PageServer } from '../../harness/page-server.js';
import { clickConnect, continueInThisTabAfterBlockedPopup, openOAuthPage } from './proof-page.js';

const DEMO_KEY = 'demo-key-123';
const TOKEN_FIELDS = /"(access_token|refresh_token|id_token)"\s*:/;

test.use(NO_GESTURE_FROM_TRACING);

/**
 * An API-key connection typed by the user, an OAuth popup flow (Slack) and an OAuth redirect flow
 * (HubSpot: another app, since the same demo account on the same app is a duplicate).
 */
async function runEveryFlow(
  page: Page,
  pageServer: PageServer,
  endUser: string,
  providerOrigin: string,
) {
  await page.goto(pageServer.url('proof/api-key.html', { user: endUser }));
  await expect(page.getByRole('status')).toHaveText('ready');
  await page.getByLabel('API key').fill(DEMO_KEY);
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByRole('status')).toHaveText('connected');
  await expect(page.locator('#hint')).toHaveText('••••123');

  await openOAuthPage(page, pageServer, { user: endUser });
  const popup = await clickConnect(page);
  await popup.waitForURL((url) => url.origin === providerOrigin);
  await signInAndAllow(popup);
  await expect(page.getByRole('status')).toHaveText('succeeded');

  await continueInThisTabAfterBlockedPopup(page, pageServer, { user: endUser, app: 'hubspot' });
  await page.waitForURL((url) => url.origin === providerOrigin);
  await signInAndAllow(page);
  await expect(page.getByRole('status')).toHaveText('succeeded');
}

/** The session tokens the host backend (the page server) handed to the pages. */
function sessionTokensIn(traffic: Traffic): string[] {
  return traffic.responses
    .filter((response) => new URL(response.url).pathname === '/harness/session' && response.body)
    .map((response) => (JSON.parse(response.body!) as { token: string }).token);
}

test('the traffic of every flow carries no provider token and no stored key', async ({
  page,
  stack,
  pageServer,
  endUser,
  traffic,
  providerTokens,
}) => {
  await runEveryFlow(page, pageServer, endUser, new URL(stack.providerUrl).origin);
  await traffic.settled();

  // The provider issued tokens (to the backend, server to server): two flows, each with at least
  // an access and a refresh token. None of them ever reached the browser, in any direction.
  expect(providerTokens.length).toBeGreaterThanOrEqual(4);
  for (const token of providerTokens) {
    expect(findInResponses(traffic, token)).toEqual([]);
    expect(findInUrls(traffic, token)).toEqual([]);
    expect(traffic.requests.filter((request) => request.body?.includes(token))).toEqual([]);
  }

  // The backend's answers hold no token field at all.
  const backendBodies = traffic.responses.filter(
    (response) => response.url.startsWith(`${stack.url}/`) && response.body,
  );
  expect(backendBodies.length).toBeGreaterThan(5);
  expect(backendBodies.filter((response) => TOKEN_FIELDS.test(response.body!))).toEqual([]);

  // The key the user typed left the page once, in the body of the create request, and came back
  // nowhere; it never travels in a URL.
  const carryingKey = traffic.requests.filter((request) => request.body?.includes(DEMO_KEY));
  expect(
    carryingKey.map((request) => `${request.method} ${new URL(request.url).pathname}`),
  ).toEqual(['POST /v1/connections']);
  expect(findInResponses(traffic, DEMO_KEY)).toEqual([]);
  expect(findInUrls(traffic, DEMO_KEY)).toEqual([]);
});

test('after every flow, no secret is left in the URL, storage, cookies, console or window', async ({
  page,
  context,
  stack,
  pageServer,
  endUser,
  traffic,
  providerTokens,
}) => {
  await runEveryFlow(page, pageServer, endUser, new URL(stack.providerUrl).origin);
  await traffic.settled();
  const sessionTokens = sessionTokensIn(traffic);
  expect(sessionTokens.length).toBeGreaterThan(0);
  const secrets = [...sessionTokens, ...providerTokens, DEMO_KEY, stack.secretKey];

  const pageState = await page.evaluate(async () => {
    const entries = (storage: Storage) =>
      Object.keys(storage).map((key) => `${key}=${storage.getItem(key) ?? ''}`);
    // Whatever the page or a library put on `window`, compared with a pristine window.
    const pristine = document.body.appendChild(document.createElement('iframe')).contentWindow!;
    const added = Object.getOwnPropertyNames(window).filter((name) => !(name in pristine));
    const windowValues = added.map((name) => {
      try {
        return `${name}=${JSON.stringify((window as unknown as Record<string, unknown>)[name])}`;
      } catch {
        return `${name}=<unserialisable>`;
      }
    });
    const databases = await indexedDB.databases();
    return {
      url: location.href,
      localStorage: entries(localStorage),
      sessionStorage: entries(sessionStorage),
      databases: databases.map((database) => database.name ?? ''),
      windowValues,
    };
  });
  const cookies = await context.cookies([pageServer.origin, stack.url]);

  expect(pageState.databases).toEqual([]);
  // Cookies ignore ports, so the demo provider's own sign-in session (on the same loopback host)
  // shows here too; neither the page nor the backend sets any.
  expect(cookies.filter((cookie) => !cookie.name.startsWith('demo_provider_session'))).toEqual([]);
  const places = {
    cookies: cookies.map((cookie) => cookie.value).join('\n'),
    url: pageState.url,
    localStorage: pageState.localStorage.join('\n'),
    sessionStorage: pageState.sessionStorage.join('\n'),
    window: pageState.windowValues.join('\n'),
    console: traffic.console.join('\n'),
  };
  for (const [place, content] of Object.entries(places)) {
    for (const secret of secrets) {
      expect(content.includes(secret), `a secret in ${place}`).toBe(false);
    }
  }
  // The session token travels only in the Authorization header, never in a URL.
  for (const token of sessionTokens) expect(findInUrls(traffic, token)).toEqual([]);
});

test('a secret key handed to the browser client is refused with a clear ConfigError', async ({
  page,
  stack,
  pageServer,
  traffic,
}) => {
  await page.goto(pageServer.url('proof/secret-key.html'));
  await expect(page.getByRole('status')).toHaveText(
    'ConfigError (config): The session token looks like a secret key (sk_…). Secret keys stay on ' +
      'your server: mint a session token with POST /v1/sessions and pass that instead.',
  );
  // Refused before any request: nothing went to the backend.
  expect(traffic.requests.filter((request) => request.url.startsWith(stack.url))).toEqual([]);
});
