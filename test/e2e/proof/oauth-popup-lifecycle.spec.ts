// How an OAuth popup flow ends when the popup misbehaves: a Cross-Origin-Opener-Policy that
// severs the opener, a user who closes the popup, and a user who never finishes.
import { expect, NO_GESTURE_FROM_TRACING, test } from '../../harness/proof-fixtures.js';
import { sendOpenerPolicy, signInAndAllow } from '../../harness/proof-provider.js';
import { clickConnect, isStatusCheck, openOAuthPage, startFlowInPopup } from './proof-page.js';

// One worker for the whole proof suite: the same trace options as the popup-blocker tests.
test.use(NO_GESTURE_FROM_TRACING);

/**
 * Core treats a popup that reads closed within 3 s of navigating as possibly severed by COOP,
 * unless it saw the popup open on the provider's page first. A user closing within that window
 * must still get "cancelled".
 */
const QUICK_CLOSE_MS = 1_000;

test('a flow completes through the backend when COOP severs the opener, with no false "cancelled"', async ({
  page,
  context,
  stack,
  openerPolicyHost,
  endUser,
}) => {
  const providerOrigin = new URL(stack.providerUrl).origin;
  await sendOpenerPolicy(context, [providerOrigin]);
  await openOAuthPage(page, openerPolicyHost, { user: endUser });
  const hostDocument = await page.request.get(page.url());
  expect(hostDocument.headers()['cross-origin-opener-policy']).toBe('same-origin');

  // To core the popup will read closed at once. It then confirms with the backend (a one-off
  // status read) before deciding; the user is still signing in, so the flow must keep waiting.
  const confirmed = page.waitForResponse((response) => isStatusCheck(response.request()));
  const popup = await clickConnect(page);
  await popup.waitForURL((url) => url.origin === providerOrigin);
  // The opener really is severed: the provider's page cannot reach us.
  expect(await popup.evaluate(() => window.opener === null)).toBe(true);
  await confirmed;
  await expect(page.getByRole('status')).toHaveText('waiting');

  await signInAndAllow(popup);
  await expect(page.getByRole('status')).toHaveText('succeeded');
  await expect(page.locator('#connection-id')).not.toBeEmpty();
});

test('closing the popup gives "cancelled" once the backend confirms the flow is unfinished', async ({
  page,
  stack,
  pageServer,
  endUser,
  flowStatus,
}) => {
  const { popup, flowId } = await startFlowInPopup(page, pageServer, endUser, stack.providerUrl);
  // The user glances at the sign-in page, then closes the window.
  await popup.waitForLoadState('load');
  await popup.waitForTimeout(QUICK_CLOSE_MS);

  const statusChecks: number[] = [];
  page.on('request', (request) => {
    if (isStatusCheck(request)) statusChecks.push(Date.now());
  });
  await popup.close();
  await expect(page.getByRole('status')).toHaveText('cancelled: popup_closed');
  const cancelledAt = Date.now();

  expect(statusChecks.length, 'a status read after the popup closed').toBeGreaterThan(0);
  expect(statusChecks[0]).toBeLessThan(cancelledAt);
  expect(await flowStatus(flowId)).toBe('pending');
  await expect(page.locator('#message')).toHaveText('The sign-in window was closed.');
});

test('a flow that takes too long ends with a clear timeout message and closes its popup', async ({
  page,
  stack,
  pageServer,
  endUser,
}) => {
  await openOAuthPage(page, pageServer, { user: endUser, timeout: '2500' });
  const popup = await clickConnect(page);
  await popup.waitForURL((url) => url.origin === new URL(stack.providerUrl).origin);

  await expect(page.getByRole('status')).toHaveText('timeout');
  await expect(page.locator('#message')).toHaveText('The sign-in took too long.');
  await expect.poll(() => popup.isClosed()).toBe(true);
});
