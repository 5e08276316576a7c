// Issue 14, findings 9 and 14: a listing decrypts no credential; an unreadable credential makes
// its connection ask for re-authorization instead of failing requests; a sealed credential is bound
// to its connection, user and app; keys rotate, and a command re-encrypts old values.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Connection, ConnectionList, TestResult } from '@plugboard/contract';
import { reencryptFromEnvironment } from '../crypto/reencrypt-command.js';
import { idempotencyKey, startTestStack, type TestStack } from '../test-support/test-stack.js';

describe('stored credentials', () => {
  let t: TestStack;
  before(async () => {
    t = await startTestStack({ credentialAttemptsPerMinute: 100 });
  });
  after(() => t.close());

  const connect = async (token: string, app: string) => {
    const created = await t.call<Connection>('createConnection', '/v1/connections', {
      method: 'POST',
      token,
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { app, method: 'api_key', fields: { apiKey: 'demo-key-123' } },
    });
    assert.equal(created.status, 201, created.text);
    return created.body;
  };
  const setColumn = (
    id: string,
    changes: { credentials?: string; user_id?: string; app?: string },
  ) => t.stack.database.db.updateTable('connections').set(changes).where('id', '=', id).execute();
  const testNow = (token: string, id: string) =>
    t.call<TestResult>('testConnection', `/v1/connections/${id}/test`, { method: 'POST', token });

  it('lists connections whose credentials cannot be read, and asks to re-authorize them (finding 9)', async () => {
    const token = await t.session({ userId: 'unreadable-user' });
    const good = await connect(token, 'stripe');
    const bad = await connect(token, 'lemlist');
    await setColumn(bad.id, { credentials: 'v1.not.a.sealed-value' });

    const list = await t.call<ConnectionList>('listConnections', '/v1/connections', { token });
    assert.equal(list.status, 200, 'one unreadable row fails the whole list');
    assert.deepEqual(list.body.items.map((item) => item.id).sort(), [good.id, bad.id].sort());

    const tested = await testNow(token, bad.id);
    assert.equal(tested.status, 200);
    assert.equal(tested.body.ok, false);
    assert.equal(tested.body.status, 'needs_reauth');
    const after = await t.call<ConnectionList>('listConnections', '/v1/connections', { token });
    const shown = after.body.items.find((item) => item.id === bad.id);
    assert.equal(shown?.status, 'needs_reauth');
    assert.equal(after.body.items.find((item) => item.id === good.id)?.status, 'connected');
  });

  it('does not open a credential moved to another user or app (finding 14)', async () => {
    const owner = await t.session({ userId: 'owner-user' });
    const thief = await t.session({ userId: 'thief-user' });
    const moved = await connect(owner, 'sendgrid');
    await setColumn(moved.id, { user_id: 'thief-user' });
    const asThief = await testNow(thief, moved.id);
    assert.equal(asThief.body.ok, false, 'the sealed key opened for another user');
    assert.equal(asThief.body.status, 'needs_reauth');

    const other = await connect(owner, 'klaviyo');
    await setColumn(other.id, { app: 'mailchimp' });
    const asOtherApp = await testNow(owner, other.id);
    assert.equal(asOtherApp.body.ok, false, 'the sealed key opened for another app');
  });
});

describe('key rotation', () => {
  it('reads values sealed under the old key and re-encrypts them under the new one (finding 14)', async () => {
    const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
    const base64 = (key: Buffer) => key.toString('base64');
    const dataDir = mkdtempSync(join(tmpdir(), 'pb-rotation-'));
    const dbPath = join(dataDir, 'plugboard.sqlite');
    let stack = await startTestStack({ dbPath, dataDir, encryptionKeys: base64(oldKey) });
    try {
      const token = await stack.session({ userId: 'rotating-user' });
      const created = await stack.call<Connection>('createConnection', '/v1/connections', {
        method: 'POST',
        token,
        headers: { 'Idempotency-Key': idempotencyKey() },
        body: { app: 'stripe', method: 'api_key', fields: { apiKey: 'demo-key-123' } },
      });
      const testAs = async (current: TestStack) =>
        current.call<TestResult>('testConnection', `/v1/connections/${created.body.id}/test`, {
          method: 'POST',
          token: await current.session({ userId: 'rotating-user' }),
        });

      stack = await stack.restartWith({ encryptionKeys: `${base64(newKey)},${base64(oldKey)}` });
      assert.equal((await testAs(stack)).body.ok, true, 'the old key no longer opens its values');
      // What `plugboard-server reencrypt` runs, with the servers' settings.
      const counts = await reencryptFromEnvironment({
        PB_DATA_DIR: dataDir,
        PB_ENCRYPTION_KEYS: `${base64(newKey)},${base64(oldKey)}`,
        ...(stack.databaseUrl && { PB_DATABASE_URL: stack.databaseUrl }),
      });
      assert.ok(counts.connections >= 1, JSON.stringify(counts));

      stack = await stack.restartWith({ encryptionKeys: base64(newKey) });
      assert.equal((await testAs(stack)).body.ok, true, 'a value was left under the old key');
    } finally {
      await stack.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
