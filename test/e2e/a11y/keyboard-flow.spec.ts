// The script-tag example against the real reference server, driven with the keyboard alone (no
// click, no fill): focus is read through shadow roots after each step, and the live regions'
// texts are what a screen reader would announce.
import type { Page } from '@playwright/test';
import { expect, test } from '../../harness/examples-fixtures.js';
import { focused, liveRegionTexts, tabTo } from '../../harness/a11y-keyboard.js';
import { connectWithApiKey } from '../../harness/a11y-seed-connections.js';
import { webhookAuthorization } from '../examples/apps-page.js';

test('connects an API-key app, copies its webhook URL and tests it with the keyboard only', async ({
  page,
  context,
  openExample,
}) => {
  const { origin } = await openExample('script-tag');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await expect(page.getByRole('button', { name: 'Add a connection' })).toBeEnabled();

  await tabTo(page, 'Add a connection');
  await page.keyboard.press('Enter');
  // The picker opens with focus in its search box.
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'input', name: 'Search apps' });
  await page.keyboard.type('pipedrive');
  await expect.poll(() => liveRegionTexts(page)).toContain('1 app');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');

  // The connect dialog takes focus on its first field.
  await expect(page.getByRole('dialog', { name: 'Connect Pipedrive' })).toBeVisible();
  await expect
    .poll(() => focused(page))
    .toMatchObject({ tag: 'input', hosts: expect.arrayContaining(['connect-dialog']) });
  await page.keyboard.type('acme');
  await tabTo(page, 'API token');
  await page.keyboard.type('demo-key-123');
  await page.keyboard.press('Enter');

  // The app's choices: a pipeline from the account's live list, through the combobox's keys.
  await tabTo(page, 'Pipeline for new deals');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option', { name: 'Sales pipeline' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Pipeline for new deals' })).toHaveValue(
    'Sales pipeline',
  );
  await tabTo(page, 'Save and continue');
  await page.keyboard.press('Enter');

  // The webhook step: focus on Copy; Enter copies and "Copied" is announced.
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'button', name: 'Copy' });
  await page.keyboard.press('Enter');
  await expect.poll(() => liveRegionTexts(page)).toContain('Copied');
  const webhookUrl = await page.evaluate(() => navigator.clipboard.readText());
  expect(webhookUrl).toMatch(/\/v1\/hooks\/[\w-]+$/);
  // The service (Pipedrive) sends its first event to the URL the user pasted there, with the
  // HTTP Auth user name and password the step shows.
  const delivery = await fetch(webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await webhookAuthorization(page)) },
    body: JSON.stringify({ event: 'added.deal', current: { id: 1 } }),
  });
  expect(delivery.status).toBe(202);
  await expect.poll(() => liveRegionTexts(page)).toContain('First event received');
  await tabTo(page, 'Continue');
  await page.keyboard.press('Enter');

  // The automatic test passes: success, focus on Done, the heading announced.
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'button', name: 'Done' });
  await expect.poll(() => liveRegionTexts(page)).toContain('Pipedrive is connected');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Connect Pipedrive' })).toBeHidden();
  // Focus lands on the new connection's row in the list.
  await expect.poll(async () => (await focused(page)).tag).toBe('li');

  // Test the connection from its card.
  await tabTo(page, 'Test Pipedrive connection');
  await page.keyboard.press('Enter');
  await expect.poll(() => liveRegionTexts(page)).toContain('Test passed');
  // Focus stays on the Test button, not lost to the page, once the test is done.
  await expect
    .poll(() => focused(page))
    .toMatchObject({
      tag: 'button',
      name: 'Test Pipedrive connection',
    });
});

