// The Mailgun credentials form of <connect-dialog>, found by role and accessible name as a user
// reads it, and the input a user types into it: the fault specs check that none of it is lost.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fault-fixtures.js';

/** What the user enters: a changed default (region), a plain field and a secret. */
export const TYPED = {
  region: 'eu',
  domain: 'mg.acme-widgets.example',
  apiKey: 'demo-key-123',
} as const;

export interface CredentialsForm {
  readonly dialog: Locator;
  readonly region: Locator;
  readonly domain: Locator;
  readonly apiKey: Locator;
  readonly submit: Locator;
  /** The form's error (role alert) and its one action. */
  readonly error: Locator;
  readonly tryAgain: Locator;
  /** The success view's heading. */
  readonly connected: Locator;
}

export function credentialsForm(page: Page): CredentialsForm {
  const dialog = page.getByRole('dialog', { name: 'Connect Mailgun' });
  return {
    dialog,
    region: dialog.getByRole('combobox', { name: 'Region' }),
    domain: dialog.getByRole('textbox', { name: 'Sending domain' }),
    // Exact: the reveal toggle is named "Show API key".
    apiKey: dialog.getByLabel('API key', { exact: true }),
    submit: dialog.getByRole('button', { name: 'Connect', exact: true }),
    error: dialog.getByRole('alert'),
    tryAgain: dialog.getByRole('button', { name: 'Try again' }),
    connected: dialog.getByRole('heading', { name: 'Mailgun is connected' }),
  };
}

/** Waits for the form, then types TYPED into it. */
export async function fillIn(form: CredentialsForm): Promise<void> {
  await form.region.selectOption(TYPED.region);
  await form.domain.fill(TYPED.domain);
  await form.apiKey.fill(TYPED.apiKey);
}

/** Every field still holds what the user typed. */
export async function expectInputKept(form: CredentialsForm): Promise<void> {
  await expect(form.region).toHaveValue(TYPED.region);
  await expect(form.domain).toHaveValue(TYPED.domain);
  await expect(form.apiKey).toHaveValue(TYPED.apiKey);
}

/** The form's error says `title`, keeps the input, and its Try again is there. */
export async function expectFormError(form: CredentialsForm, title: string): Promise<void> {
  await expect(form.error).toContainText(title);
  await expect(form.tryAgain).toBeVisible();
  await expectInputKept(form);
}
