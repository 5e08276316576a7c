// The steps a person takes on an example's "Apps" page (<app-connections>), found by role and
// accessible name as they read them; shared by every example's end-to-end test.
import type { Locator, Page } from '@playwright/test';
import { expect } from '../../harness/examples-fixtures.js';

const DEMO_LOGIN = { email: 'demo@example.com', password: 'demo' };
export const DEMO_API_TOKEN = 'demo-key-123';

/** The connect dialog (a modal <dialog> labelled by its title) while it is open. */
export function connectDialog(page: Page, title: string | RegExp): Locator {
  return page.getByRole('dialog', { name: title });
}

/** "Add a connection" → search the picker → choose the app; returns the opened connect dialog. */
export async function chooseApp(page: Page, search: string, appName: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Add a connection' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose an app to connect' });
  await picker.getByRole('combobox', { name: 'Search apps' }).fill(search);
  await picker
    .getByRole('listbox', { name: 'Apps' })
    .getByRole('option', { name: new RegExp(`^${appName}\\b`) })
    .click();
  const dialog = connectDialog(page, `Connect ${appName}`);
  await expect(dialog).toBeVisible();
  return dialog;
}

/**
 * A message shown as a paragraph. The elements also announce most of them through a live region
 * holding the same words, which a plain getByText would find twice.
 */
export function message(scope: Locator | Page, text: string): Locator {
  return scope.getByRole('paragraph').filter({ hasText: text });
}

/**
 * The HTTP basic auth the setup step shows for services that send it with their webhooks
 * (Pipedrive), as an Authorization header; none for the others.
 */
export async function webhookAuthorization(scope: Locator | Page): Promise<Record<string, string>> {
  const password = scope.getByLabel('HTTP Auth password');
  if ((await password.count()) === 0) return {};
  const username = await scope.getByLabel('HTTP Auth user name').inputValue();
  const credentials = Buffer.from(`${username}:${await password.inputValue()}`).toString('base64');
  return { authorization: `Basic ${credentials}` };
}

/**
 * The setup step's live indicator: "Waiting for the first event…" until the service (here the test)
 * posts to the webhook URL with the credentials shown, then "First event received".
 */
export async function deliverFirstWebhookEvent(dialog: Locator, webhookUrl: string): Promise<void> {
  await expect(message(dialog, 'Waiting for the first event…')).toBeVisible();
  const delivery = await fetch(webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await webhookAuthorization(dialog)) },
    body: JSON.stringify({ event: 'added.deal', current: { id: 1 } }),
  });
  expect(delivery.status).toBe(202);
  await expect(message(dialog, 'First event received')).toBeVisible();
}

/** The card (<connection-status>) of the one connection in `appName`'s group on the page. */
export function connectionCard(page: Page, appName: string): Locator {
  return page.getByRole('region', { name: appName, exact: true }).getByRole('listitem');
}

/** Signs in to the demo provider in the OAuth popup (its first visit in this browser). */
export async function signIn(popup: Page): Promise<void> {
  await popup.getByLabel('Email').fill(DEMO_LOGIN.email);
  await popup.getByLabel('Password').fill(DEMO_LOGIN.password);
  await popup.getByRole('button', { name: 'Sign in' }).click();
}

/** Allows access on the demo provider's consent page in the OAuth popup. */
export async function allowAccess(popup: Page): Promise<void> {
  // The callback page may close the popup as soon as access is allowed: a click whose target
  // closed underneath it is fine, but only when the popup really did close.
  await popup
    .getByRole('button', { name: 'Allow' })
    .click()
    .catch((error: unknown) => {
      if (!popup.isClosed()) throw error;
    });
}

/** Clicks `button` and returns the popup it opens. */
export async function popupFrom(page: Page, button: Locator): Promise<Page> {
  const [popup] = await Promise.all([page.waitForEvent('popup'), button.click()]);
  return popup;
}

/**
 * On the app's card: Test ("Test passed"), then Update, re-authorizing in the popup (consent only:
 * the provider remembers this browser's sign-in). Returns the card.
 */
export async function testThenUpdate(page: Page, appName: string): Promise<Locator> {
  const card = connectionCard(page, appName);
  await card.getByRole('button', { name: `Test ${appName} connection` }).click();
  await expect(message(card, 'Test passed')).toBeVisible();

  await card.getByRole('button', { name: `Update ${appName} connection` }).click();
  const update = connectDialog(page, `Update your ${appName} connection`);
  const reauthorize = await popupFrom(
    page,
    update.getByRole('button', { name: `Continue with ${appName}` }),
  );
  await allowAccess(reauthorize);
  await expect(update.getByRole('heading', { name: /is connected$/ })).toBeVisible();
  await update.getByRole('button', { name: 'Done' }).click();
  return card;
}
