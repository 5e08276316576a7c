// Issue 14, finding 16: a delivery to a webhook URL is checked the way the app's service
// authenticates its webhooks (chosen by app, webhooks/webhook-signatures.ts). These apps are the
// demo catalog's with a webhook setup step added where the demo catalog has none, and the field
// where the user pastes the service's signing secret.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { App, AuthField, Connection, OAuthFlow, Problem } from '@plugboard/contract';
import { demoCatalog } from '@plugboard/contract/demo-catalog';
import { signInThroughStartUrl } from '../test-support/oauth-browser.js';
import {
  idempotencyKey,
  ORIGIN,
  startTestStack,
  type TestStack,
} from '../test-support/test-stack.js';

const SLACK_SIGNING_SECRET = 'slack-app-signing-secret';
const webhookStep = demoCatalog
  .find((app) => app.key === 'pipedrive')!
  .setupSteps.find((step) => step.type === 'webhook_url')!;
const signingSecretField: AuthField = {
  name: 'webhookSigningSecret',
  label: 'Webhook signing secret',
  type: 'password',
  required: false,
  secret: true,
};

/** A demo app with a webhook step and, for credential methods, the signing secret field. */
function withWebhooks(key: string): App {
  const app = demoCatalog.find((candidate) => candidate.key === key)!;
  return {
    ...app,
    authMethods: app.authMethods.map((method) =>
      method.type === 'oauth2'
        ? method
        : { ...method, fields: [...method.fields, signingSecretField] },
    ),
    setupSteps: [webhookStep],
  };
}

const apps = demoCatalog.map((app) =>
  ['stripe', 'shopify', 'slack', 'typeform'].includes(app.key) ? withWebhooks(app.key) : app,
);

const hmac = (secret: string, data: string, encoding: 'hex' | 'base64') =>
  createHmac('sha256', secret).update(data).digest(encoding);

