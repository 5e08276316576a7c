// Connect links through the HTTP API: minted with the secret key only and checked (origins, return
// URL, connection); the page opens in the first browser only, its session is for the link's user
// and this backend's origin; completing it returns the user to the host and spends it; an expired
// or used link says so. A grant revoked at the service turns the connection needs_reauth in the
// background checks, and the host's webhook carries a reconnect link that repairs it keeping its id.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ConnectLink, Connection } from '@plugboard/contract';
import { Webhook } from 'standardwebhooks';
import type { OutboundFetch } from '../providers/outbound-fetch.js';
import { connectByOAuth } from '../test-support/connect-by-oauth.js';
import {
  idempotencyKey,
  startTestStack,
  TEST_SECRET_KEY,
  type TestStack,
} from '../test-support/test-stack.js';
import { startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver.js';

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const HOST = 'https://host.example';
const RETURN_URL = `${HOST}/integrations?tab=apps`;

/** A browser: keeps the cookies the backend sets (one jar per browser). */
class Browser {
  private readonly cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set(
        'Cookie',
        [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      );
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      this.cookies.set(name, value);
    }
    return response;
  }
}

describe('connect links', () => {
  let t: TestStack;
  let receiver: WebhookReceiver;
  let bundleDir: string;
  /** While true, the service refuses the connections' tokens (a grant revoked there). */
  let revoked = false;
  const serviceRevokes: OutboundFetch = async (url, init) => {
    if (revoked && url.pathname.startsWith('/api/')) {
      return Response.json({ error: 'invalid_token' }, { status: 401 });
    }
    if (revoked && url.pathname === '/token' && String(init.body).includes('refresh_token')) {
      return Response.json({ error: 'invalid_grant' }, { status: 400 });
    }
    return fetch(url, init);
  };

  before(async () => {
    receiver = await startWebhookReceiver();
    bundleDir = mkdtempSync(join(tmpdir(), 'pb-connect-page-'));
    writeFileSync(join(bundleDir, 'plugboard.iife.js'), '/* the elements */');
    t = await startTestStack({
      hostWebhook: {
        url: receiver.url,
        secret: SECRET,
        tickMs: 50,
        reconnectReturnUrl: RETURN_URL,
      },
      // Checked every half second: the first check may come before the grant is revoked.
      checks: { intervalMs: 500, firstCheckWithinMs: 200, tickMs: 50, jitter: 0 },
      outboundFetch: serviceRevokes,
      connectPageBundleFile: join(bundleDir, 'plugboard.iife.js'),
    });
  });
  after(async () => {
    await t.close();
    await receiver.close();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  const mint = (body: unknown, token = TEST_SECRET_KEY) =>
    t.call<ConnectLink>('createConnectLink', '/v1/connect-links', {
      method: 'POST',
      token,
      origin: null,
      body,
    });
  const pageOrigin = () => new URL(t.stack.url).origin;

  it('is minted with the secret key only, for allowed origins and the user’s own connection', async () => {
    const valid = {
      userId: 'links-user',
      allowedOrigins: [HOST],
      app: 'hubspot',
      returnUrl: RETURN_URL,
    };
    assert.equal((await mint(valid, await t.session())).status, 401, 'a session token cannot');
    const minted = await mint(valid);
    assert.equal(minted.status, 201, minted.text);
    assert.match(minted.body.url, new RegExp(`^${t.stack.url}/connect/cl_[A-Za-z0-9]{24}\\.`));

    const offOrigin = await mint({ ...valid, returnUrl: 'https://evil.example/x' });
    assert.equal(offOrigin.status, 422);
    assert.match(offOrigin.text, /returnUrl/);
    const script = await mint({ ...valid, returnUrl: 'javascript:alert(1)' });
    assert.equal(script.status, 422);
    const withPath = await mint({ ...valid, allowedOrigins: [`${HOST}/`] });
    assert.equal(withPath.status, 422);
    assert.match(withPath.text, /allowedOrigins/);
    const foreign = await mint({ ...valid, app: undefined, connectionId: 'con_0000000000000000' });
    assert.equal(foreign.status, 404);
    assert.equal((await mint({ ...valid, app: 'no-such-app' })).status, 404);
  });

  it('opens in the first browser only, and says so when used, expired or forged', async () => {
    const { body: link } = await mint({
      userId: 'links-user',
      allowedOrigins: [HOST],
      app: 'hubspot',
      returnUrl: RETURN_URL,
    });
    const first = new Browser();
    const page = await first.fetch(link.url, { headers: { 'Accept-Language': 'es' } });
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<connect-dialog app-key="hubspot">/);
    assert.match(html, /<html lang="es"/);
    assert.match(page.headers.get('Content-Security-Policy')!, /frame-ancestors 'none'/);
    assert.equal(page.headers.get('Referrer-Policy'), 'no-referrer');
    assert.equal((await first.fetch(link.url)).status, 200, 'a reload in the same browser');

    const second = await new Browser().fetch(link.url);
    assert.equal(second.status, 410);
    assert.match(await second.text(), /This link was already used/);
    const stolen = await new Browser().fetch(`${link.url}/session`, { method: 'POST' });
    assert.equal(stolen.status, 401, 'another browser gets no session');

    const forged = await new Browser().fetch(link.url.replace(/\.[^.]+$/, '.forged'));
    assert.equal(forged.status, 404);
    assert.match(await forged.text(), /This link is not valid/);

    t.advanceClock(8 * 24 * 60 * 60 * 1000);
    try {
      const expired = await first.fetch(link.url);
      assert.equal(expired.status, 410);
      assert.match(await expired.text(), /This link has expired/);
    } finally {
      t.advanceClock(-8 * 24 * 60 * 60 * 1000);
    }
  });

  it(
    'repairs a connection whose grant was revoked, keeping its id, from the webhook’s link',
    { timeout: 60_000 },
    async () => {
      const userId = 'links-reauth-user';
      const hostSession = await t.session({ userId });
      const connection = await connectByOAuth(t, hostSession, 'hubspot');
      const other = await t.call<Connection>('createConnection', '/v1/connections', {
        method: 'POST',
        token: hostSession,
        headers: { 'Idempotency-Key': idempotencyKey() },
        body: { app: 'stripe', method: 'api_key', fields: { apiKey: 'demo-key-123' } },
      });
      revoked = true;
      const needsReauth = await waitForWebhook('connection.needs_reauth');
      revoked = false;
      const verified = new Webhook(SECRET).verify(needsReauth.body, {
        'webhook-id': String(needsReauth.headers['webhook-id']),
        'webhook-timestamp': String(needsReauth.headers['webhook-timestamp']),
        'webhook-signature': String(needsReauth.headers['webhook-signature']),
      }) as { data: { connectionId: string; reconnectUrl: string } };
      assert.equal(verified.data.connectionId, connection.id);
      const { reconnectUrl } = verified.data;

      const browser = new Browser();
      const page = await browser.fetch(reconnectUrl);
      assert.equal(page.status, 200);
      assert.match(await page.text(), new RegExp(`connection-id="${connection.id}"`));
      const session = await browser.fetch(`${reconnectUrl}/session`, { method: 'POST' });
      assert.equal(session.status, 201);
      const { token } = (await session.json()) as { token: string };

      const wrong = await browser.fetch(`${reconnectUrl}/complete`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ connectionId: other.body.id }),
      });
      assert.equal(wrong.status, 400, 'a reconnect link completes only with its own connection');

      const repaired = await connectByOAuth(t, token, 'hubspot', connection.id, pageOrigin());
      assert.equal(repaired.id, connection.id);
      assert.equal(repaired.status, 'connected');
      const completed = await browser.fetch(`${reconnectUrl}/complete`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ connectionId: connection.id }),
      });
      assert.equal(completed.status, 200);
      const { returnUrl } = (await completed.json()) as { returnUrl: string };
      const back = new URL(returnUrl);
      assert.equal(back.origin + back.pathname, `${HOST}/integrations`);
      assert.equal(back.searchParams.get('tab'), 'apps');
      assert.equal(back.searchParams.get('pb_status'), 'connected');
      assert.equal(back.searchParams.get('pb_connection_id'), connection.id);

      const spent = await browser.fetch(reconnectUrl);
      assert.equal(spent.status, 410, 'spent, even in the browser that used it');
      assert.equal(
        (await browser.fetch(`${reconnectUrl}/session`, { method: 'POST' })).status,
        401,
      );
    },
  );

  async function waitForWebhook(type: string) {
    for (;;) {
      const found = receiver.received.find((webhook) => webhook.body.includes(`"type":"${type}"`));
      if (found) return found;
      await receiver.waitFor(receiver.received.length + 1);
    }
  }

  it('serves the elements’ bundle the page loads', async () => {
    const bundle = await fetch(`${t.stack.url}/connect/assets/plugboard.js`);
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('Content-Type')!, /javascript/);
    assert.equal(await bundle.text(), '/* the elements */');
  });
});

describe('a connect link without a page to show', () => {
  it('says the page is unavailable', async () => {
    const t = await startTestStack({ connectPageBundleFile: '' });
    try {
      const minted = await t.call<ConnectLink>('createConnectLink', '/v1/connect-links', {
        method: 'POST',
        token: TEST_SECRET_KEY,
        origin: null,
        body: { userId: 'u', allowedOrigins: [HOST], returnUrl: RETURN_URL },
      });
      const page = await fetch(minted.body.url);
      assert.equal(page.status, 503);
      assert.match(await page.text(), /This page is not available/);
    } finally {
      await t.close();
    }
  });
});
