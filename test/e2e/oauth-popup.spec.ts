// The OAuth popup flow end to end: a host page on one origin, the reference backend on another and
// the demo provider on a third, in a real Chromium with a real popup.
import type { Connection, ConnectionList } from '@plugboard/contract';
import type { Page, Request } from '@playwright/test';
import { expect, test } from '../harness/fixtures.js';

const APP = 'slack';

/** Opens the test page, clicks Connect and signs in to the demo provider in the popup. */
async function signInThroughPopup(page: Page, url: string): Promise<Page> {
  await page.goto(url);
  await expect(page.locator('#status')).toHaveText('ready');
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Connect' }).click(),
  ]);
  await popup.getByLabel('Email').fill('demo@example.com');
  await popup.getByLabel('Password').fill('demo');
  await popup.getByRole('button', { name: 'Sign in' }).click();
  return popup;
}

/**
 * The callback page may close the popup as soon as the user decides: a click whose target closed
 * underneath it is fine, but only when the popup really did close.
 */
async function decide(popup: Page, decision: 'Allow' | 'Deny'): Promise<void> {
  await popup
    .getByRole('button', { name: decision })
    .click()
    .catch((error: unknown) => {
      if (!popup.isClosed()) throw error;
    });
}

test('connects an app through the OAuth popup with PKCE', async ({
  page,
  context,
  stack,
  pageServer,
  endUser,
  session,
}) => {
  // Every request from the page and its popup, to find the provider's authorize request later.
  const requests: Request[] = [];
  context.on('request', (request) => requests.push(request));

  const popup = await signInThroughPopup(
    page,
    pageServer.url('oauth.html', { user: endUser, app: APP }),
  );
  await decide(popup, 'Allow');

  await expect(page.locator('#status')).toHaveText('succeeded');
  const connectionId = (await page.locator('#connection-id').textContent())?.trim() ?? '';
  expect(connectionId).not.toBe('');

  // The backend agrees: the connection exists for this end user and is connected.
  const { token } = await session(pageServer.origin);
  const response = await fetch(new URL(`/v1/connections/${connectionId}`, stack.url), {
    headers: { authorization: `Bearer ${token}`, origin: pageServer.origin },
  });
  expect(response.status).toBe(200);
  const connection = (await response.json()) as Connection;
  expect(connection).toMatchObject({ id: connectionId, app: APP, status: 'connected' });

  // The authorization request went to the provider with a PKCE S256 challenge.
  const providerOrigin = new URL(stack.providerUrl).origin;
  const authorize = requests
    .map((request) => new URL(request.url()))
    .find((url) => url.origin === providerOrigin && url.searchParams.has('code_challenge'));
  expect(authorize, 'an authorize request to the demo provider').toBeDefined();
  expect(authorize!.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize!.searchParams.get('code_challenge')).toMatch(/^[\w-]{43,128}$/);
});

test('reports access_denied and creates no connection when the user denies access', async ({
  page,
  stack,
  pageServer,
  endUser,
  session,
}) => {
  const popup = await signInThroughPopup(
    page,
    pageServer.url('oauth.html', { user: endUser, app: APP }),
  );
  await decide(popup, 'Deny');

  await expect(page.locator('#status')).toHaveText('failed: access_denied');
  await expect(page.locator('#connection-id')).toBeEmpty();

  const { token } = await session(pageServer.origin);
  const response = await fetch(new URL(`/v1/connections?app=${APP}`, stack.url), {
    headers: { authorization: `Bearer ${token}`, origin: pageServer.origin },
  });
  expect(response.status).toBe(200);
  const { items } = (await response.json()) as ConnectionList;
  expect(items).toEqual([]);
});
