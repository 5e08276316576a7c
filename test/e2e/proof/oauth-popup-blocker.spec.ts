// The OAuth popup with Chromium's real popup blocker ON (proof-fixtures removes Playwright's
// --disable-popup-blocking): the popup opens inside the click even when the backend is slow, a
// popup opened without a user gesture is blocked and the flow continues in this tab, and a double
// click gives one popup and one flow.
import { REDIRECT_FLOW_PARAM } from '@plugboard/contract';
import type { Page } from '@playwright/test';
import { expect, NO_GESTURE_FROM_TRACING, test } from '../../harness/proof-fixtures.js';
import { signInAndAllow } from '../../harness/proof-provider.js';
import {
  clickConnect,
  continueInThisTabAfterBlockedPopup,
  isFlowCreation,
  openOAuthPage,
  waitForFlowCreated,
} from './proof-page.js';

const BACKEND_DELAY_MS = 1_500;

test.use(NO_GESTURE_FROM_TRACING);

test('the popup opens inside the click even when the backend answers slowly', async ({
  page,
  stack,
  pageServer,
  endUser,
}) => {
  await page.route(`${stack.url}/v1/oauth/flows`, async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    await new Promise((resolve) => setTimeout(resolve, BACKEND_DELAY_MS));
    await route.fallback();
  });
  await openOAuthPage(page, pageServer, { user: endUser });

  const flowCreated = waitForFlowCreated(page);
  const popup = await clickConnect(page);
  // The popup exists, still blank, while the backend has not answered yet.
  const popupOpenedAt = Date.now();
  expect(popup.url()).toBe('about:blank');
  await flowCreated;
  const flowAnsweredAt = Date.now();
  expect(flowAnsweredAt - popupOpenedAt).toBeGreaterThan(BACKEND_DELAY_MS / 2);

  // Then core sends the same popup to the provider, and the flow completes there.
  await popup.waitForURL((url) => url.origin === new URL(stack.providerUrl).origin);
  await signInAndAllow(popup);
  await expect(page.getByRole('status')).toHaveText('succeeded');
});

test('a blocked popup continues in this tab and comes back with the result', async ({
  page,
  context,
  stack,
  pageServer,
  endUser,
}) => {
  const popups: Page[] = [];
  context.on('page', (opened) => {
    if (opened !== page) popups.push(opened);
  });
  const visited: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) visited.push(frame.url());
  });

  await continueInThisTabAfterBlockedPopup(page, pageServer, { user: endUser });
  expect(popups).toHaveLength(0);
  await page.waitForURL((url) => url.origin === new URL(stack.providerUrl).origin);
  await signInAndAllow(page);

  await expect(page.getByRole('status')).toHaveText('succeeded');
  await expect(page.locator('#connection-id')).not.toBeEmpty();
  // The backend sent the tab back to the return URL with the flow id, which core then removed.
  const returned = visited
    .map((url) => new URL(url))
    .find((url) => url.searchParams.has(REDIRECT_FLOW_PARAM));
  expect(returned?.origin, 'a return to the host page with ?pb_flow=').toBe(pageServer.origin);
  const finalUrl = new URL(page.url());
  expect(finalUrl.pathname).toBe('/proof/oauth.html');
  expect(finalUrl.searchParams.has(REDIRECT_FLOW_PARAM)).toBe(false);
  expect(finalUrl.searchParams.get('user')).toBe(endUser);
  expect(popups).toHaveLength(0);
});

// Single flight is the UI's part (the connect dialog switches to its waiting view, the proof page
// ignores clicks while waiting): core alone supersedes the first flow, closing its popup.
test('a double click opens one popup and creates one flow', async ({
  page,
  context,
  stack,
  pageServer,
  endUser,
}) => {
  const popups: Page[] = [];
  context.on('page', (opened) => {
    if (opened !== page) popups.push(opened);
  });
  let flowCreations = 0;
  context.on('request', (request) => {
    if (isFlowCreation(request)) flowCreations++;
  });
  await openOAuthPage(page, pageServer, { user: endUser });

  const flowCreated = waitForFlowCreated(page);
  await page.getByRole('button', { name: 'Connect' }).click({ clickCount: 2, delay: 150 });
  await flowCreated;
  // The newest popup: without single flight, a second click would close the first and open another.
  const popup = popups.at(-1)!;
  await popup.waitForURL((url) => url.origin === new URL(stack.providerUrl).origin);
  await signInAndAllow(popup);
  await expect(page.getByRole('status')).toHaveText('succeeded');

  expect(popups).toHaveLength(1);
  expect(flowCreations).toBe(1);
});
