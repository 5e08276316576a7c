// The demo host backend's webhook endpoint: a delivery signed by an independent Standard Webhooks
// implementation (the `standardwebhooks` package) is accepted and handled once per id; a tampered
// body, a wrong secret, an old timestamp or a missing header is refused.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { WEBHOOK_ROUTE, startHostServer } from './host-server.mjs';

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const EVENT = {
  type: 'connection.needs_reauth',
  timestamp: '2026-06-01T12:00:00.000Z',
  data: {
    userId: 'demo-end-user',
    app: 'slack',
    connectionId: 'con_0123456789abcdef',
    status: 'needs_reauth',
    reconnectUrl: 'http://127.0.0.1:8787/connect/cl_x',
  },
};

describe('the demo host backend receives Plugboard webhooks', () => {
  const handled: Array<{ event: unknown; id: string }> = [];
  let host: Awaited<ReturnType<typeof startHostServer>>;

  before(async () => {
    host = await startHostServer({
      root: fileURLToPath(new URL('.', import.meta.url)),
      plugboardUrl: 'http://127.0.0.1:9',
      secretKey: 'sk_test_host_backend_suite',
      webhookSecret: SECRET,
      onWebhook: (event: unknown, id: string) => handled.push({ event, id }),
    });
  });
  after(() => host.close());

  const post = (headers: Record<string, string>, body: string) =>
    fetch(new URL(WEBHOOK_ROUTE, host.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const signed = (id: string, at: Date, body: string, secret = SECRET) => ({
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  });

  it('accepts a signed delivery once per id', async () => {
    const body = JSON.stringify(EVENT);
    const headers = signed('msg_first', new Date(), body);
    assert.equal((await post(headers, body)).status, 204);
    assert.equal((await post(headers, body)).status, 204, 'a retry is acknowledged');
    assert.deepEqual(handled, [{ event: EVENT, id: 'msg_first' }]);
  });

  it('refuses a tampered body, another secret, an old timestamp and missing headers', async () => {
    const body = JSON.stringify(EVENT);
    const now = new Date();
    const tampered = body.replace('demo-end-user', 'someone-else');
    const other = `whsec_${randomBytes(32).toString('base64')}`;
    const old = new Date(now.getTime() - 10 * 60 * 1000);
    for (const [headers, sent] of [
      [signed('msg_tampered', now, body), tampered],
      [signed('msg_other', now, body, other), body],
      [signed('msg_old', old, body), body],
      [{ 'webhook-id': 'msg_bare' }, body],
    ] as const) {
      assert.equal((await post(headers, sent)).status, 401, JSON.stringify(headers));
    }
    assert.equal(handled.length, 1);
  });
});
