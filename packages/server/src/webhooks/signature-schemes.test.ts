// Each service's webhook authentication, checked against the service's own documentation. The
// signatures below are computed independently of the verifiers (node:crypto, the documented
// recipe), and Slack's published worked example is checked as it stands.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { verifyBasicAuth } from './verify-basic-auth.js';
import { verifyShopify } from './verify-shopify.js';
import { verifySlack } from './verify-slack.js';
import { verifyStripe } from './verify-stripe.js';

const body = Buffer.from('{"id":"evt_1","type":"invoice.paid"}');
const hmac = (secret: string, data: string | Buffer, encoding: 'hex' | 'base64') =>
  createHmac('sha256', secret).update(data).digest(encoding);
const headers = (entries: Record<string, string>) => new Headers(entries);

describe('Pipedrive: HTTP basic auth', () => {
  const expected = { username: 'plugboard', password: 'p4ssw0rd-long-enough' };
  const basic = (value: string) => headers({ authorization: `Basic ${value}` });
  const encode = (text: string) => Buffer.from(text).toString('base64');

  it('accepts the configured user name and password', () => {
    assert.equal(verifyBasicAuth(basic(encode('plugboard:p4ssw0rd-long-enough')), expected), true);
    assert.equal(
      verifyBasicAuth(
        headers({ authorization: `basic ${encode('plugboard:p4ssw0rd-long-enough')}` }),
        expected,
      ),
      true,
      'the scheme name is case-insensitive',
    );
  });

  it('refuses a missing header, another scheme, a wrong user or password, and garbage', () => {
    for (const value of [
      headers({}),
      headers({ authorization: `Bearer ${expected.password}` }),
      basic(encode('someone:p4ssw0rd-long-enough')),
      basic(encode('plugboard:p4ssw0rd-long-enough!')),
      basic(encode('plugboard')),
      basic('%%%not-base64'),
    ]) {
      assert.equal(verifyBasicAuth(value, expected), false);
    }
  });
});

describe('Stripe: Stripe-Signature t=…,v1=HMAC-SHA256(t.payload)', () => {
  const secret = 'whsec_test_secret';
  const now = 1_760_000_000_000;
  const t = String(now / 1000);
  const v1 = hmac(secret, `${t}.${body.toString()}`, 'hex');
  const verify = (header: string, at = now) =>
    verifyStripe(headers({ 'stripe-signature': header }), body, secret, at);

  it('accepts a signature over `timestamp.payload`, among other schemes and signatures', () => {
    assert.equal(verify(`t=${t},v1=${v1}`), true);
    // Stripe may send several v1 signatures (secret rotation) and other schemes (v0): any v1.
    assert.equal(verify(`t=${t},v1=${'0'.repeat(64)},v1=${v1},v0=abc`), true);
  });

  it('refuses a wrong signature, another body, a missing part, or one outside 5 minutes', () => {
    assert.equal(verify(`t=${t},v1=${'0'.repeat(64)}`), false);
    assert.equal(
      verifyStripe(
        headers({ 'stripe-signature': `t=${t},v1=${v1}` }),
        Buffer.from('{}'),
        secret,
        now,
      ),
      false,
    );
    assert.equal(verify(`v1=${v1}`), false);
    assert.equal(verify(`t=${t}`), false);
    assert.equal(verify(`t=${t},v0=${v1}`), false, 'only the v1 scheme counts');
    assert.equal(verifyStripe(headers({}), body, secret, now), false);
    assert.equal(verify(`t=${t},v1=${v1}`, now + 301_000), false, 'replayed too late');
    assert.equal(verify(`t=${t},v1=${v1}`, now - 301_000), false, 'from the future');
    assert.equal(verify(`t=${t},v1=${v1}`, now + 299_000), true);
  });
});

describe('Shopify: X-Shopify-Hmac-Sha256, base64 HMAC-SHA256 of the raw body', () => {
  const secret = 'shpss_test_secret';
  const verify = (value: string, raw = body) =>
    verifyShopify(headers({ 'x-shopify-hmac-sha256': value }), raw, secret);

  it('accepts the base64 HMAC of the exact bytes received', () => {
    assert.equal(verify(hmac(secret, body, 'base64')), true);
  });

  it('refuses a hex digest, another body, another secret or no header', () => {
    assert.equal(verify(hmac(secret, body, 'hex')), false);
    assert.equal(verify(hmac(secret, body, 'base64'), Buffer.from(`${body.toString()} `)), false);
    assert.equal(verify(hmac('other', body, 'base64')), false);
    assert.equal(verifyShopify(headers({}), body, secret), false);
  });
});

describe('Slack: X-Slack-Signature v0=HMAC-SHA256(v0:timestamp:body), 5-minute window', () => {
  // The worked example on Slack's "Verifying requests from Slack" page.
  const docSecret = '8f742231b10e8888abcd99yyyzzz85a5';
  const docTimestamp = '1531420618';
  const docBody =
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
  const docSignature = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
  const slackHeaders = (signature: string, timestamp = docTimestamp) =>
    headers({ 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp });
  const atDocTime = Number(docTimestamp) * 1000 + 60_000;

  it("verifies Slack's own worked example", () => {
    assert.equal(
      verifySlack(slackHeaders(docSignature), Buffer.from(docBody), docSecret, atDocTime),
      true,
    );
  });

  it('refuses a wrong signature, another body, a stale or future timestamp, or missing headers', () => {
    const raw = Buffer.from(docBody);
    assert.equal(
      verifySlack(slackHeaders(`v0=${'0'.repeat(64)}`), raw, docSecret, atDocTime),
      false,
    );
    assert.equal(
      verifySlack(slackHeaders(docSignature), Buffer.from(`${docBody}&x=1`), docSecret, atDocTime),
      false,
    );
    const fiveMinutes = 5 * 60_000;
    const signedAt = Number(docTimestamp) * 1000;
    assert.equal(
      verifySlack(slackHeaders(docSignature), raw, docSecret, signedAt + fiveMinutes + 1000),
      false,
    );
    assert.equal(
      verifySlack(slackHeaders(docSignature), raw, docSecret, signedAt - fiveMinutes - 1000),
      false,
    );
    assert.equal(
      verifySlack(headers({ 'x-slack-signature': docSignature }), raw, docSecret, atDocTime),
      false,
    );
    assert.equal(verifySlack(slackHeaders(docSignature, 'soon'), raw, docSecret, atDocTime), false);
  });
});
