// End-to-end checks that secrets stay on the server: not in any response, not in any log line,
// and not readable in the database (its rows, and on SQLite its files).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Connection, OAuthFlow, OAuthFlowStart } from '@plugboard/contract';
import { migrations } from './db/migrations.js';
import { signInThroughStartUrl } from './test-support/oauth-browser.js';
import {
  ORIGIN,
  idempotencyKey,
  startTestStack,
  type TestStack,
} from './test-support/test-stack.js';

const API_KEY = 'demo-key-123';

describe('secrets never leave the server', () => {
  let t: TestStack;
  let dataDir: string;
  const secrets: string[] = [API_KEY];
  /**
   * Handed to the browser by design (the start URL's secret, the binding cookie, the state in the
   * provider's URL), but never logged or stored in clear.
   */
  const browserSecrets: string[] = [];

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pb-security-'));
    t = await startTestStack({ dbPath: join(dataDir, 'plugboard.sqlite'), dataDir });
    const token = await t.session();
    secrets.push(token);

    const created = await t.call<Connection>('createConnection', '/v1/connections', {
      method: 'POST',
      token,
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { app: 'pipedrive', method: 'token', fields: { subdomain: 'acme', token: API_KEY } },
    });
    assert.equal(created.status, 201);
    const id = created.body.id;
    await t.call('testConnection', `/v1/connections/${id}/test`, { method: 'POST', token });
    await t.call('updateConnection', `/v1/connections/${id}`, {
      method: 'PATCH',
      token,
      body: { fields: { subdomain: 'acme', token: API_KEY } },
    });
    const rejected = await t.call('createConnection', '/v1/connections', {
      method: 'POST',
      token,
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { app: 'stripe', method: 'api_key', fields: { apiKey: 'demo-key-4567' } },
    });
    assert.equal(rejected.status, 422);
    secrets.push('demo-key-4567');

    const flow = await t.call<OAuthFlowStart>('startOAuthFlow', '/v1/oauth/flows', {
      method: 'POST',
      token,
      body: { app: 'gmail', openerOrigin: ORIGIN, mode: 'popup' },
    });
    const signedIn = await signInThroughStartUrl(flow.body.authorizeUrl);
    browserSecrets.push(
      new URL(flow.body.authorizeUrl).searchParams.get('secret')!,
      signedIn.cookie.split('=')[1]!,
      new URL(signedIn.providerUrl).searchParams.get('state')!,
    );
    const redirect = signedIn.callback;
    secrets.push(redirect.searchParams.get('code')!);
    await t.call('oauthCallback', redirect.pathname + redirect.search, {
      origin: null,
      headers: { Cookie: signedIn.cookie },
    });
    const done = await t.call<OAuthFlow>('getOAuthFlow', `/v1/oauth/flows/${flow.body.flowId}`, {
      token,
    });
    assert.equal(done.body.status, 'succeeded');
    await t.call('testConnection', `/v1/connections/${done.body.connection!.id}/test`, {
      method: 'POST',
      token,
    });
  });

  after(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps keys, session tokens, OAuth codes and states out of every response', () => {
    assert.ok(t.responses.length >= 8);
    for (const body of t.responses) {
      for (const secret of secrets)
        assert.ok(!body.includes(secret), `a response contains ${secret.slice(0, 6)}…`);
    }
  });

  it('writes one JSON line per request with no secret and no query string', () => {
    const requests = t.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === 'request');
    assert.ok(requests.length >= 9);
    for (const entry of requests) {
      assert.deepEqual(Object.keys(entry).sort(), [
        'level',
        'method',
        'ms',
        'msg',
        'path',
        'requestId',
        'status',
        'time',
      ]);
      assert.ok(!String(entry.path).includes('?'));
    }
    assert.ok(
      requests.some((entry) => entry.path === '/v1/oauth/callback' && entry.status === 200),
    );
    for (const line of t.logs) {
      for (const secret of [...secrets, ...browserSecrets])
        assert.ok(!line.includes(secret), `a log line contains ${secret.slice(0, 6)}…`);
    }
  });

  it('stores credentials encrypted: neither the rows nor the database files contain them', async () => {
    const { db, dialect } = t.stack.database;
    const tables = [
      'sessions',
      'session_origins',
      'connections',
      'idempotency_keys',
      'oauth_flows',
      'app_health',
      'rate_limits',
      'long_polls',
      'webhook_deliveries',
    ] as const;
    for (const table of tables) {
      const rows = JSON.stringify(await db.selectFrom(table).selectAll().execute());
      for (const secret of [...secrets, ...browserSecrets])
        assert.ok(!rows.includes(secret), `${table} holds ${secret.slice(0, 6)}…`);
      assert.ok(
        !rows.includes('accessToken') && !rows.includes('refreshToken'),
        `${table} holds token JSON`,
      );
    }
    const rows = await db.selectFrom('connections').select('credentials').execute();
    assert.equal(rows.length, 2);
    for (const row of rows)
      assert.match(row.credentials, /^v2\.[\w-]{8}\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    const applied = await db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    assert.deepEqual(
      applied.map((row) => (row as { name: string }).name).sort(),
      Object.keys(migrations).sort(),
    );
    if (dialect !== 'sqlite') return;
    const files = readdirSync(dataDir).filter((name) => name.startsWith('plugboard.sqlite'));
    assert.ok(files.length >= 1);
    for (const file of files) {
      const bytes = readFileSync(join(dataDir, file)).toString('latin1');
      for (const secret of [...secrets, ...browserSecrets])
        assert.ok(!bytes.includes(secret), `${file} contains ${secret.slice(0, 6)}…`);
      assert.ok(
        !bytes.includes('accessToken') && !bytes.includes('refreshToken'),
        `${file} holds token JSON`,
      );
    }
  });
});
