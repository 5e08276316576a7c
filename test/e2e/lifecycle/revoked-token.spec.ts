// Issue 15's proof, end to end in Chromium: a token revoked at the demo provider (its "Connected
// apps" page, as the user would) turns <connection-status> to "needs attention" with no click,
// the host example receives and verifies a signed connection.needs_reauth webhook carrying a
// reconnect link, and that link re-authorizes the connection keeping its id.
//
// This stack is the test's own: background checks every second, and webhooks to the example's
// host backend (which must be known before the stack starts, hence a port reserved for it).
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { mintSession, startReferenceStack } from '@plugboard/server';
import { startHostServer, WEBHOOK_ROUTE } from '../../../examples/host-backend/host-server.mjs';
import { connectionsOf } from '../../harness/backend-lookups.js';
import { exampleHostOptions, expect, openPage, test } from '../../harness/examples-fixtures.js';
import {
  allowAccess,
  chooseApp,
  connectionCard,
  popupFrom,
  signIn,
} from '../examples/apps-page.js';

const OAUTH_APP = { key: 'google-sheets', name: 'Google Sheets', search: 'sheets' };

interface ReceivedWebhook {
  id: string;
  type: string;
  data: { connectionId?: string; app?: string; userId?: string; reconnectUrl?: string };
}

/** Whether nothing listens on `port` of 127.0.0.1 right now. */
function isFreeLoopbackPort(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * A free port for the host backend, which the stack must know before either starts. It is drawn
 * below the range the OS hands out for port 0 (Linux 32768-60999, macOS 49152-65535): a port
 * taken from port 0 and freed goes back to that pool, and the stack's servers, started next on
 * port 0, once got it and the host backend could not listen.
 */
async function hostBackendPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await isFreeLoopbackPort(port)) return port;
  }
  throw new Error('no free loopback port between 20000 and 32000');
}

test('a token revoked at the provider: live status, a signed webhook, and a reconnect link that keeps the id', async ({
  page,
  context,
  browser,
  endUser,
}) => {
  test.setTimeout(120_000);
  const hostPort = await hostBackendPort();
  const hostOrigin = `http://localhost:${hostPort}`;
  const webhookSecret = `whsec_${randomBytes(24).toString('base64')}`;
  const stack = await startReferenceStack({
    port: 0,
    providerPort: 0,
    dbPath: ':memory:',
    quiet: true,
    checks: { intervalMs: 1000, firstCheckWithinMs: 1000, tickMs: 200, jitter: 0 },
    hostWebhook: {
      url: `http://127.0.0.1:${hostPort}${WEBHOOK_ROUTE}`,
      secret: webhookSecret,
      reconnectReturnUrl: `${hostOrigin}/`,
      tickMs: 200,
    },
  });
  // Only deliveries that passed the example's signature check reach onWebhook.
  const received: ReceivedWebhook[] = [];
  const host = await startHostServer({
    ...exampleHostOptions('script-tag'),
    port: hostPort,
    plugboardUrl: stack.url,
    secretKey: stack.secretKey,
    userId: endUser,
    webhookSecret,
    onWebhook: (event: object, id: string) => {
      received.push({ id, ...(event as Omit<ReceivedWebhook, 'id'>) });
    },
  });
  try {
    await openPage(page, host.url);
    const minted = await mintSession(stack, { userId: endUser, allowedOrigins: [host.origin] });

    // 1. Connect through the widget: the provider's real sign-in and consent, in a popup.
    const dialog = await chooseApp(page, OAUTH_APP.search, OAUTH_APP.name);
    await dialog.getByRole('button', { name: 'Sign in with Google' }).click();
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
    const card = connectionCard(page, OAUTH_APP.name);
    await expect(card.getByText('Connected', { exact: true })).toBeVisible();
    const [connected] = await connectionsOf(stack, minted, host.origin, OAUTH_APP.key);
    expect(connected).toMatchObject({ status: 'connected' });

    // 2. The user removes the app's access in the provider's account settings, in another tab.
    const provider = await context.newPage();
    await provider.goto(new URL('/account/apps', stack.providerUrl).href);
    await expect(provider.getByRole('heading', { name: 'Connected apps' })).toBeVisible();
    await provider.getByRole('button', { name: 'Remove access for all apps' }).click();
    await expect(provider.getByText('No app has access to your account.')).toBeVisible();
    await provider.close();

    // 3. The next background check finds out; the card changes without any click.
    await expect(card.getByText('Needs attention', { exact: true })).toBeVisible({
      timeout: 20_000,
    });
    await expect(card.locator('[part="badge"]')).toHaveAttribute('data-status', 'needs_reauth');

    // 4. The host backend received and verified the signed webhook, with a reconnect link.
    await expect
      .poll(() => received.find((event) => event.type === 'connection.needs_reauth'), {
        timeout: 20_000,
      })
      .toMatchObject({
        data: { connectionId: connected!.id, app: OAUTH_APP.key, userId: endUser },
      });
    const needsReauth = received.find((event) => event.type === 'connection.needs_reauth')!;
    const reconnectUrl = needsReauth.data.reconnectUrl;
    expect(reconnectUrl).toMatch(new RegExp(`^${stack.url}/connect/`));

    // 5. The link, sent by e-mail and opened later in another browser (no provider session
    // there: the user signs in again), re-authorizes the connection and returns to the host.
    const mail = await browser.newContext();
    try {
      const linkPage = await mail.newPage();
      await linkPage.goto(reconnectUrl!);
      const reconnect = linkPage.getByRole('dialog', { name: new RegExp(OAUTH_APP.name) });
      const again = await popupFrom(
        linkPage,
        reconnect.getByRole('button', { name: `Continue with ${OAUTH_APP.name}` }),
      );
      await signIn(again);
      await allowAccess(again);
      await linkPage.waitForURL((url) => url.origin === hostOrigin, { timeout: 20_000 });
      const returned = new URL(linkPage.url());
      expect(returned.searchParams.get('pb_status')).toBe('connected');
      expect(returned.searchParams.get('pb_connection_id')).toBe(connected!.id);
      await expect(
        connectionCard(linkPage, OAUTH_APP.name).getByText('Connected', { exact: true }),
      ).toBeVisible();
    } finally {
      await mail.close();
    }
    const after = await connectionsOf(stack, minted, host.origin, OAUTH_APP.key);
    expect(after).toEqual([expect.objectContaining({ id: connected!.id, status: 'connected' })]);
    // The first tab hears of the recovery on the live channel too.
    await expect(card.getByText('Connected', { exact: true })).toBeVisible();
  } finally {
    await host.close();
    await stack.close();
  }
});
