// Messages and callbacks an attacker can forge: a callback-shaped postMessage from another origin,
// from another window, or for another flow is ignored; a replayed callback URL is refused.
import type { Frame, Page } from '@playwright/test';
import { expect, NO_GESTURE_FROM_TRACING, test } from '../../harness/proof-fixtures.js';
import { signInAndAllow } from '../../harness/proof-provider.js';
import { clickConnect, isStatusCheck, openOAuthPage, startFlowInPopup } from './proof-page.js';

// One worker for the whole proof suite: the same trace options as the popup-blocker tests.
test.use(NO_GESTURE_FROM_TRACING);

/** The callback message's shape (contract OAuthCallbackMessage), claiming success. */
const forged = (flowId: string) => ({ source: 'plugboard', flowId, status: 'succeeded' });

/** Adds an iframe showing `src` to the host page and returns its frame once loaded. */
async function embedFrame(page: Page, src: string): Promise<Frame> {
  const handle = await page.evaluateHandle((url) => {
    const frame = document.createElement('iframe');
    frame.src = url;
    document.body.append(frame);
    return frame;
  }, src);
  const frame = await handle.asElement()!.contentFrame();
  await frame!.waitForLoadState();
  return frame!;
}

test('forged callback messages are ignored: other origin, other window, other flow', async ({
  page,
  stack,
  pageServer,
  endUser,
  flowStatus,
}) => {
  const { popup, flowId } = await startFlowInPopup(page, pageServer, endUser, stack.providerUrl);

  // Core answers an accepted message with a one-off status read; an ignored one causes nothing.
  const statusChecks: string[] = [];
  page.on('request', (request) => {
    if (isStatusCheck(request)) statusChecks.push(request.url());
  });

  // 1. From another origin: an iframe on another loopback origin posts itself.
  const otherOrigin = pageServer.origin.replace('127.0.0.1', 'localhost');
  const forger = await embedFrame(page, `${otherOrigin}/proof/forger.html?flowId=${flowId}`);
  await expect(forger.getByRole('status')).toHaveText('sent');

  // 2. From the backend's origin, but another window than our popup.
  const backendFrame = await embedFrame(page, `${stack.url}/logos/slack.svg`);
  await backendFrame.evaluate((message) => window.parent.postMessage(message, '*'), forged(flowId));

  // 3. From our popup on the backend's origin, but for another flow.
  await popup.goto(`${stack.url}/logos/slack.svg`);
  await popup.evaluate(
    (message) => window.opener.postMessage(message, '*'),
    forged('flw_someoneelsesflow0001'),
  );

  // Control: the same message for our flow, from our popup, IS looked at (one status read),
  // which shows the forgeries above were delivered and ignored, not lost.
  const controlCheck = page.waitForResponse((response) => isStatusCheck(response.request()));
  await popup.evaluate((message) => window.opener.postMessage(message, '*'), forged(flowId));
  await controlCheck;

  expect(statusChecks).toHaveLength(1);
  // The page keeps waiting: the backend, not the message, decides, and the flow is unfinished.
  await expect(page.getByRole('status')).toHaveText('waiting');
  expect(await flowStatus(flowId)).toBe('pending');
});

test('a replayed callback URL is refused after the flow succeeded', async ({
  page,
  context,
  stack,
  pageServer,
  endUser,
}) => {
  const callbackUrls: string[] = [];
  context.on('request', (request) => {
    if (request.url().startsWith(`${stack.url}/v1/oauth/callback?`))
      callbackUrls.push(request.url());
  });
  await openOAuthPage(page, pageServer, { user: endUser });
  const popup = await clickConnect(page);
  await popup.waitForURL((url) => url.origin === new URL(stack.providerUrl).origin);
  await signInAndAllow(popup);
  await expect(page.getByRole('status')).toHaveText('succeeded');

  expect(callbackUrls).toHaveLength(1);
  const callback = new URL(callbackUrls[0]!);
  expect(callback.searchParams.get('state')).toBeTruthy();
  expect(callback.searchParams.get('code')).toBeTruthy();

  // The same URL again, state and code included, as an attacker holding it would send it.
  const replay = await context.newPage();
  const response = await replay.goto(callback.href);
  expect(response?.status()).toBe(400);
  await expect(replay.getByRole('heading', { level: 1 })).toHaveText(
    'This sign-in link is no longer valid',
  );
  // The refusal page carries no script, so it tells no opener anything.
  await expect(replay.locator('script')).toHaveCount(0);
});