test('connects an OAuth app and updates it with the keyboard only, popup included', async ({
  page,
  openExample,
}) => {
  await openExample('script-tag');
  await expect(page.getByRole('button', { name: 'Add a connection' })).toBeEnabled();
  await tabTo(page, 'Add a connection');
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'input', name: 'Search apps' });
  await page.keyboard.type('sheets');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');

  // Two methods: the first (sign-in) has focus.
  await expect
    .poll(() => focused(page))
    .toMatchObject({ tag: 'button', name: 'Sign in with Google' });
  await page.keyboard.press('Enter');

  // The intro's main action has focus; Enter opens the provider's popup.
  await expect
    .poll(() => focused(page))
    .toMatchObject({ tag: 'button', name: 'Continue with Google Sheets' });
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('Enter')]);
  // The popup opens blank, then goes to the provider's sign-in page.
  await expect(popup.getByLabel('Email')).toBeVisible();
  await tabTo(popup, 'Email');
  await popup.keyboard.type('demo@example.com');
  await tabTo(popup, 'Password');
  await popup.keyboard.type('demo');
  await tabTo(popup, 'Sign in');
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('button', { name: 'Allow' })).toBeVisible();
  await tabTo(popup, 'Allow');
  await popup.keyboard.press('Enter');

  await expect.poll(() => focused(page)).toMatchObject({ tag: 'button', name: 'Done' });
  await expect.poll(() => liveRegionTexts(page)).toContain('Google Sheets is connected');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page)).tag).toBe('li');

  // Update: re-authorize in the popup (signed in already: consent only); focus returns to Update.
  await tabTo(page, 'Update Google Sheets connection');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('dialog', { name: 'Update your Google Sheets connection' }),
  ).toBeVisible();
  await expect
    .poll(() => focused(page))
    .toMatchObject({ tag: 'button', name: 'Continue with Google Sheets' });
  const [consent] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('Enter')]);
  await expect(consent.getByRole('button', { name: 'Allow' })).toBeVisible();
  await tabTo(consent, 'Allow');
  await consent.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'button', name: 'Done' });
  await page.keyboard.press('Enter');
  await expect
    .poll(() => focused(page))
    .toMatchObject({ tag: 'button', name: 'Update Google Sheets connection' });
});

/**
 * With focus on a card's Disconnect: Enter, then Shift+Tab from the confirmation's Cancel (where
 * focus lands, the safe choice) to its Disconnect, and Enter; waits for the announcement.
 */
async function confirmDisconnectWithKeyboard(page: Page, appName: string): Promise<void> {
  await page.keyboard.press('Enter');
  await expect
    .poll(() => focused(page))
    .toMatchObject({
      tag: 'button',
      name: 'Cancel',
      hosts: expect.arrayContaining(['connection-status']),
    });
  await tabTo(page, 'Disconnect', { backwards: true, limit: 3 });
  await page.keyboard.press('Enter');
  await expect.poll(() => liveRegionTexts(page)).toContain(`${appName} was disconnected.`);
}

test('disconnects with the keyboard only: confirmation, announcement, focus kept in the list', async ({
  page,
  stack,
  session,
  openExample,
}) => {
  // Two connections from earlier visits, so removing one leaves a row for focus to move to. They
  // are made from here, not from a page, so the session's origin is only a formality.
  const user = await session('http://localhost');
  await connectWithApiKey(stack, user, 'stripe');
  await connectWithApiKey(stack, user, 'sendgrid');
  await openExample('script-tag');
  await expect(page.getByRole('button', { name: 'Disconnect Stripe' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Disconnect SendGrid' })).toBeVisible();

  // Cancel keeps the connection and gives focus back to the button that asked.
  await tabTo(page, 'Disconnect Stripe');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Disconnect Stripe?' })).toBeVisible();
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'button', name: 'Cancel' });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Disconnect Stripe?' })).toBeHidden();
  await expect
    .poll(() => focused(page))
    .toMatchObject({ tag: 'button', name: 'Disconnect Stripe' });

  // Confirmed: Stripe's row is gone, and focus moves to the remaining row, not to <body>.
  await confirmDisconnectWithKeyboard(page, 'Stripe');
  await expect(page.getByRole('region', { name: 'Stripe', exact: true })).toHaveCount(0);
  await expect
    .poll(() => focused(page))
    .toMatchObject({ tag: 'li', hosts: ['app-connections'], data: { appKey: 'sendgrid' } });

  // The last one: with no row left, focus goes to "Add a connection".
  await tabTo(page, 'Disconnect SendGrid');
  await confirmDisconnectWithKeyboard(page, 'SendGrid');
  await expect(page.getByRole('listitem')).toHaveCount(0);
  await expect
    .poll(() => focused(page))
    .toMatchObject({ tag: 'button', name: 'Add a connection', hosts: ['app-connections'] });
});
