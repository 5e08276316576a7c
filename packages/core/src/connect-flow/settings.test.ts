// The setup choices of the connect flow (and its settings mode): live options loaded, searched,
// paged and refreshed; values chosen and checked before sending; the save with the backend's own
// errors; the checks; on to the webhook step and the test; the prefilled update form.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { App, AuthMethod, Connection, Problem, SetupStep } from '@plugboard/contract';
import { HttpError, PlugboardError } from '../errors.js';
import { FakeForm, fakeConnectClient, settle } from '../testing/fake-connect-client.js';
import { appSummary, connection } from '../testing/fixtures.js';
import { ConnectFlow } from './connect-flow.js';
import type { ConnectFlowNotice } from './connect-flow-types.js';

const tokenMethod: AuthMethod = {
  type: 'token',
  label: 'API token',
  fields: [
    { name: 'subdomain', label: 'Subdomain', type: 'text', required: true, secret: false },
    { name: 'token', label: 'API token', type: 'password', required: true, secret: true },
  ],
  scopes: [],
};

const steps: SetupStep[] = [
  {
    key: 'channel',
    type: 'select',
    title: 'Channel',
    required: true,
    verification: { label: 'Check that you are a member' },
  },
  { key: 'stages', type: 'multi_select', title: 'Stages', required: false },
  { key: 'prefix', type: 'text', title: 'Prefix', required: false, maxLength: 5 },
  { key: 'threads', type: 'checkbox', title: 'Threads', required: false, default: true },
  {
    key: 'webhook',
    type: 'webhook_url',
    title: 'Copy the URL',
    required: false,
    instructions: ['Paste it'],
    verification: { label: 'Check that an event arrived' },
  },
];

const chat: App = {
  ...appSummary('chat'),
  authMethods: [tokenMethod],
  setupSteps: steps,
};

const options = (labels: string[], from = 0) =>
  labels.map((label, index) => ({ value: `V${from + index}`, label }));

const withWebhook = (extra: Partial<Connection> = {}) =>
  connection('con_1', 'chat', {
    setup: { webhookUrl: 'https://api.example.test/hooks/con_1', lastEventAt: null },
    settings: {},
    ...extra,
  });

function harness() {
  const client = fakeConnectClient();
  const form = new FakeForm();
  const notices: ConnectFlowNotice[] = [];
  const flow = new ConnectFlow({
    client: () => client,
    form,
    onChange: () => {},
    onNotice: (notice) => notices.push(notice),
  });
  return { client, form, flow, notices };
}

type H = ReturnType<typeof harness>;

/** Connects `chat` with the token form; the answer is `created`. */
async function connect(h: H, created: Connection = withWebhook()): Promise<void> {
  h.flow.begin({ appKey: 'chat' });
  await h.client.apps.last.resolve(chat);
  h.flow.submitCredentials();
  await h.client.creates.last.resolve(created);
}

const settings = (h: H) => h.flow.state.settings!;
/** The view now (a function, so an earlier assertion does not narrow it for later reads). */
const viewOf = (h: H) => h.flow.state.view;
const optionCalls = (h: H, step: string) =>
  h.client.options.calls.filter((call) => call.args[1] === step);

function problem(status: number, code: Problem['code'], extra: Partial<Problem> = {}): HttpError {
  return new HttpError({
    type: 'about:blank',
    title: code,
    status,
    code,
    requestId: 'req_1',
    ...extra,
  });
}

