// The setup steps a person takes after signing in, on an example's "Apps" page: choosing from a
// service's live list, checking the choice, saving. Found by role and accessible name.
import type { Locator, Page } from '@playwright/test';
import { expect } from '../../harness/examples-fixtures.js';
import { allowAccess, chooseApp, connectDialog, popupFrom } from '../examples/apps-page.js';

export const ACCOUNTS = {
  demo: { email: 'demo@example.com', password: 'demo', apiKey: 'demo-key-123' },
  alex: { email: 'alex@example.com', password: 'demo', apiKey: 'demo-key-456' },
} as const;
type Account = (typeof ACCOUNTS)[keyof typeof ACCOUNTS];

/**
 * Opens a setup step's combobox (named by the step's title), types to search its live list, and
 * picks the option `label` (an option's name is its label, then its description if any).
 */
export async function pickOption(scope: Locator, step: string, label: string): Promise<void> {
  const combobox = scope.getByRole('combobox', { name: step, exact: true });
  await combobox.click();
  await combobox.fill(label.replace(/^#/, ''));
  await scope
    .getByRole('listbox', { name: step, exact: true })
    .getByRole('option', {
      name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`),
    })
    .click();
}

/**
 * Connects Pipedrive in the open connect dialog with the demo account's API token, picks its
 * pipeline in the setup step that follows, and closes the dialog on "Pipedrive is connected".
 */
export async function connectPipedrive(dialog: Locator): Promise<void> {
  await dialog.getByLabel('Company domain').fill('acme');
  await dialog.getByLabel('API token', { exact: true }).fill(ACCOUNTS.demo.apiKey);
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await pickOption(dialog, 'Pipeline for new deals', 'Sales pipeline');
  await dialog.getByRole('button', { name: 'Save and continue' }).click();
  await dialog.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Pipedrive is connected' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
}

/**
 * Connects Slack through the demo provider's sign-in in a popup, as `account`. This browser may
 * already be signed in as another account: "Use another account" on the consent page switches.
 */
export async function signInToSlack(page: Page, account: Account): Promise<Locator> {
  const dialog = await chooseApp(page, 'slack', 'Slack');
  const popup = await popupFrom(page, dialog.getByRole('button', { name: 'Continue with Slack' }));
  const consent = popup.getByRole('heading', { name: /^Allow .* to access your account\?$/ });
  const email = popup.getByLabel('Email');
  await expect(email.or(consent)).toBeVisible();
  if (await consent.isVisible()) {
    const signedInAs = popup.getByRole('paragraph').filter({ hasText: 'You are signed in as' });
    if (!(await signedInAs.textContent())?.includes(account.email)) {
      await popup.getByRole('link', { name: 'Use another account' }).click();
    }
  }
  if (await email.isVisible()) {
    await email.fill(account.email);
    await popup.getByLabel('Password').fill(account.password);
    await popup.getByRole('button', { name: 'Sign in' }).click();
  }
  await allowAccess(popup);
  await expect(dialog.getByRole('heading', { name: 'Set up Slack' })).toBeVisible();
  return dialog;
}

/** "Save and continue" with every check passing, then the connected view's "Done". */
export async function saveCheckedAndFinish(dialog: Locator, appName: string): Promise<void> {
  await dialog.getByRole('button', { name: 'Save and continue' }).click();
  await dialog.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: `${appName} is connected` })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
}

/** The settings dialog ("Settings" on a card) while it is open. */
export function settingsDialog(page: Page, appName: string): Locator {
  return connectDialog(page, `${appName} settings`);
}
