// The richer credential fields of issue 16 against the reference server and its demo provider:
// a PEM key in several lines, a key file's contents, a multi-select, and fields shown only when
// another field has a given value (hidden ones are neither required nor sent).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, Problem } from '@plugboard/contract';
import { idempotencyKey, startTestStack, type TestStack } from '../test-support/test-stack.js';

const PEM = (key: string) => `-----BEGIN PRIVATE KEY-----\n${key}\n-----END PRIVATE KEY-----\n`;

describe('rich credential fields', () => {
  let t: TestStack;
  before(async () => {
    t = await startTestStack({ credentialAttemptsPerMinute: 100 });
  });
  after(() => t.close());

  const create = async (app: string, fields: Record<string, unknown>) => {
    const token = await t.session({ userId: `rich-${idempotencyKey()}` });
    return t.call<Connection | Problem>('createConnection', '/v1/connections', {
      method: 'POST',
      token,
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { app, method: 'custom', fields },
    });
  };
  const snowflake = { account: 'acme-xy12345', username: 'PLUGBOARD_SERVICE' };

  it('signs in with a PEM key in several lines, and keeps the multi-select', async () => {
    const created = await create('snowflake', {
      ...snowflake,
      authentication: 'key_pair',
      keyFile: PEM('demo-key-456'),
      warehouses: ['COMPUTE_WH', 'REPORTING_WH'],
    });
    assert.equal(created.status, 201, created.text);
    const connection = created.body as Connection;
    assert.equal(connection.label, 'alex@example.com');
    assert.equal(connection.credentialHint, '••••', 'the end of a PEM block tells nothing');
    assert.deepEqual(connection.fields, {
      ...snowflake,
      authentication: 'key_pair',
      warehouses: ['COMPUTE_WH', 'REPORTING_WH'],
    });
    assert.ok(!created.text.includes('PRIVATE KEY'), 'never the key');
  });

  it('leaves out a field another field hides, and requires the one it shows', async () => {
    const missing = await create('snowflake', { ...snowflake, authentication: 'password' });
    assert.equal(missing.status, 422);
    assert.deepEqual(
      (missing.body as Problem).errors?.map((error) => [error.field, error.code]),
      [['password', 'required']],
    );
    const byPassword = await create('snowflake', {
      ...snowflake,
      authentication: 'password',
      password: 'demo-key-123',
      // Hidden by the choice of a password: neither checked nor kept.
      keyFile: 'not a key',
    });
    assert.equal(byPassword.status, 201, byPassword.text);
    assert.equal((byPassword.body as Connection).credentialHint, '••••123');
  });

  it('reads a service-account key file’s contents, and refuses one above its size', async () => {
    const file = JSON.stringify({
      type: 'service_account',
      project_id: 'demo',
      private_key_id: 'demo-key-123',
      client_email: 'sheets@demo.iam.gserviceaccount.com',
    });
    const created = await create('google-sheets', { keyFile: file });
    assert.equal(created.status, 201, created.text);
    const tooLarge = await create('google-sheets', { keyFile: `${file}${' '.repeat(9000)}x` });
    assert.equal(tooLarge.status, 422);
    assert.deepEqual(
      (tooLarge.body as Problem).errors?.map((error) => [error.field, error.code]),
      [['keyFile', 'too_large']],
    );
  });
});
