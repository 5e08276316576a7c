// The script-tag bundle under a host page's strict Content-Security-Policy with Trusted Types
// enforced, against the real reference server and demo provider: every flow a person takes runs
// without a single policy violation, the popup flow and, after Chromium's real popup blocker
// refused the popup, "continue in this tab" (redirect mode), which leaves the host page and comes
// back to a new one. The policy is the host's own plus `trusted-types lit-html` (see
// harness/csp-policy.ts); a control page proves the recorder reports what the policy refuses.
import { REDIRECT_FLOW_PARAM } from '@plugboard/contract';
import type { Page } from '@playwright/test';
import { clickWithoutUserActivation } from '../../harness/csp-blocked-popup.js';
import { startCspHost, type CspHost } from '../../harness/csp-host.js';
import { strictHostPolicy } from '../../harness/csp-policy.js';
import { recordCspViolations, type CspViolationRecorder } from '../../harness/csp-violations.js';
import type { ReferenceStack } from '../../harness/fixtures.js';
import { expect, NO_GESTURE_FROM_TRACING, test } from '../../harness/proof-fixtures.js';
import { signInAndAllow } from '../../harness/proof-provider.js';
import {
  DEMO_API_TOKEN,
  allowAccess,
  chooseApp,
  connectDialog,
  connectionCard,
  deliverFirstWebhookEvent,
  message,
  popupFrom,
  signIn,
  testThenUpdate,
} from '../examples/apps-page.js';
import { pickOption } from '../setup/setup-page.js';

const API_KEY_APP = { name: 'Pipedrive', search: 'pipedrive' };
// Google Sheets offers two methods (sign-in, or a service account's key file): sign-in is chosen.
const OAUTH_APP = { name: 'Google Sheets', search: 'sheets', method: 'Sign in with Google' };

// The redirect test needs a page without user activation: see NO_GESTURE_FROM_TRACING.
test.use(NO_GESTURE_FROM_TRACING);

let host: CspHost | undefined;
test.afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** Serves test/pages/csp/<page> with the strict policy for this test's end user, and opens it. */
async function openStrictPage(
  page: Page,
  { stack, endUser }: { stack: ReferenceStack; endUser: string },
  file: string,
): Promise<CspViolationRecorder> {
  const backendOrigin = new URL(stack.url).origin;
  host = await startCspHost(stack, endUser, strictHostPolicy(backendOrigin));
  const recorder = await recordCspViolations(page);
  const response = await page.goto(host.url(file));
  expect(response?.headers()['content-security-policy']).toBe(strictHostPolicy(backendOrigin));
  return recorder;
}

