import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type {
  Connection,
  OAuthFlowStart,
  Problem,
  SetupOptionPage,
  SetupVerification,
} from '@plugboard/contract';
import { DEMO_KEY } from './validation/credentials.js';
import { call, newIdempotencyKey, stopServer, useBackend } from './testing/mock-api.js';

after(stopServer);

const SECOND_KEY = 'demo-key-456';

async function connectPipedrive(token = DEMO_KEY, subdomain = 'acme'): Promise<Connection> {
  const created = await call('createConnection', 'POST', '/v1/connections', {
    body: { app: 'pipedrive', method: 'token', fields: { subdomain, token } },
    headers: { 'Idempotency-Key': newIdempotencyKey() },
  });
  assert.equal(created.status, 201, created.text);
  return created.body as Connection;
}

async function connectSlack(backend: ReturnType<typeof useBackend>): Promise<Connection> {
  const started = await call('startOAuthFlow', 'POST', '/v1/oauth/flows', {
    body: { app: 'slack', openerOrigin: 'http://localhost:6006', mode: 'popup' },
  });
  const flow = backend.completeFlow((started.body as OAuthFlowStart).flowId, 'succeeded');
  return flow.connection!;
}

const options = (id: string, step: string, query = '') =>
  call('listSetupOptions', 'GET', `/v1/connections/${id}/setup/${step}/options${query}`);
const save = (id: string, settings: Record<string, unknown>) =>
  call('updateConnectionSettings', 'PUT', `/v1/connections/${id}/settings`, {
    body: { settings },
  });
const verify = (id: string, step: string) =>
  call('verifySetupStep', 'POST', `/v1/connections/${id}/setup/${step}/verify`);