describe('webhook deliveries are checked as each service authenticates them', () => {
  let t: TestStack;
  let token: string;
  before(async () => {
    t = await startTestStack({ apps, webhookSigningSecrets: { slack: SLACK_SIGNING_SECRET } });
    token = await t.session({ userId: 'webhook-signatures' });
  });
  after(() => t.close());

  const create = async (body: Record<string, unknown>, as = token) => {
    const created = await t.call<Connection>('createConnection', '/v1/connections', {
      method: 'POST',
      token: as,
      headers: { 'Idempotency-Key': idempotencyKey() },
      body,
    });
    assert.equal(created.status, 201, created.text);
    assert.ok(created.body.setup, 'the app has a webhook URL');
    return created.body;
  };
  const deliver = (connection: Connection, body: string, headers: Record<string, string> = {}) =>
    t.call<Problem>('receiveWebhook', new URL(connection.setup!.webhookUrl).pathname, {
      method: 'POST',
      origin: null,
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    });
  const lastEventAt = async (connection: Connection) =>
    (await t.call<Connection>('getConnection', `/v1/connections/${connection.id}`, { token })).body
      .setup?.lastEventAt;
  const seconds = () => String(Math.floor(Date.now() / 1000));

  it('Stripe: the Stripe-Signature over "t.payload" with the pasted signing secret', async () => {
    const stripe = await create({
      app: 'stripe',
      method: 'api_key',
      fields: { apiKey: 'demo-key-123', webhookSigningSecret: 'whsec_demo_secret' },
    });
    assert.equal(stripe.setup?.webhookAuth, undefined, 'Stripe signs; no basic auth to show');
    const payload = '{"id":"evt_1","type":"invoice.paid"}';
    const t0 = seconds();
    const unsigned = await deliver(stripe, payload);
    const forged = await deliver(stripe, payload, {
      'Stripe-Signature': `t=${t0},v1=${hmac('whsec_guess', `${t0}.${payload}`, 'hex')}`,
    });
    const stale = String(Number(t0) - 600);
    const replayed = await deliver(stripe, payload, {
      'Stripe-Signature': `t=${stale},v1=${hmac('whsec_demo_secret', `${stale}.${payload}`, 'hex')}`,
    });
    for (const refused of [unsigned, forged, replayed]) {
      assert.equal(refused.status, 401);
      assert.equal(refused.body.code, 'unauthorized');
    }
    assert.equal(await lastEventAt(stripe), null, 'refused deliveries record nothing');
    const signed = await deliver(stripe, payload, {
      'Stripe-Signature': `t=${t0},v1=${hmac('whsec_demo_secret', `${t0}.${payload}`, 'hex')}`,
    });
    assert.equal(signed.status, 202);
    assert.ok(await lastEventAt(stripe));
  });

  it('Stripe without a signing secret refuses every delivery: nothing to check it with', async () => {
    // Another user: the demo service has one account, already connected above.
    const stripe = await create(
      { app: 'stripe', method: 'api_key', fields: { apiKey: 'demo-key-123' } },
      await t.session({ userId: 'webhook-no-secret' }),
    );
    const payload = '{}';
    const t0 = seconds();
    const answer = await deliver(stripe, payload, {
      'Stripe-Signature': `t=${t0},v1=${hmac('', `${t0}.${payload}`, 'hex')}`,
    });
    assert.equal(answer.status, 401);
  });

  it('Shopify: the base64 X-Shopify-Hmac-Sha256 of the raw body', async () => {
    const shopify = await create({
      app: 'shopify',
      method: 'custom',
      fields: {
        shopDomain: 'acme.myshopify.com',
        accessToken: 'demo-key-123',
        webhookSigningSecret: 'shopify-notifications-key',
      },
    });
    const payload = '{"id":820982911946154508,"email":"jon@example.com"}';
    const reformatted = JSON.stringify(JSON.parse(payload), null, 2);
    const signature = hmac('shopify-notifications-key', payload, 'base64');
    assert.equal((await deliver(shopify, payload)).status, 401);
    assert.equal(
      (await deliver(shopify, reformatted, { 'X-Shopify-Hmac-Sha256': signature })).status,
      401,
      'the signature covers the exact bytes',
    );
    assert.equal(
      (await deliver(shopify, payload, { 'X-Shopify-Hmac-Sha256': signature })).status,
      202,
    );
  });

  it('Slack: X-Slack-Signature with the platform app’s configured signing secret', async () => {
    const started = await t.call<{ flowId: string; authorizeUrl: string }>(
      'startOAuthFlow',
      '/v1/oauth/flows',
      {
        method: 'POST',
        token,
        body: { app: 'slack', openerOrigin: ORIGIN, mode: 'popup' },
      },
    );
    const signedIn = await signInThroughStartUrl(started.body.authorizeUrl);
    await t.call('oauthCallback', `${signedIn.callback.pathname}${signedIn.callback.search}`, {
      origin: null,
      headers: { Cookie: signedIn.cookie },
    });
    const flow = await t.call<OAuthFlow>('getOAuthFlow', `/v1/oauth/flows/${started.body.flowId}`, {
      token,
    });
    const slack = flow.body.connection!;
    assert.ok(slack.setup?.webhookUrl);
    const payload = '{"type":"event_callback","event_id":"Ev1"}';
    const t0 = seconds();
    const signature = `v0=${hmac(SLACK_SIGNING_SECRET, `v0:${t0}:${payload}`, 'hex')}`;
    assert.equal((await deliver(slack, payload)).status, 401);
    const stale = String(Number(t0) - 400);
    assert.equal(
      (
        await deliver(slack, payload, {
          'X-Slack-Request-Timestamp': stale,
          'X-Slack-Signature': `v0=${hmac(SLACK_SIGNING_SECRET, `v0:${stale}:${payload}`, 'hex')}`,
        })
      ).status,
      401,
      'older than five minutes',
    );
    const accepted = await deliver(slack, payload, {
      'X-Slack-Request-Timestamp': t0,
      'X-Slack-Signature': signature,
    });
    assert.equal(accepted.status, 202);
  });

  it('an app whose service signs nothing relies on the URL alone (the capability)', async () => {
    const typeform = await create({
      app: 'typeform',
      method: 'token',
      fields: { token: 'demo-key-123' },
    });
    assert.equal(typeform.setup?.webhookAuth, undefined);
    assert.equal((await deliver(typeform, '{"event_id":"1"}')).status, 202);
  });
});