async function connectPipedriveThroughWebhookStep(page: Page): Promise<void> {
  const dialog = await chooseApp(page, API_KEY_APP.search, API_KEY_APP.name);
  await dialog.getByLabel('Company domain').fill('acme');
  await dialog.getByLabel('API token', { exact: true }).fill(DEMO_API_TOKEN);
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  // The app's choices (a live list in a combobox) render under the strict policy too.
  await pickOption(dialog, 'Pipeline for new deals', 'Sales pipeline');
  await dialog.getByRole('button', { name: 'Save and continue' }).click();
  await expect(
    dialog.getByRole('heading', { name: `Finish the setup in ${API_KEY_APP.name}` }),
  ).toBeVisible();
  const webhookUrl = await dialog.getByLabel('Webhook URL').inputValue();
  await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Copied' })).toBeAttached();
  await deliverFirstWebhookEvent(dialog, webhookUrl);
  await dialog.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(
    dialog.getByRole('heading', { name: `${API_KEY_APP.name} is connected` }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(connectionCard(page, API_KEY_APP.name)).toBeVisible();
}

async function connectTestUpdateDisconnectOAuthApp(page: Page): Promise<void> {
  const dialog = await chooseApp(page, OAUTH_APP.search, OAUTH_APP.name);
  await dialog.getByRole('button', { name: OAUTH_APP.method }).click();
  const popup = await popupFrom(
    page,
    dialog.getByRole('button', { name: `Continue with ${OAUTH_APP.name}` }),
  );
  await signIn(popup);
  await allowAccess(popup);
  await expect(
    dialog.getByRole('heading', { name: `${OAUTH_APP.name} is connected` }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();

  const card = await testThenUpdate(page, OAUTH_APP.name);

  await card.getByRole('button', { name: `Disconnect ${OAUTH_APP.name}` }).click();
  const confirm = card.getByRole('group', { name: `Disconnect ${OAUTH_APP.name}?` });
  await confirm.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await expect(card).toHaveCount(0);
}

test('every flow runs under a strict CSP with Trusted Types and violates nothing', async ({
  page,
  context,
  stack,
  endUser,
}) => {
  test.setTimeout(60_000);
  const csp = await openStrictPage(page, { stack, endUser }, 'index.html');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(page.url()).origin,
  });
  // The listener runs under the policy (init scripts are not subject to it).
  expect(await csp.installed()).toBe(true);
  // The elements really rendered (a page where Lit could not start would violate nothing).
  await expect(page.getByRole('button', { name: 'Add a connection' })).toBeVisible();

  await connectPipedriveThroughWebhookStep(page);
  await connectTestUpdateDisconnectOAuthApp(page);

  expect(await csp.violations()).toEqual([]);
  expect(csp.consoleErrors).toEqual([]);
});

test('"continue in this tab" after a blocked popup completes under the strict CSP and violates nothing', async ({
  page,
  stack,
  endUser,
}) => {
  test.setTimeout(60_000);
  const csp = await openStrictPage(page, { stack, endUser }, 'index.html');
  const hostOrigin = new URL(page.url()).origin;
  const visited: URL[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) visited.push(new URL(frame.url()));
  });
  const dialog = await chooseApp(page, OAUTH_APP.search, OAUTH_APP.name);
  await dialog.getByRole('button', { name: OAUTH_APP.method }).click();
  const continueWith = `Continue with ${OAUTH_APP.name}`;
  await expect(dialog.getByRole('button', { name: continueWith })).toBeVisible();

  // The popup opens without a user gesture: the browser refuses it, and the dialog says so.
  await clickWithoutUserActivation(page, continueWith);
  await expect(
    dialog.getByRole('heading', { name: 'Your browser blocked the sign-in window.' }),
  ).toBeVisible();
  expect(page.context().pages()).toHaveLength(1);
  await dialog.getByRole('button', { name: 'Continue in this tab' }).click();

  // The tab goes to the provider, then the backend sends it back to a new host page, where the
  // dialog opens again with the outcome and the flow id leaves the address bar.
  await page.waitForURL((url) => url.origin === new URL(stack.providerUrl).origin);
  await signInAndAllow(page);
  await page.waitForURL((url) => url.origin === hostOrigin);
  const returned = connectDialog(page, `Connect ${OAUTH_APP.name}`);
  await expect(
    returned.getByRole('heading', { name: `${OAUTH_APP.name} is connected` }),
  ).toBeVisible();
  expect(
    visited.some((url) => url.origin === hostOrigin && url.searchParams.has(REDIRECT_FLOW_PARAM)),
    'a return to the host page with ?pb_flow=',
  ).toBe(true);
  expect(new URL(page.url()).searchParams.has(REDIRECT_FLOW_PARAM)).toBe(false);
  await returned.getByRole('button', { name: 'Done' }).click();
  const card = connectionCard(page, OAUTH_APP.name);
  await card.getByRole('button', { name: `Test ${OAUTH_APP.name} connection` }).click();
  await expect(message(card, 'Test passed')).toBeVisible();

  // Every document of the tab: the host page, the provider's pages, the host page again.
  expect(await csp.installed()).toBe(true);
  expect(await csp.violations()).toEqual([]);
  expect(csp.consoleErrors).toEqual([]);
});

test('the recorder reports what the policy refuses: an inline style and an inline script', async ({
  page,
  stack,
  endUser,
}) => {
  const csp = await openStrictPage(page, { stack, endUser }, 'violating.html');
  await expect(page.getByRole('button', { name: 'Add a connection' })).toBeVisible();
  await expect(page).not.toHaveTitle('inline script ran');
  await expect
    .poll(async () => (await csp.violations()).map((violation) => violation.directive).sort())
    .toEqual(['script-src-elem', 'style-src-attr']);
  expect(csp.consoleErrors.length).toBeGreaterThan(0);
});
