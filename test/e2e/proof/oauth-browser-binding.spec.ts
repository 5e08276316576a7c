// An OAuth flow completes only in the browser that started it (issue 14, finding 1; RFC 9700
// §4.7.1). Three sites, as in production: the host page on 127.0.0.1, the backend on localhost,
// the provider on 127.0.0.1 (another port); so the provider's redirect back to the callback is a
// cross-site top-level navigation, which carries the SameSite=Lax binding cookie. Playwright's
// Chromium contexts block third-party cookies (the control below shows it), and the popup blocker
// is on.
import { createServer as createHttpServer } from 'node:http';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, NO_GESTURE_FROM_TRACING, test } from '../../harness/proof-fixtures.js';
import { signInAndAllow } from '../../harness/proof-provider.js';
import {
  clickConnect,
  continueInThisTabAfterBlockedPopup,
  openOAuthPage,
  waitForFlowCreated,
} from './proof-page.js';
import { freePort } from '../../../scripts/wtr-free-port.mjs';

/** A port free right now, so the backend's public URL can name it before the stack starts. */

const BACKEND_PORT = await freePort();

test.use({
  ...NO_GESTURE_FROM_TRACING,
  stackOptions: {
    port: BACKEND_PORT,
    providerPort: 0,
    dbPath: ':memory:',
    quiet: true,
    // The backend's own site: `localhost`, while the page and the provider are on 127.0.0.1.
    publicUrl: `http://localhost:${BACKEND_PORT}`,
  },
});

const OTHER_BROWSER_HEADING = 'This sign-in was started in another browser';

/** A second, unrelated browser profile: its own cookies, its own provider sign-in. */
async function otherBrowser(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

async function connectionCount(stack: { url: string }, token: string, origin: string) {
  const response = await fetch(new URL('/v1/connections', stack.url), {
    headers: { authorization: `Bearer ${token}`, origin },
  });
  return ((await response.json()) as { items: unknown[] }).items.length;
}

test('third-party cookies are blocked in this run (control)', async ({
  page,
  stack,
  pageServer,
  endUser,
}) => {
  // A cookie of the backend's site that allows cross-site use (SameSite=None; Secure), set by a
  // throwaway server on the same site (cookies ignore ports): sent only if third-party cookies are.
  const probe = createHttpServer((_request, response) => {
    response.writeHead(200, { 'set-cookie': 'probe=1; SameSite=None; Secure; Path=/' }).end('set');
  });
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`http://localhost:${(probe.address() as { port: number }).port}/`);
  } finally {
    probe.close();
  }
  expect((await page.context().cookies(stack.url)).map((cookie) => cookie.name)).toEqual(['probe']);

  await openOAuthPage(page, pageServer, { user: endUser });
  const crossSite = page.waitForRequest((request) => request.url().includes('/logos/slack.svg'));
  await page.evaluate(
    (url) => fetch(url, { credentials: 'include', mode: 'no-cors' }).then(() => undefined),
    `${stack.url}/logos/slack.svg`,
  );
  expect((await (await crossSite).allHeaders()).cookie ?? '').not.toContain('probe=1');
  // The same cookie goes with a top-level navigation to the backend: first-party.
  const topLevel = page.waitForRequest((request) => request.url().includes('/logos/slack.svg'));
  await page.goto(`${stack.url}/logos/slack.svg`);
  expect((await (await topLevel).allHeaders()).cookie ?? '').toContain('probe=1');
});

test('the popup flow connects across three sites with third-party cookies blocked', async ({
  page,
  stack,
  pageServer,
  endUser,
  session,
}) => {
  await openOAuthPage(page, pageServer, { user: endUser });
  const popup = await clickConnect(page);
  await signInAndAllow(popup);
  await expect(page.getByRole('status')).toHaveText('succeeded');
  const { token } = await session(pageServer.origin);
  expect(await connectionCount(stack, token, pageServer.origin)).toBe(1);
});

test('"continue in this tab" connects across three sites with third-party cookies blocked', async ({
  page,
  pageServer,
  endUser,
}) => {
  await continueInThisTabAfterBlockedPopup(page, pageServer, { user: endUser });
  await signInAndAllow(page);
  await expect(page.getByRole('status')).toHaveText('succeeded');
});

test('the provider link opened in another browser connects nothing, in plain words', async ({
  page,
  browser,
  stack,
  pageServer,
  endUser,
  session,
  flowStatus,
}) => {
  await openOAuthPage(page, pageServer, { user: endUser });
  const flowCreated = waitForFlowCreated(page);
  const providerOrigin = new URL(stack.providerUrl).origin;
  // The attacker's link: the provider's authorization request of a flow this browser started.
  const authorizationRequest = page.context().waitForEvent('request', (request) => {
    const url = new URL(request.url());
    return url.origin === providerOrigin && url.searchParams.has('code_challenge');
  });
  await clickConnect(page);
  const { flowId } = (await (await flowCreated).json()) as { flowId: string };
  const providerLink = (await authorizationRequest).url();

  const victim = await otherBrowser(browser);
  try {
    await victim.page.goto(providerLink);
    await signInAndAllow(victim.page);
    await expect(victim.page.getByRole('heading', { level: 1 })).toHaveText(OTHER_BROWSER_HEADING);
    await expect(victim.page.getByText(/^Nothing was connected\./)).toBeVisible();
    await expect(victim.page.locator('script')).toHaveCount(0);
    expect(victim.page.url()).toMatch(new RegExp(`^${stack.url}/v1/oauth/callback\\?`));
  } finally {
    await victim.context.close();
  }

  expect(await flowStatus(flowId)).toBe('failed');
  await expect(page.getByRole('status')).toHaveText('failed: browser_mismatch');
  const { token } = await session(pageServer.origin);
  expect(await connectionCount(stack, token, pageServer.origin)).toBe(0);
});

test('the start URL opened in another browser is refused and ends the flow', async ({
  page,
  browser,
  stack,
  pageServer,
  endUser,
  flowStatus,
}) => {
  await openOAuthPage(page, pageServer, { user: endUser });
  const flowCreated = waitForFlowCreated(page);
  const popup = await clickConnect(page);
  const { flowId, authorizeUrl } = (await (await flowCreated).json()) as {
    flowId: string;
    authorizeUrl: string;
  };
  // This browser's popup opens it first (and goes on to the provider); then the link leaks.
  await popup.waitForURL((url) => url.origin === new URL(stack.providerUrl).origin);

  const victim = await otherBrowser(browser);
  try {
    const answer = await victim.page.goto(authorizeUrl);
    expect(answer?.status()).toBe(403);
    await expect(victim.page.getByRole('heading', { level: 1 })).toHaveText(OTHER_BROWSER_HEADING);
  } finally {
    await victim.context.close();
  }
  expect(await flowStatus(flowId)).toBe('failed');
  await expect(page.getByRole('status')).toHaveText('failed: browser_mismatch');
});
