import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  Connection,
  OAuthFlow,
  OAuthFlowStart,
  Problem,
  SetupOptionPage,
  SetupVerification,
} from '@plugboard/contract';
import { signInThroughStartUrl } from '../test-support/oauth-browser.js';
import {
  idempotencyKey,
  ORIGIN,
  startTestStack,
  type TestStack,
} from '../test-support/test-stack.js';

const PIPEDRIVE = { subdomain: 'acme', token: 'demo-key-123' };

describe('setup after sign-in', () => {
  let t: TestStack;
  before(async () => {
    t = await startTestStack({ credentialAttemptsPerMinute: 100 });
  });
  after(() => t.close());

  const connectPipedrive = async (token: string, fields: Record<string, string> = PIPEDRIVE) => {
    const created = await t.call<Connection>('createConnection', '/v1/connections', {
      method: 'POST',
      token,
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { app: 'pipedrive', method: 'token', fields },
    });
    assert.equal(created.status, 201, created.text);
    return created.body;
  };

  const connectSlack = async (token: string) => {
    const start = await t.call<OAuthFlowStart>('startOAuthFlow', '/v1/oauth/flows', {
      method: 'POST',
      token,
      body: { app: 'slack', openerOrigin: ORIGIN, mode: 'popup' },
    });
    const signedIn = await signInThroughStartUrl(start.body.authorizeUrl);
    const path = `${signedIn.callback.pathname}${signedIn.callback.search}`;
    await t.call('oauthCallback', path, { origin: null, headers: { Cookie: signedIn.cookie } });
    const flow = await t.call<OAuthFlow>('getOAuthFlow', `/v1/oauth/flows/${start.body.flowId}`, {
      token,
    });
    assert.equal(flow.body.status, 'succeeded');
    return flow.body.connection!;
  };

  const options = (token: string, id: string, step: string, query = '') =>
    t.call<SetupOptionPage | Problem>(
      'listSetupOptions',
      `/v1/connections/${id}/setup/${step}/options${query}`,
      { token },
    );
  const save = (token: string, id: string, settings: Record<string, unknown>) =>
    t.call<Connection | Problem>('updateConnectionSettings', `/v1/connections/${id}/settings`, {
      method: 'PUT',
      token,
      body: { settings },
    });
  const verify = (token: string, id: string, step: string) =>
    t.call<SetupVerification | Problem>(
      'verifySetupStep',
      `/v1/connections/${id}/setup/${step}/verify`,
      { method: 'POST', token },
    );

  it('lists a select step’s options live, paged with a cursor and searched', async () => {
    const token = await t.session({ userId: 'options-user' });
    const slack = await connectSlack(token);
    assert.deepEqual(slack.settings, {});
    const first = (await options(token, slack.id, 'channel')).body as SetupOptionPage;
    assert.equal(first.items.length, 100);
    assert.deepEqual(first.items[0], {
      value: 'C0GENERAL',
      label: '#general',
      description: 'Company-wide announcements',
    });
    assert.ok(first.nextCursor);
    const second = (await options(token, slack.id, 'channel', `?cursor=${first.nextCursor}`))
      .body as SetupOptionPage;
    assert.equal(second.items.length, 26);
    assert.equal(second.nextCursor, null);
    const searched = (await options(token, slack.id, 'channel', '?q=Sales'))
      .body as SetupOptionPage;
    assert.deepEqual(
      searched.items.map((item) => item.label),
      ['#sales'],
    );
    const forged = await options(token, slack.id, 'channel', '?cursor=bm90LW91cnM');
    assert.equal(forged.status, 400);
    const noOptions = await options(token, slack.id, 'threadReplies');
    assert.equal(noOptions.status, 404);
  });

  it('saves settings checked by the backend, with the service’s labels, and verifies a choice', async () => {
    const token = await t.session({ userId: 'settings-user' });
    const slack = await connectSlack(token);
    const invalid = await save(token, slack.id, { channel: 'C-NOT-THERE', threadReplies: 'yes' });
    assert.equal(invalid.status, 422);
    assert.deepEqual(
      (invalid.body as Problem).errors?.map((error) => [error.field, error.code]),
      [
        ['threadReplies', 'type'],
        ['channel', 'invalid_option'],
      ],
    );
    const missing = await save(token, slack.id, { threadReplies: false });
    assert.deepEqual(
      (missing.body as Problem).errors?.map((error) => [error.field, error.code, error.message]),
      [['channel', 'required', 'Channel to post in is required.']],
    );
    const unknown = await save(token, slack.id, { channel: 'C0SALES', colour: 'red' });
    assert.equal(unknown.status, 400);

    const nothingYet = (await verify(token, slack.id, 'channel')).body as SetupVerification;
    assert.equal(nothingYet.ok, false);
    assert.ok(nothingYet.action);

    // A channel deep in the list (page 2) is found too; the checkbox takes its default.
    const saved = await save(token, slack.id, { channel: 'C1120' });
    assert.equal(saved.status, 200, saved.text);
    assert.deepEqual((saved.body as Connection).settings, {
      channel: { value: 'C1120', label: '#project-120' },
      threadReplies: true,
    });
    const fetched = await t.call<Connection>('getConnection', `/v1/connections/${slack.id}`, {
      token,
    });
    assert.deepEqual(fetched.body.settings, (saved.body as Connection).settings);
    const passed = (await verify(token, slack.id, 'channel')).body as SetupVerification;
    assert.deepEqual(
      { ok: passed.ok, message: passed.message, action: passed.action },
      { ok: true, message: 'You are a member of #project-120.', action: null },
    );

    await save(token, slack.id, { channel: 'C0RANDOM', threadReplies: false });
    const failed = (await verify(token, slack.id, 'channel')).body as SetupVerification;
    assert.equal(failed.ok, false);
    assert.equal(
      failed.message,
      'You are not a member of #random, so nothing can be posted there.',
    );
    assert.match(failed.action ?? '', /Join #random in your workspace/);
    const noCheck = await verify(token, slack.id, 'threadReplies');
    assert.equal(noCheck.status, 404);
  });

  it('saves multi-select and text steps, and checks that a webhook event arrived', async () => {
    const token = await t.session({ userId: 'pipedrive-setup-user' });
    const pipedrive = await connectPipedrive(token);
    const stages = (await options(token, pipedrive.id, 'stages', '?q=won')).body as SetupOptionPage;
    assert.deepEqual(
      stages.items.map((item) => item.label),
      ['Sales pipeline › Won', 'Partnerships › Won', 'Renewals › Won'],
    );
    const tooLong = await save(token, pipedrive.id, { pipeline: '1', dealPrefix: 'x'.repeat(21) });
    assert.deepEqual(
      (tooLong.body as Problem).errors?.map((error) => [error.field, error.code]),
      [['dealPrefix', 'too_long']],
    );
    const saved = await save(token, pipedrive.id, {
      pipeline: '2',
      stages: ['15', '25'],
      dealPrefix: ' Web: ',
    });
    assert.deepEqual((saved.body as Connection).settings, {
      pipeline: { value: '2', label: 'Partnerships' },
      stages: [
        { value: '15', label: 'Sales pipeline › Won' },
        { value: '25', label: 'Partnerships › Won' },
      ],
      dealPrefix: 'Web:',
    });
    const waiting = (await verify(token, pipedrive.id, 'webhook')).body as SetupVerification;
    assert.equal(waiting.ok, false);
    assert.match(waiting.action ?? '', /test event/);
    const { username, password } = pipedrive.setup!.webhookAuth!;
    const delivery = await t.call('receiveWebhook', new URL(pipedrive.setup!.webhookUrl).pathname, {
      method: 'POST',
      origin: null,
      headers: { Authorization: `Basic ${btoa(`${username}:${password}`)}` },
      body: { event: 'added.deal' },
    });
    assert.equal(delivery.status, 202);
    const arrived = (await verify(token, pipedrive.id, 'webhook')).body as SetupVerification;
    assert.equal(arrived.ok, true);
  });

  it('keeps the stored secret on an update that changes nothing else, and returns the non-secret fields', async () => {
    const token = await t.session({ userId: 'prefill-user' });
    const pipedrive = await connectPipedrive(token);
    assert.deepEqual(pipedrive.fields, { subdomain: 'acme' });
    const update = (fields: Record<string, string>) =>
      t.call<Connection | Problem>('updateConnection', `/v1/connections/${pipedrive.id}`, {
        method: 'PATCH',
        token,
        body: { fields },
      });
    const kept = await update({ subdomain: 'acme' });
    assert.equal(kept.status, 200, kept.text);
    assert.equal((kept.body as Connection).credentialHint, '••••123');
    const moved = await update({ subdomain: 'elsewhere' });
    assert.equal(moved.status, 422, 'a changed field never receives the stored key');
    assert.deepEqual(
      (moved.body as Problem).errors?.map((error) => [error.field, error.code]),
      [['token', 'required']],
    );
    const retyped = await update({ subdomain: 'elsewhere', token: 'demo-key-123' });
    assert.deepEqual((retyped.body as Connection).fields, { subdomain: 'elsewhere' });
  });

  it('tells two accounts of one app apart by their keys', async () => {
    const token = await t.session({ userId: 'two-accounts-user' });
    const first = await connectPipedrive(token);
    const second = await connectPipedrive(token, { subdomain: 'acme', token: 'demo-key-456' });
    assert.notEqual(first.id, second.id);
    assert.deepEqual([first.label, second.label], ['demo@example.com', 'alex@example.com']);
    const pipelines = (await options(token, second.id, 'pipeline')).body as SetupOptionPage;
    assert.deepEqual(
      pipelines.items.map((item) => item.label),
      ['Hiring', 'Fundraising'],
    );
    const renamed = await t.call<Connection>('updateConnection', `/v1/connections/${second.id}`, {
      method: 'PATCH',
      token,
      body: { label: 'Alex’s CRM' },
    });
    assert.equal(renamed.body.label, 'Alex’s CRM');
    const again = await t.call<Connection | Problem>('createConnection', '/v1/connections', {
      method: 'POST',
      token,
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: {
        app: 'pipedrive',
        method: 'token',
        fields: { subdomain: 'acme', token: 'demo-key-456' },
      },
    });
    assert.equal(again.status, 409, 'the same account twice is still a duplicate');
  });
});
