// Through the HTTP API: a change made by a widget reaches the host backend as a signed webhook,
// and GET /v1/admin/webhook-deliveries lists it with its attempts (secret key only).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Connection, HostWebhookDeliveryList, Problem } from '@plugboard/contract';
import { Webhook } from 'standardwebhooks';
import {
  idempotencyKey,
  startTestStack,
  TEST_SECRET_KEY,
  type TestStack,
} from '../test-support/test-stack.js';
import { startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver.js';

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;

describe('host webhooks through the API', () => {
  let t: TestStack;
  let receiver: WebhookReceiver;
  before(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestStack({ hostWebhook: { url: receiver.url, secret: SECRET, tickMs: 50 } });
  });
  after(async () => {
    await t.close();
    await receiver.close();
  });

  const list = (query = '', token = TEST_SECRET_KEY) =>
    t.call<HostWebhookDeliveryList | Problem>(
      'listHostWebhookDeliveries',
      `/v1/admin/webhook-deliveries${query}`,
      { token, origin: null },
    );

  it('sends a signed connection.created and lists it with its attempt', async () => {
    const token = await t.session({ userId: 'webhook-host-user' });
    const created = await t.call<Connection>('createConnection', '/v1/connections', {
      method: 'POST',
      token,
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { app: 'stripe', method: 'api_key', fields: { apiKey: 'demo-key-123' } },
    });
    assert.equal(created.status, 201, created.text);
    const [webhook] = await receiver.waitFor(1);
    const verified = new Webhook(SECRET).verify(webhook!.body, {
      'webhook-id': String(webhook!.headers['webhook-id']),
      'webhook-timestamp': String(webhook!.headers['webhook-timestamp']),
      'webhook-signature': String(webhook!.headers['webhook-signature']),
    }) as { type: string; data: Record<string, unknown> };
    assert.equal(verified.type, 'connection.created');
    assert.deepEqual(verified.data, {
      userId: 'webhook-host-user',
      app: 'stripe',
      connectionId: created.body.id,
      status: 'connected',
      label: created.body.label,
    });
    assert.ok(!webhook!.body.includes('demo-key-123'), 'the key was sent to the host');

    let page: HostWebhookDeliveryList | undefined;
    for (let tries = 0; tries < 50; tries += 1) {
      page = (await list()).body as HostWebhookDeliveryList;
      if (page.items[0]?.status === 'delivered') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const [delivery] = page!.items;
    assert.equal(delivery!.id, webhook!.headers['webhook-id']);
    assert.equal(delivery!.status, 'delivered');
    assert.equal(delivery!.payload.data.connectionId, created.body.id);
    assert.deepEqual(
      delivery!.attempts.map((attempt) => [attempt.attempt, attempt.statusCode, attempt.error]),
      [[1, 204, null]],
    );
    assert.equal(((await list('?status=pending')).body as HostWebhookDeliveryList).total, 0);
  });

  it('needs the secret key and valid parameters', async () => {
    const session = await t.session({ userId: 'webhook-host-user' });
    assert.equal((await list('', session)).status, 401);
    assert.equal((await list('?limit=0')).status, 400);
    assert.equal((await list('?status=lost')).status, 400);
    assert.equal((await list('?cursor=nonsense')).status, 400);
  });
});