describe('setup after sign-in', () => {
  test('lists a select step’s options a page at a time, searched, as the contract says', async () => {
    const backend = useBackend({ scenario: 'empty' });
    const slack = await connectSlack(backend);
    const first = await options(slack.id, 'channel');
    assert.deepEqual(first.violations, []);
    const page = first.body as SetupOptionPage;
    assert.equal(page.items.length, 50);
    assert.deepEqual(page.items[1], {
      value: 'C0SALES',
      label: '#sales',
      description: 'Deals, leads and wins',
    });
    const labels: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const next = (await options(slack.id, 'channel', cursor ? `?cursor=${cursor}` : ''))
        .body as SetupOptionPage;
      labels.push(...next.items.map((item) => item.label));
      cursor = next.nextCursor;
    }
    assert.equal(labels.length, 126);
    const found = (await options(slack.id, 'channel', '?q=RAND')).body as SetupOptionPage;
    assert.deepEqual(found, {
      items: [{ value: 'C0RANDOM', label: '#random', description: 'Everything else' }],
      nextCursor: null,
    });
    assert.equal((await options(slack.id, 'channel', '?cursor=forged')).status, 400);
    assert.equal((await options(slack.id, 'threadReplies')).status, 404);
  });

  test('saves settings checked like the real server, and checks a choice', async () => {
    const backend = useBackend({ scenario: 'empty' });
    const slack = await connectSlack(backend);
    assert.deepEqual(slack.settings, {});
    const refused = await save(slack.id, { channel: 'C-GONE', threadReplies: 'yes' });
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.violations, []);
    assert.deepEqual(
      (refused.body as Problem).errors?.map((error) => [error.field, error.code]),
      [
        ['threadReplies', 'type'],
        ['channel', 'invalid_option'],
      ],
    );
    assert.equal((await save(slack.id, { nope: 1 })).status, 400);
    const saved = await save(slack.id, { channel: 'C0RANDOM' });
    assert.deepEqual(saved.violations, []);
    assert.deepEqual((saved.body as Connection).settings, {
      channel: { value: 'C0RANDOM', label: '#random' },
      threadReplies: true,
    });
    const failed = (await verify(slack.id, 'channel')).body as SetupVerification;
    assert.equal(failed.ok, false);
    assert.match(failed.action ?? '', /Join #random/);
    await save(slack.id, { channel: 'C0SALES', threadReplies: false });
    const passed = (await verify(slack.id, 'channel')).body as SetupVerification;
    assert.deepEqual([passed.ok, passed.message], [true, 'You are a member of #sales.']);
    assert.equal((await verify(slack.id, 'threadReplies')).status, 404);
  });

  test('checks that a webhook event arrived', async () => {
    const backend = useBackend({ scenario: 'empty' });
    const pipedrive = await connectPipedrive();
    assert.equal(((await verify(pipedrive.id, 'webhook')).body as SetupVerification).ok, false);
    backend.deliverWebhook(pipedrive.id);
    const arrived = await verify(pipedrive.id, 'webhook');
    assert.deepEqual(arrived.violations, []);
    assert.equal((arrived.body as SetupVerification).ok, true);
  });

  test('fails to list in setup-options-fail and fails every check in setup-check-fails', async () => {
    const backend = useBackend({ scenario: 'setup-options-fail' });
    const slack = await connectSlack(backend);
    const failing = await options(slack.id, 'channel');
    assert.deepEqual([failing.status, (failing.body as Problem).code], [502, 'provider_error']);
    backend.useScenario('setup-check-fails');
    const other = await connectPipedrive();
    backend.deliverWebhook(other.id);
    const check = (await verify(other.id, 'webhook')).body as SetupVerification;
    assert.equal(check.ok, false);
    assert.ok(check.action);
  });

  test('two demo keys are two accounts of one app, each with its own lists', async () => {
    useBackend({ scenario: 'empty' });
    const first = await connectPipedrive();
    const second = await connectPipedrive(SECOND_KEY);
    assert.notEqual(first.label, second.label);
    assert.match(second.label, /^Alex Rivera/);
    const theirs = (await options(second.id, 'pipeline')).body as SetupOptionPage;
    assert.deepEqual(
      theirs.items.map((item) => item.label),
      ['Hiring', 'Fundraising'],
    );
    const again = await call('createConnection', 'POST', '/v1/connections', {
      body: { app: 'pipedrive', method: 'token', fields: { subdomain: 'acme', token: SECOND_KEY } },
      headers: { 'Idempotency-Key': newIdempotencyKey() },
    });
    assert.equal(again.status, 409);
  });

  test('a second OAuth sign-in is the next account; a third finds one already connected', async () => {
    const backend = useBackend({ scenario: 'empty' });
    const jane = await connectSlack(backend);
    const alex = await connectSlack(backend);
    assert.deepEqual(
      [jane.label, alex.label],
      ['Jane Doe (jane@acme.example)', 'Alex Rivera (alex@acme.example)'],
    );
    const started = await call('startOAuthFlow', 'POST', '/v1/oauth/flows', {
      body: { app: 'slack', openerOrigin: 'http://localhost:6006', mode: 'popup' },
    });
    const third = backend.completeFlow((started.body as OAuthFlowStart).flowId, 'succeeded');
    assert.equal(third.status, 'failed');
    assert.equal(third.error?.code, 'duplicate_account');
  });

  test('returns the non-secret fields and keeps the stored secret only while nothing else changes', async () => {
    useBackend({ scenario: 'empty' });
    const pipedrive = await connectPipedrive();
    assert.deepEqual(pipedrive.fields, { subdomain: 'acme' });
    const update = (fields: Record<string, string>) =>
      call('updateConnection', 'PATCH', `/v1/connections/${pipedrive.id}`, { body: { fields } });
    const kept = await update({ subdomain: 'acme' });
    assert.equal(kept.status, 200, kept.text);
    assert.equal((kept.body as Connection).credentialHint, pipedrive.credentialHint);
    const moved = await update({ subdomain: 'elsewhere' });
    assert.deepEqual(
      (moved.body as Problem).errors?.map((error) => [error.field, error.code]),
      [['token', 'required']],
    );
  });

  test('two-accounts seeds two accounts of one app, each listing its own options', async () => {
    useBackend({ scenario: 'two-accounts' });
    const list = await call('listConnections', 'GET', '/v1/connections');
    assert.deepEqual(list.violations, []);
    const items = (list.body as { items: Connection[] }).items;
    assert.deepEqual(
      items.map((item) => [item.app, item.label, item.fields]),
      [
        // Newest first: Alex's account was connected after the first one.
        ['pipedrive', 'Alex Rivera (acme)', { subdomain: 'acme' }],
        ['pipedrive', 'Demo account (acme)', { subdomain: 'acme' }],
      ],
    );
    const theirs = (await options('con_account2', 'pipeline')).body as SetupOptionPage;
    assert.equal(theirs.items[0]?.label, 'Hiring');
  });
});