describe('ConnectFlow: setup choices', () => {
  let h: H;
  beforeEach(() => {
    h = harness();
  });

  it('asks for the choices after sign-in and loads every select step’s first page', async () => {
    await connect(h);
    assert.equal(h.flow.state.view.name, 'settings');
    assert.deepEqual(
      settings(h).steps.map((step) => step.key),
      ['channel', 'stages', 'prefix', 'threads'],
    );
    assert.deepEqual(settings(h).values, { channel: '', stages: [], prefix: '', threads: true });
    assert.deepEqual(
      h.client.options.calls.map((call) => [call.args[0], call.args[1], call.args[2]]),
      [
        ['con_1', 'channel', { q: '', cursor: null }],
        ['con_1', 'stages', { q: '', cursor: null }],
      ],
    );
    assert.equal(settings(h).options.channel?.status, 'loading');
    await optionCalls(h, 'channel')[0]!.resolve({
      items: options(['#general', '#sales']),
      nextCursor: 'next-1',
    });
    assert.deepEqual(settings(h).options.channel, {
      status: 'ready',
      query: '',
      items: options(['#general', '#sales']),
      nextCursor: 'next-1',
      loadingMore: false,
      error: undefined,
    });
  });

  it('searches, drops an older search’s late answer, pages on and refreshes', async () => {
    await connect(h);
    h.flow.searchOptions('channel', ' sa ');
    const [initial, sa] = optionCalls(h, 'channel');
    assert.deepEqual(sa!.args[2], { q: 'sa', cursor: null });
    assert.equal(initial!.signal?.aborted, true, 'a search aborts the load before it');
    h.flow.searchOptions('channel', 'sal');
    const latest = optionCalls(h, 'channel').at(-1)!;
    assert.equal(sa!.signal?.aborted, true);
    await sa!.resolve({ items: options(['#salt']), nextCursor: null });
    await initial!.resolve({ items: options(['#general']), nextCursor: null });
    assert.equal(settings(h).options.channel?.status, 'loading', 'older answers are ignored');
    await latest.resolve({ items: options(['#sales']), nextCursor: 'c2' });
    assert.deepEqual(settings(h).options.channel?.items, options(['#sales']));

    h.flow.loadMoreOptions('channel');
    const more = optionCalls(h, 'channel').at(-1)!;
    assert.deepEqual(more.args[2], { q: 'sal', cursor: 'c2' });
    assert.equal(settings(h).options.channel?.loadingMore, true);
    await more.resolve({ items: options(['#sales-eu'], 1), nextCursor: null });
    assert.deepEqual(
      settings(h).options.channel?.items.map((option) => option.label),
      ['#sales', '#sales-eu'],
    );
    h.flow.loadMoreOptions('channel');
    assert.equal(optionCalls(h, 'channel').at(-1), more, 'nothing more to load');

    h.flow.refreshOptions('channel');
    assert.deepEqual(optionCalls(h, 'channel').at(-1)!.args[2], { q: 'sal', cursor: null });
  });

  it('keeps the list when a next page fails, and shows an error when a first page fails', async () => {
    await connect(h);
    await optionCalls(h, 'channel')[0]!.resolve({ items: options(['#a']), nextCursor: 'c' });
    h.flow.loadMoreOptions('channel');
    await optionCalls(h, 'channel').at(-1)!.reject(new PlugboardError('network', 'offline'));
    assert.deepEqual(settings(h).options.channel?.items, options(['#a']));
    assert.equal(settings(h).options.channel?.error?.code, 'network');
    await optionCalls(h, 'stages')[0]!.reject(problem(502, 'provider_error'));
    assert.equal(settings(h).options.stages?.status, 'error');
  });

  it('checks the values before sending, as the backend will, without a request', async () => {
    await connect(h);
    h.flow.chooseSetting('prefix', 'too long');
    await h.flow.saveSettings();
    assert.deepEqual(settings(h).problems, {
      channel: { issue: { field: 'channel', code: 'required' } },
      prefix: { issue: { field: 'prefix', code: 'too_long', max: 5 } },
    });
    assert.equal(h.client.saves.calls.length, 0);
    h.flow.chooseSetting('prefix', 'Web:');
    assert.deepEqual(
      Object.keys(settings(h).problems),
      ['channel'],
      'a new value clears its problem',
    );
  });

  it('saves the choices, checks them, and goes on to the webhook step, then the test', async () => {
    await connect(h);
    await optionCalls(h, 'channel')[0]!.resolve({
      items: options(['#general', '#sales']),
      nextCursor: null,
    });
    h.flow.chooseSetting('channel', 'V1');
    h.flow.chooseSetting('stages', 'S1');
    h.flow.chooseSetting('stages', 'S2');
    h.flow.chooseSetting('stages', 'S1');
    h.flow.chooseSetting('threads', false);
    assert.deepEqual(settings(h).chosen.channel, [{ value: 'V1', label: '#sales' }]);
    assert.equal(settings(h).saved, false);
    const saving = h.flow.saveSettings();
    assert.deepEqual(h.client.saves.last.args.slice(0, 2), [
      'con_1',
      { channel: 'V1', stages: ['S2'], threads: false },
    ]);
    const saved = withWebhook({
      settings: {
        channel: { value: 'V1', label: '#sales' },
        stages: [{ value: 'S2', label: 'Won' }],
        threads: false,
      },
    });
    await h.client.saves.last.resolve(saved);
    assert.equal(h.notices.at(-1)?.type, 'settings-saved');
    assert.deepEqual(
      h.client.verifications.calls.map((call) => call.args.slice(0, 2)),
      [['con_1', 'channel']],
    );
    await h.client.verifications.last.resolve({
      ok: false,
      message: 'You are not a member of #sales.',
      action: 'Join #sales, then check again.',
      checkedAt: '2026-01-01T00:00:00Z',
    });
    await saving;
    assert.equal(h.flow.state.view.name, 'settings', 'the answer of a check is shown');
    assert.deepEqual(settings(h).checks.channel, {
      status: 'done',
      result: {
        ok: false,
        message: 'You are not a member of #sales.',
        action: 'Join #sales, then check again.',
        checkedAt: '2026-01-01T00:00:00Z',
      },
    });
    h.flow.checkSetting('channel');
    assert.deepEqual(settings(h).checks.channel, { status: 'checking' });
    await h.client.verifications.last.resolve({
      ok: true,
      message: 'You are a member of #sales.',
      action: null,
      checkedAt: '2026-01-01T00:01:00Z',
    });

    h.flow.continueAfterSettings();
    assert.equal(viewOf(h).name, 'setup');
    assert.equal(h.flow.state.settings, undefined);
    void h.flow.checkWebhook();
    const checking = viewOf(h);
    assert.deepEqual(checking.name === 'setup' && checking.check, { status: 'checking' });
    assert.deepEqual(h.client.verifications.last.args.slice(0, 2), ['con_1', 'webhook']);
    await h.client.verifications.last.resolve({
      ok: true,
      message: 'An event arrived.',
      action: null,
      checkedAt: '2026-01-01T00:02:00Z',
    });
    const checked = viewOf(h);
    assert.equal(checked.name === 'setup' && checked.check?.status, 'done');
    h.flow.runTest();
    assert.equal(viewOf(h).name, 'testing');
  });

  it('puts the backend’s field errors on their steps and other failures on the form', async () => {
    await connect(h);
    h.flow.chooseSetting('channel', 'V9');
    void h.flow.saveSettings();
    await h.client.saves.last.reject(
      problem(422, 'validation_failed', {
        errors: [{ field: 'channel', code: 'invalid_option', message: 'No longer there.' }],
      }),
    );
    assert.deepEqual(settings(h).problems, { channel: { message: 'No longer there.' } });
    assert.equal(settings(h).saveError, undefined);
    void h.flow.saveSettings();
    await h.client.saves.last.reject(new PlugboardError('network', 'offline'));
    assert.equal(settings(h).saveError?.code, 'network');
    assert.deepEqual(settings(h).values.channel, 'V9', 'nothing the user chose is lost');
    assert.equal(h.flow.state.view.name, 'settings');
  });

  it('asks before closing with unsaved choices', async () => {
    await connect(h);
    h.flow.chooseSetting('prefix', 'Web:');
    h.flow.requestClose('escape');
    assert.equal(h.flow.state.confirmingDiscard, true);
  });

  it('an update of the same account that kept its choices skips them', async () => {
    const kept = withWebhook({
      settings: { channel: { value: 'V1', label: '#sales' } },
      setup: { webhookUrl: 'https://api.example.test/hooks/con_1', lastEventAt: 'x' },
    });
    h.flow.begin({ connectionId: 'con_1' });
    await h.client.gets.last.resolve(kept);
    await h.client.apps.last.resolve(chat);
    h.flow.submitCredentials();
    await h.client.updates.last.resolve(kept);
    assert.equal(h.flow.state.view.name, 'testing');
  });

  it('shows an update form the saved non-secret fields, never a secret', async () => {
    const existing = connection('con_1', 'chat', {
      method: 'token',
      fields: { subdomain: 'acme' },
      credentialHint: '••••123',
    });
    h.flow.begin({ connectionId: 'con_1' });
    await h.client.gets.last.resolve(existing);
    await h.client.apps.last.resolve(chat);
    assert.deepEqual(h.form.prefills.at(-1), {
      fields: { subdomain: 'acme' },
      credentialHint: '••••123',
    });
  });
});

