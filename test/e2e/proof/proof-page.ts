// Opening the proof pages (test/pages/proof/) and reading what the OAuth flows do on the wire.
import type { Page, Request, Response } from '@playwright/test';
import type { PageServer } from '../../harness/page-server.js';
import { expect } from '../../harness/proof-fixtures.js';

const CREATE_FLOW = /\/v1\/oauth\/flows$/;
/** A one-off status read (`wait=0`): what core does to confirm a message or a closed popup. */
const STATUS_CHECK = /\/v1\/oauth\/flows\/[\w-]+\?wait=0$/;

export function isFlowCreation(request: Request): boolean {
  return request.method() === 'POST' && CREATE_FLOW.test(new URL(request.url()).pathname);
}

export function isStatusCheck(request: Request): boolean {
  return request.method() === 'GET' && STATUS_CHECK.test(request.url());
}

/** Opens test/pages/proof/oauth.html and waits until it is ready (or in `expectedStatus`). */
export async function openOAuthPage(
  page: Page,
  pageServer: PageServer,
  params: Record<string, string>,
  expectedStatus = 'ready',
): Promise<void> {
  await page.goto(pageServer.url('proof/oauth.html', params));
  await expect(page.getByRole('status')).toHaveText(expectedStatus);
}

/**
 * Opens the OAuth page with the flow started from a timer, so the real popup blocker refuses it
 * (needs `test.use(NO_GESTURE_FROM_TRACING)`), then clicks "Continue in this tab". Reading the page
 * would give it a user activation (Playwright evaluates with a user gesture), so this waits on the
 * network alone first: a refused popup makes no request, and 500 ms of silence after the page's
 * last setup request means its timer has run.
 */
export async function continueInThisTabAfterBlockedPopup(
  page: Page,
  pageServer: PageServer,
  params: Record<string, string>,
): Promise<void> {
  await page.goto(pageServer.url('proof/oauth.html', { ...params, start: 'timer' }));
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('status')).toHaveText('popup_blocked');
  await page.getByRole('button', { name: 'Continue in this tab' }).click();
}

/** Clicks Connect and returns the popup it opened. */
export async function clickConnect(page: Page): Promise<Page> {
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Connect' }).click(),
  ]);
  return popup;
}

/**
 * Opens the OAuth page as `user`, clicks Connect and waits until the popup shows the provider's
 * sign-in page; returns the popup and the flow the backend created.
 */
export async function startFlowInPopup(
  page: Page,
  pageServer: PageServer,
  user: string,
  providerUrl: string,
): Promise<{ popup: Page; flowId: string; authorizeUrl: string }> {
  await openOAuthPage(page, pageServer, { user });
  const flowCreated = waitForFlowCreated(page);
  const popup = await clickConnect(page);
  const { flowId, authorizeUrl } = (await (await flowCreated).json()) as {
    flowId: string;
    authorizeUrl: string;
  };
  await popup.waitForURL((url) => url.origin === new URL(providerUrl).origin);
  return { popup, flowId, authorizeUrl };
}

export function waitForFlowCreated(page: Page): Promise<Response> {
  return page.waitForResponse((response) => isFlowCreation(response.request()));
}
