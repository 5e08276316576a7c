// Disconnect (issue 15): the connection goes, its webhook URL stops accepting deliveries, and the
// service is asked to revoke an OAuth grant; the answer says whether it did.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, DisconnectResult } from '@plugboard/contract';
import { connectByOAuth } from '../test-support/connect-by-oauth.js';
import { idempotencyKey, startTestStack, type TestStack } from '../test-support/test-stack.js';

describe('DELETE /v1/connections/{id}', () => {
  let t: TestStack;
  before(async () => {
    t = await startTestStack();
  });
  after(() => t.close());

  it('revokes an OAuth grant at the service', async () => {
    const token = await t.session({ userId: 'disconnect-oauth' });
    const connection = await connectByOAuth(t, token, 'hubspot');
    const path = `/v1/connections/${connection.id}`;
    const deleted = await t.call<DisconnectResult>('deleteConnection', path, {
      method: 'DELETE',
      token,
    });
    assert.equal(deleted.status, 200);
    assert.deepEqual(deleted.body, { revocation: 'revoked' });
    assert.equal((await t.call('getConnection', path, { token })).status, 404);
  });

  it("closes the connection's webhook URL", async () => {
    const token = await t.session({ userId: 'disconnect-hook' });
    const created = await t.call<Connection>('createConnection', '/v1/connections', {
      method: 'POST',
      token,
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: {
        app: 'pipedrive',
        method: 'token',
        fields: { subdomain: 'acme', token: 'demo-key-123' },
      },
    });
    assert.equal(created.status, 201, created.text);
    const { webhookUrl, webhookAuth } = created.body.setup!;
    const basic = Buffer.from(`${webhookAuth!.username}:${webhookAuth!.password}`);
    const deliver = () =>
      fetch(webhookUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Basic ${basic.toString('base64')}`,
        },
        body: '{"event":"updated.deal"}',
      });
    assert.equal((await deliver()).status, 202);
    const deleted = await t.call<DisconnectResult>(
      'deleteConnection',
      `/v1/connections/${created.body.id}`,
      { method: 'DELETE', token },
    );
    assert.deepEqual(deleted.body, { revocation: 'not_supported' });
    assert.equal((await deliver()).status, 404);
    const kept = await t.stack.database.db
      .selectFrom('webhook_deliveries')
      .where('connection_id', '=', created.body.id)
      .selectAll()
      .execute();
    assert.deepEqual(kept, [], 'the deliveries of a deleted connection are kept');
  });
});