describe('ConnectFlow: settings mode', () => {
  it('opens on the saved choices without signing in, saves, and closes as completed', async () => {
    const h = harness();
    const saved = withWebhook({
      settings: { channel: { value: 'V1', label: '#sales' }, threads: false },
    });
    h.flow.begin({ connectionId: 'con_1', intent: 'settings' });
    assert.equal(h.flow.state.mode, 'settings');
    await h.client.gets.last.resolve(saved);
    await h.client.apps.last.resolve(chat);
    assert.equal(h.flow.state.view.name, 'settings');
    assert.deepEqual(settings(h).values, {
      channel: 'V1',
      stages: [],
      prefix: '',
      threads: false,
    });
    assert.deepEqual(settings(h).chosen.channel, [{ value: 'V1', label: '#sales' }]);
    assert.equal(h.form.resets.filter(Boolean).length, 0, 'no credential form');
    h.flow.chooseSetting('threads', true);
    const saving = h.flow.saveSettings();
    await h.client.saves.last.resolve({ ...saved, settings: { ...saved.settings, threads: true } });
    await h.client.verifications.last.resolve({
      ok: true,
      message: 'ok',
      action: null,
      checkedAt: '2026-01-01T00:00:00Z',
    });
    await saving;
    assert.equal(h.flow.state.completed, true);
    h.flow.continueAfterSettings();
    await settle();
    assert.equal(h.flow.state.open, false);
    const exit = h.client.emitted.findLast((event) => event.name === 'exit');
    assert.deepEqual(exit?.detail, { reason: 'completed', lastStep: 'setup', app: 'chat' });
    assert.deepEqual(h.client.emitted.find((event) => event.name === 'open')?.detail, {
      app: undefined,
      connectionId: 'con_1',
      mode: 'settings',
    });
  });
});
