import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { App, AuthMethod, Connection, Problem } from '@plugboard/contract';
import { HttpError, PlugboardError } from '../errors.js';
import {
  FakeForm,
  fakeConnectClient,
  settle,
  type FakeConnectClient,
} from '../testing/fake-connect-client.js';
import { appSummary, connection } from '../testing/fixtures.js';
import { ConnectFlow } from './connect-flow.js';
import type { ConnectFlowNotice, ConnectFlowState } from './connect-flow-types.js';

// ——— fixtures ———

const tokenMethod: AuthMethod = {
  type: 'token',
  label: 'API token',
  fields: [{ name: 'token', label: 'API token', type: 'password', required: true, secret: true }],
  scopes: [],
};

const oauthMethod: AuthMethod = {
  type: 'oauth2',
  label: 'Sign in',
  fields: [],
  scopes: [{ name: 'contacts.read', description: 'Read contacts', required: true }],
};

const webhookStep = {
  type: 'webhook_url' as const,
  title: 'Copy the webhook URL',
  instructions: ['Open Settings › Webhooks'],
};

function app(key: string, methods: AuthMethod[], extra: Partial<App> = {}): App {
  return { ...appSummary(key), authMethods: methods, setupSteps: [], ...extra };
}

const crm = app('crm', [tokenMethod]);
const hooks = app('hooks', [tokenMethod], { setupSteps: [webhookStep] });
const social = app('social', [oauthMethod]);
const both = app('both', [oauthMethod, tokenMethod]);

function saved(id: string, appKey: string, extra: Partial<Connection> = {}): Connection {
  return connection(id, appKey, extra);
}

function withWebhook(id: string, appKey: string, lastEventAt: string | null = null): Connection {
  return saved(id, appKey, {
    setup: { webhookUrl: `https://api.example.test/hooks/${id}`, lastEventAt },
  });
}

function problem(status: number, code: Problem['code'], extra: Partial<Problem> = {}): HttpError {
  return new HttpError({
    type: 'about:blank',
    title: code,
    status,
    code,
    requestId: `req_${code}`,
    ...extra,
  });
}

function testResult(connectionValue: Connection, ok = true, message = 'Connected as Jane') {
  return {
    ok,
    status: ok ? ('connected' as const) : ('error' as const),
    message,
    testedAt: '2026-01-02T00:00:00Z',
    connection: connectionValue,
  };
}

// ——— harness ———

interface Harness {
  flow: ConnectFlow;
  client: FakeConnectClient;
  form: FakeForm;
  notices: ConnectFlowNotice[];
  changes: { state: ConnectFlowState; previous: ConnectFlowState }[];
  /** Event names on the client's stream, in order. */
  names(): string[];
  view(): string;
}

function harness(): Harness {
  const client = fakeConnectClient();
  const form = new FakeForm();
  const notices: ConnectFlowNotice[] = [];
  const changes: Harness['changes'] = [];
  const flow = new ConnectFlow({
    client: () => client,
    form,
    onChange: (state, previous) => changes.push({ state, previous }),
    onNotice: (notice) => notices.push(notice),
  });
  return {
    flow,
    client,
    form,
    notices,
    changes,
    names: () => client.emitted.map((event) => event.name),
    view: () => flow.state.view.name,
  };
}

function eventDetail(h: Harness, name: string): unknown {
  return h.client.emitted.findLast((event) => event.name === name)?.detail;
}

/** Opens on `target` and answers the app request with `full`. */
async function openOn(h: Harness, full: App): Promise<void> {
  h.flow.begin({ appKey: full.key });
  await h.client.apps.last.resolve(full);
}

/** Fills and submits the form, and answers the create with `created`. */
async function submitCreated(h: Harness, created: Connection): Promise<void> {
  h.flow.submitCredentials();
  await h.client.creates.last.resolve(created);
}

describe('ConnectFlow', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });

  describe('begin and load', () => {
    it('starts closed, at loading', () => {
      assert.equal(h.flow.state.open, false);
      assert.equal(h.view(), 'loading');
      assert.equal(h.flow.state.mode, 'create');
    });

    it('opens at loading, reports `open`, loads the app and shows its only method', async () => {
      h.flow.begin({ appKey: 'crm' });
      assert.equal(h.flow.state.open, true);
      assert.equal(h.view(), 'loading');
      assert.deepEqual(eventDetail(h, 'open'), {
        app: 'crm',
        connectionId: undefined,
        mode: 'create',
      });
      assert.equal(h.client.apps.last.args[0], 'crm');
      assert.equal(h.flow.state.app, undefined, 'only the key is known yet');
      await h.client.apps.last.resolve(crm);
      assert.equal(h.view(), 'credentials');
      assert.equal(h.flow.state.fullApp, crm);
      assert.equal(h.flow.state.app, crm);
      assert.equal(h.flow.state.method, tokenMethod);
      assert.deepEqual(h.form.resets, [undefined, tokenMethod]);
      assert.equal(h.flow.state.canChangeMethod, false);
      assert.deepEqual(h.names(), ['open', 'view_changed']);
      assert.deepEqual(eventDetail(h, 'view_changed'), {
        view: 'credentials',
        previousView: 'loading',
      });
    });

    it('takes a full app as it is, and loads one given as a summary', async () => {
      h.flow.begin({ app: crm });
      await settle();
      assert.equal(h.client.apps.calls.length, 0);
      assert.equal(h.view(), 'credentials');

      const other = harness();
      other.flow.begin({ app: appSummary('crm') });
      assert.equal(other.flow.state.app?.key, 'crm', 'the summary names the app meanwhile');
      await other.client.apps.last.resolve(crm);
      assert.equal(other.flow.state.fullApp, crm);
    });

    it('asks how to connect when the app has several methods', async () => {
      await openOn(h, both);
      assert.equal(h.view(), 'method');
      assert.equal(h.flow.state.canChangeMethod, true);
      h.flow.chooseMethod(tokenMethod);
      assert.equal(h.view(), 'credentials');
      assert.deepEqual(eventDetail(h, 'method_chosen'), { app: 'both', method: 'token' });
      h.flow.backToMethods();
      assert.equal(h.view(), 'method');
      h.flow.chooseMethod(oauthMethod);
      assert.equal(h.view(), 'oauth-intro');
      assert.equal(h.form.method, oauthMethod);
    });

    it('keeps what was typed when the same method is chosen again', async () => {
      await openOn(h, both);
      h.flow.chooseMethod(tokenMethod);
      const resets = h.form.resets.length;
      h.flow.backToMethods();
      h.flow.chooseMethod(tokenMethod);
      assert.equal(h.form.resets.length, resets);
    });

    it('explains an app whose provider is down and offers no way to connect', async () => {
      await openOn(h, app('down', [tokenMethod], { health: { status: 'down' } }));
      assert.equal(h.view(), 'unavailable');
      assert.equal(h.flow.state.method, undefined);
    });

    it('update mode: loads the connection, keeps its method, and offers no other method', async () => {
      h.flow.begin({ connectionId: 'con_1' });
      assert.equal(h.flow.state.mode, 'update');
      assert.deepEqual(eventDetail(h, 'open'), {
        app: undefined,
        connectionId: 'con_1',
        mode: 'update',
      });
      await h.client.gets.last.resolve(saved('con_1', 'both', { method: 'token' }));
      assert.equal(h.client.apps.last.args[0], 'both');
      await h.client.apps.last.resolve(both);
      assert.equal(h.view(), 'credentials');
      assert.equal(h.flow.state.method, tokenMethod);
      assert.equal(h.flow.state.canChangeMethod, false);
    });

    it('update mode uses a connection the store already has, without a request', async () => {
      h.client.known.set('con_1', saved('con_1', 'crm'));
      h.flow.begin({ connectionId: 'con_1' });
      await settle();
      assert.equal(h.client.gets.calls.length, 0);
      assert.equal(h.client.apps.last.args[0], 'crm');
    });

    it('a target with nothing to connect is a configuration error', async () => {
      h.flow.begin({});
      await settle();
      assert.equal(h.view(), 'load-error');
      const view = h.flow.state.view;
      assert.equal(view.name === 'load-error' && view.error.code, 'config');
      assert.deepEqual(
        h.notices.map((notice) => notice.type === 'error' && notice.code),
        ['config'],
      );
      assert.ok(!h.names().includes('connect_error'), 'no app to report it for');
    });

    it('a failed load shows the error; reload() tries again quietly, restart() opens anew', async () => {
      h.flow.begin({ app: appSummary('crm') });
      await h.client.apps.last.reject(new PlugboardError('network', 'offline'));
      assert.equal(h.view(), 'load-error');
      assert.deepEqual(eventDetail(h, 'connect_error'), { app: 'crm', code: 'network' });
      h.flow.reload();
      assert.equal(h.view(), 'loading');
      assert.equal(h.client.apps.calls.length, 2);
      await h.client.apps.last.resolve(crm);
      assert.equal(h.view(), 'credentials');
      assert.equal(h.names().filter((name) => name === 'open').length, 1);

      h.flow.reload();
      assert.equal(h.view(), 'credentials', 'reload only applies to a failed load');
      h.flow.restart();
      assert.equal(h.names().filter((name) => name === 'open').length, 2);
    });

    it('a load aborted by the client is not an error', async () => {
      h.flow.begin({ appKey: 'crm' });
      await h.client.apps.last.reject(new PlugboardError('aborted', 'cancelled'));
      assert.equal(h.view(), 'loading');
      assert.deepEqual(h.notices, []);
    });

    it('a new begin supersedes the run before it: its late answer is ignored', async () => {
      h.flow.begin({ appKey: 'crm' });
      const first = h.client.apps.last;
      h.flow.begin({ appKey: 'social' });
      assert.equal(first.signal?.aborted, true, 'the first load was aborted');
      await first.resolve(crm);
      assert.equal(h.view(), 'loading');
      assert.equal(h.flow.state.fullApp, undefined);
      await h.client.apps.last.resolve(social);
      assert.equal(h.view(), 'oauth-intro');
      assert.equal(h.flow.state.app, social);
    });

    it('an answer that lands after the close changes nothing', async () => {
      h.flow.begin({ appKey: 'crm' });
      const load = h.client.apps.last;
      h.flow.close('user');
      const changes = h.changes.length;
      await load.resolve(crm);
      await h.client.apps.last.reject(new PlugboardError('network', 'late'));
      assert.equal(h.changes.length, changes);
      assert.equal(h.flow.state.open, false);
      assert.ok(!h.names().includes('connect_error'));
    });

    it('waits without a client (unconfigured): the host shows the configuration error', async () => {
      const flow = new ConnectFlow({
        client: () => undefined,
        form: new FakeForm(),
        onChange: () => {},
        onNotice: () => assert.fail('nothing to report'),
      });
      flow.begin({ appKey: 'crm' });
      await settle();
      assert.equal(flow.state.view.name, 'loading');
    });
  });

  describe('credentials', () => {
    beforeEach(async () => {
      await openOn(h, crm);
    });

    it('does not send what fails the form’s own checks', () => {
      h.form.values = undefined;
      h.flow.submitCredentials();
      assert.equal(h.form.submits, 1);
      assert.equal(h.client.creates.calls.length, 0);
      assert.equal(h.flow.state.sending, false);
      assert.deepEqual(eventDetail(h, 'credentials_submitted'), { app: 'crm', method: 'token' });
    });

    it('sends once, clears the secrets when saved, tests, and succeeds', async () => {
      h.flow.submitCredentials();
      assert.equal(h.flow.state.sending, true);
      h.flow.submitCredentials();
      assert.equal(h.client.creates.calls.length, 1, 'a second click while sending is ignored');
      const [input, options] = h.client.creates.last.args;
      assert.deepEqual(input, { app: 'crm', method: 'token', fields: { token: 'secret-token' } });
      assert.match(options?.idempotencyKey ?? '', /^[0-9a-f-]{36}$/);
      await h.client.creates.last.resolve(saved('con_1', 'crm'));
      assert.equal(h.flow.state.sending, false);
      assert.equal(h.form.resets.at(-1), tokenMethod, 'the form starts over: secrets gone');
      assert.equal(h.view(), 'testing');
      assert.equal(h.client.tests.last.args[0], 'con_1');
      const tested = saved('con_1', 'crm', { label: 'Jane' });
      await h.client.tests.last.resolve(testResult(tested));
      assert.equal(h.view(), 'success');
      assert.equal(h.flow.state.completed, true);
      assert.deepEqual(h.notices, [
        { type: 'success', connection: tested, app: crm, mode: 'create' },
      ]);
      assert.deepEqual(eventDetail(h, 'connect_success'), {
        app: 'crm',
        connectionId: 'con_1',
        method: 'api_key',
        mode: 'create',
      });
      assert.deepEqual(h.names(), [
        'open',
        'view_changed',
        'credentials_submitted',
        'view_changed',
        'view_changed',
        'connect_success',
      ]);
    });

    it('reuses the Idempotency-Key for the same input and makes a new one for changed input', async () => {
      h.flow.submitCredentials();
      const first = h.client.creates.last.args[1]?.idempotencyKey;
      await h.client.creates.last.reject(new PlugboardError('network', 'lost answer'));
      h.flow.submitCredentials();
      assert.equal(h.client.creates.last.args[1]?.idempotencyKey, first);
      await h.client.creates.last.reject(new PlugboardError('timeout', 'slow'));
      h.form.values = { token: 'another-token' };
      h.flow.submitCredentials();
      assert.notEqual(h.client.creates.last.args[1]?.idempotencyKey, first);
    });

    it('a network failure keeps the form, shows the error on it and reports it', async () => {
      h.flow.submitCredentials();
      const offline = new PlugboardError('network', 'offline', { requestId: 'req_9' });
      await h.client.creates.last.reject(offline);
      assert.equal(h.view(), 'credentials');
      assert.equal(h.flow.state.formError, offline);
      assert.equal(h.flow.state.sending, false);
      assert.equal(h.form.resets.at(-1), tokenMethod, 'no reset after the method was chosen');
      assert.equal(h.form.resets.length, 2);
      assert.deepEqual(eventDetail(h, 'connect_error'), {
        app: 'crm',
        code: 'network',
        method: 'token',
        requestId: 'req_9',
      });
      h.flow.submitCredentials();
      assert.equal(h.flow.state.formError, undefined, 'a new attempt clears the old error');
    });

    it('an unexpected throw is reported as unexpected, not as being offline', async () => {
      h.flow.submitCredentials();
      await h.client.creates.last.reject(new TypeError('x is undefined'));
      assert.equal(h.flow.state.formError?.code, 'unexpected');
      assert.deepEqual(
        h.notices.map((notice) => notice.type === 'error' && notice.code),
        ['unexpected'],
      );
    });

    it('puts the server’s field errors on the form’s fields (and only known fields)', async () => {
      h.flow.submitCredentials();
      await h.client.creates.last.reject(
        problem(422, 'validation_failed', {
          errors: [
            { field: 'token', code: 'pattern', message: 'Not a token' },
            { field: 'other', code: 'pattern', message: 'Not ours' },
          ],
        }),
      );
      assert.deepEqual([...h.form.fieldErrors[0]!], [['token', 'Not a token']]);
      assert.equal(h.flow.state.formError, undefined);
      assert.equal(h.view(), 'credentials');
      assert.deepEqual(
        h.notices.map((notice) => notice.type === 'error' && notice.code),
        ['validation_failed'],
      );
    });

    it('a rejected key is reported with the problem code', async () => {
      h.flow.submitCredentials();
      await h.client.creates.last.reject(
        problem(422, 'credentials_rejected', {
          errors: [{ field: 'token', code: 'rejected', message: 'Not accepted' }],
        }),
      );
      assert.deepEqual(eventDetail(h, 'connect_error'), {
        app: 'crm',
        code: 'credentials_rejected',
        method: 'token',
        requestId: 'req_credentials_rejected',
      });
    });

    it('an account connected already: offers to update that connection with the same input', async () => {
      const existing = saved('con_old', 'crm');
      h.flow.submitCredentials();
      await h.client.creates.last.reject(
        problem(409, 'duplicate_account', { existingConnection: existing }),
      );
      assert.equal(h.view(), 'duplicate');
      h.flow.dismissDuplicate();
      assert.equal(h.view(), 'credentials');

      h.flow.submitCredentials();
      await h.client.creates.last.reject(
        problem(409, 'duplicate_account', { existingConnection: existing }),
      );
      h.flow.updateDuplicate();
      assert.equal(h.flow.state.mode, 'update');
      assert.equal(h.flow.state.connectionId, 'con_old');
      assert.equal(h.client.creates.calls.length, 2);
      const [id, patch] = h.client.updates.last.args;
      assert.deepEqual(
        [id, patch],
        ['con_old', { method: 'token', fields: { token: 'secret-token' } }],
      );
      await h.client.updates.last.resolve(existing);
      await h.client.tests.last.resolve(testResult(existing));
      assert.deepEqual(h.notices.at(-1), {
        type: 'success',
        connection: existing,
        app: crm,
        mode: 'update',
      });
    });

    it('a session that cannot be renewed: says so and starts again with the input kept', async () => {
      h.flow.submitCredentials();
      await h.client.creates.last.reject(new PlugboardError('session_expired', 'over'));
      assert.equal(h.view(), 'session-expired');
      assert.equal(h.flow.state.formError, undefined);
      const resets = h.form.resets.length;
      h.flow.restartAfterSessionExpiry();
      assert.equal(h.view(), 'credentials');
      assert.equal(h.form.resets.length, resets);
    });

    it('closing while sending drops the late answer', async () => {
      h.flow.submitCredentials();
      const create = h.client.creates.last;
      h.flow.close('close-button');
      assert.equal(create.signal?.aborted, true);
      assert.equal(h.flow.state.sending, false);
      await create.resolve(saved('con_1', 'crm'));
      assert.equal(h.client.tests.calls.length, 0);
      assert.equal(h.form.resets.at(-1), undefined, 'the close forgot the input');
      assert.equal(h.view(), 'credentials');
    });

    it('update mode sends a PATCH to the same connection', async () => {
      const u = harness();
      u.client.known.set('con_1', saved('con_1', 'crm', { method: 'token' }));
      u.flow.begin({ connectionId: 'con_1' });
      await u.client.apps.last.resolve(crm);
      u.flow.submitCredentials();
      assert.equal(u.client.creates.calls.length, 0);
      assert.equal(u.client.updates.last.args[0], 'con_1');
    });
  });

  describe('setup and test', () => {
    it('asks to copy the webhook URL, hears the first event, then tests', async () => {
      await openOn(h, hooks);
      const created = withWebhook('con_1', 'hooks');
      await submitCreated(h, created);
      const view = h.flow.state.view;
      assert.equal(view.name, 'setup');
      assert.deepEqual(view.name === 'setup' && view.step, webhookStep);
      const entry = h.flow.state.viewEntry;

      assert.equal(h.flow.firstEventReceived(withWebhook('con_other', 'hooks', 'now')), false);
      const received = withWebhook('con_1', 'hooks', '2026-01-02T00:00:00Z');
      assert.equal(h.flow.firstEventReceived(received), true);
      const updated = h.flow.state.view;
      assert.equal(updated.name === 'setup' && updated.connection, received);
      assert.equal(h.flow.state.viewEntry, entry, 'not a new step: focus stays where it is');

      h.flow.setupUrlCopied();
      assert.deepEqual(eventDetail(h, 'setup_url_copied'), { app: 'hooks', connectionId: 'con_1' });
      h.flow.runTest();
      assert.equal(h.view(), 'testing');
      assert.equal(h.client.tests.last.args[0], 'con_1');
      assert.equal(h.flow.firstEventReceived(received), false, 'setup is over');
    });

    it('an update whose webhook already received events skips setup', async () => {
      h.client.known.set('con_1', withWebhook('con_1', 'hooks', 'earlier'));
      h.flow.begin({ connectionId: 'con_1' });
      await h.client.apps.last.resolve(hooks);
      h.flow.submitCredentials();
      await h.client.updates.last.resolve(withWebhook('con_1', 'hooks', 'earlier'));
      assert.equal(h.view(), 'testing');
    });

    it('a failed test shows the service’s words, reports test_failed, and tests again', async () => {
      await openOn(h, crm);
      await submitCreated(h, saved('con_1', 'crm'));
      const failedConnection = saved('con_1', 'crm', { status: 'error' });
      await h.client.tests.last.resolve(testResult(failedConnection, false, 'Token revoked'));
      const view = h.flow.state.view;
      assert.equal(view.name, 'test-failed');
      assert.deepEqual(view.name === 'test-failed' && view.failure, { message: 'Token revoked' });
      assert.deepEqual(
        h.notices.map((notice) => notice.type === 'error' && notice.code),
        ['test_failed'],
      );
      h.flow.runTest();
      assert.equal(h.view(), 'testing');
      await h.client.tests.last.resolve(
        testResult(
          saved('con_1', 'crm', {
            status: 'error',
            lastError: { code: 'credentials_rejected', message: 'No', requestId: 'req_test2' },
          }),
          false,
          'No',
        ),
      );
      assert.deepEqual(
        eventDetail(h, 'connect_error'),
        { app: 'crm', code: 'test_failed', method: 'token', requestId: 'req_test2' },
        'the reference of the request that recorded the failure, for support',
      );
      const notice = h.notices.at(-1);
      assert.equal(notice?.type === 'error' && notice.error.requestId, 'req_test2');
      h.flow.runTest();
      assert.equal(h.view(), 'testing');
      await h.client.tests.last.reject(new PlugboardError('timeout', 'slow'));
      const again = h.flow.state.view;
      assert.equal(
        again.name === 'test-failed' && 'error' in again.failure && again.failure.error.code,
        'timeout',
      );
      assert.equal(h.flow.state.completed, false);
    });

    it('after a failed test, entering the details again updates the connection just saved', async () => {
      await openOn(h, crm);
      await submitCreated(h, saved('con_1', 'crm'));
      await h.client.tests.last.resolve(
        testResult(saved('con_1', 'crm', { status: 'error' }), false, 'Key revoked'),
      );
      h.flow.reauthorize();
      assert.equal(h.view(), 'credentials');
      assert.equal(h.flow.state.connectionId, 'con_1');
      assert.equal(h.flow.state.mode, 'update');
      h.flow.submitCredentials();
      assert.equal(h.client.updates.last.args[0], 'con_1');
      assert.equal(h.client.creates.calls.length, 1, 'no second connection');
      await h.client.updates.last.resolve(saved('con_1', 'crm'));
      await h.client.tests.last.resolve(testResult(saved('con_1', 'crm')));
      assert.equal(h.view(), 'success');
    });

    it('after a failed test of a sign-in, reauthorize goes back to the sign-in', async () => {
      await openOn(h, social);
      h.flow.startOAuth();
      await h.client.flows[0]!.finish({
        status: 'succeeded',
        connection: saved('con_3', 'social', { method: 'oauth2' }),
        flowId: 'flw_1',
      });
      await h.client.tests.last.resolve(
        testResult(saved('con_3', 'social', { status: 'needs_reauth' }), false, 'Sign in again'),
      );
      h.flow.reauthorize();
      assert.equal(h.view(), 'oauth-intro');
      h.flow.startOAuth();
      assert.deepEqual(h.client.flows[1]!.options, { mode: 'popup', connectionId: 'con_3' });
    });

    it('reauthorize applies only after a failed test', async () => {
      await openOn(h, crm);
      h.flow.reauthorize();
      assert.equal(h.flow.state.connectionId, '');
      assert.equal(h.view(), 'credentials');
    });

    it('a test answer after the close is ignored', async () => {
      await openOn(h, crm);
      await submitCreated(h, saved('con_1', 'crm'));
      const test = h.client.tests.last;
      h.flow.close('escape');
      await test.resolve(testResult(saved('con_1', 'crm')));
      assert.ok(!h.notices.some((notice) => notice.type === 'success'));
      assert.equal(h.view(), 'testing');
    });
  });

  describe('OAuth', () => {
    beforeEach(async () => {
      await openOn(h, social);
      assert.equal(h.view(), 'oauth-intro');
    });

    it('opens the popup synchronously and waits; reopen focuses the same flow', () => {
      h.flow.startOAuth();
      assert.equal(h.client.flows.length, 1, 'started inside the call, before any await');
      assert.deepEqual(h.client.flows[0]!.options, { mode: 'popup' });
      assert.equal(h.view(), 'oauth-waiting');
      h.flow.reopenPopup();
      assert.equal(h.client.flows[0]!.reopened, 1);
    });

    it('a successful flow goes on to the test and success', async () => {
      h.flow.startOAuth();
      const made = saved('con_1', 'social', { method: 'oauth2' });
      await h.client.flows[0]!.finish({ status: 'succeeded', connection: made, flowId: 'flw_1' });
      assert.equal(h.view(), 'testing');
      await h.client.tests.last.resolve(testResult(made));
      assert.equal(h.view(), 'success');
      assert.equal(h.notices.at(-1)?.type, 'success');
    });

    it('Cancel while waiting closes the popup and goes back; the cancelled result is ignored', async () => {
      h.flow.startOAuth();
      h.flow.cancelOAuth();
      assert.equal(h.client.flows[0]!.cancelled, true);
      assert.equal(h.view(), 'oauth-intro');
      const entries = h.flow.state.viewEntry;
      await settle();
      assert.equal(h.flow.state.viewEntry, entries);
    });

    it('a blocked popup offers to continue in this tab, which starts a redirect flow', async () => {
      h.client.nextPopup = 'blocked';
      h.flow.startOAuth();
      assert.equal(h.view(), 'oauth-blocked');
      h.flow.continueInThisTab();
      assert.equal(h.client.flows[0]!.cancelled, true);
      assert.deepEqual(h.client.flows[1]!.options, { mode: 'redirect' });
      await h.client.flows[1]!.finish({ status: 'redirecting', flowId: 'flw_2' });
      assert.equal(h.view(), 'oauth-blocked', 'the tab is leaving: nothing to show');
    });

    it('a redirect flow that cannot start says so', async () => {
      h.client.nextPopup = 'blocked';
      h.flow.startOAuth();
      h.flow.continueInThisTab();
      await h.client.flows[1]!.finish({
        status: 'error',
        error: new PlugboardError('network', 'offline'),
      });
      assert.equal(h.view(), 'oauth-failed');
    });

    it('a blocked result after the start shows the blocked view', async () => {
      h.flow.startOAuth();
      await h.client.flows[0]!.finish({ status: 'popup_blocked' });
      assert.equal(h.view(), 'oauth-blocked');
    });

    const failures: [string, Parameters<typeof failedFlow>[0], string, string][] = [
      ['declined access', { code: 'access_denied' }, 'oauth-declined', 'access_denied'],
      ['a provider error', { code: 'provider_error' }, 'oauth-failed', 'provider_error'],
      ['a closed popup', 'popup_closed', 'oauth-failed', 'popup_closed'],
      ['a timeout', 'timeout', 'oauth-failed', 'flow_timeout'],
      ['an expired flow', 'expired', 'oauth-failed', 'flow_expired'],
      ['a session that ended', 'session', 'session-expired', 'session_expired'],
    ];
    for (const [what, result, view, code] of failures) {
      it(`${what}: ${view}, reported as ${code}`, async () => {
        h.flow.startOAuth();
        await h.client.flows[0]!.finish(failedFlow(result));
        assert.equal(h.view(), view);
        assert.deepEqual(eventDetail(h, 'connect_error'), {
          app: 'social',
          code,
          method: 'oauth2',
        });
        h.flow.startOAuth();
        assert.equal(h.client.flows.length, 2, 'Try again starts a new flow');
      });
    }

    it('a superseded or aborted flow shows nothing', async () => {
      h.flow.startOAuth();
      const entries = h.flow.state.viewEntry;
      await h.client.flows[0]!.finish({ status: 'cancelled', reason: 'superseded' });
      assert.equal(h.flow.state.viewEntry, entries);
      assert.deepEqual(h.notices, []);
    });

    it('missing scopes: names them, and asks again on the connection that lacks them', async () => {
      h.flow.startOAuth();
      await h.client.flows[0]!.finish({
        status: 'failed',
        app: 'social',
        code: 'missing_scopes',
        message: '',
        missingScopes: ['contacts.read'],
        connection: saved('con_7', 'social'),
        flowId: 'flw_1',
      });
      const view = h.flow.state.view;
      assert.deepEqual(view.name === 'missing-scopes' && view.scopes, ['contacts.read']);
      h.flow.grantMissingScopes();
      assert.deepEqual(h.client.flows[1]!.options, { mode: 'popup', connectionId: 'con_7' });
      assert.equal(h.flow.state.mode, 'update');
    });

    it('an account connected already: updates that connection instead', async () => {
      h.flow.startOAuth();
      const existing = saved('con_old', 'social');
      await h.client.flows[0]!.finish({
        status: 'failed',
        app: 'social',
        code: 'duplicate_account',
        message: '',
        connection: existing,
        flowId: 'flw_1',
      });
      assert.equal(h.view(), 'duplicate');
      h.flow.updateDuplicate();
      assert.deepEqual(h.client.flows[1]!.options, { mode: 'popup', connectionId: 'con_old' });
      assert.equal(h.view(), 'oauth-waiting');
      h.flow.dismissDuplicate();
      assert.equal(h.view(), 'oauth-waiting', 'only from the duplicate view');
    });

    it('one flow at a time: a new start cancels the old one, whose late result is ignored', async () => {
      h.flow.startOAuth();
      h.flow.startOAuth();
      const [first, second] = h.client.flows;
      assert.equal(first!.cancelled, true);
      await first!.finish({
        status: 'succeeded',
        connection: saved('con_1', 'social'),
        flowId: 'flw_1',
      });
      assert.equal(h.view(), 'oauth-waiting');
      assert.equal(h.client.tests.calls.length, 0);
      await second!.finish({
        status: 'failed',
        app: 'social',
        code: 'access_denied',
        message: '',
        flowId: 'flw_2',
      });
      assert.equal(h.view(), 'oauth-declined');
    });

    it('closing while waiting closes the popup; a success after it is ignored', async () => {
      h.flow.startOAuth();
      h.flow.close('backdrop');
      assert.equal(h.client.flows[0]!.cancelled, true);
      await h.client.flows[0]!.finish({
        status: 'succeeded',
        connection: saved('con_1', 'social'),
        flowId: 'flw_1',
      });
      assert.equal(h.client.tests.calls.length, 0);
      assert.deepEqual(eventDetail(h, 'exit'), {
        reason: 'dismissed',
        lastStep: 'oauth',
        app: 'social',
      });
    });

    it('a close because the host removed it while the popup waits: cancel and exit, popup closed', async () => {
      h.flow.startOAuth();
      h.flow.close('removed');
      assert.equal(h.client.flows[0]!.cancelled, true);
      assert.deepEqual(h.notices, [
        { type: 'cancel', reason: 'removed', lastStep: 'oauth' },
        { type: 'closed', reason: 'removed', lastStep: 'oauth', completed: false },
      ]);
      assert.deepEqual(eventDetail(h, 'exit'), {
        reason: 'cancelled',
        lastStep: 'oauth',
        app: 'social',
      });
      await h.client.flows[0]!.finish({
        status: 'succeeded',
        connection: saved('con_1', 'social'),
        flowId: 'flw_1',
      });
      assert.equal(h.client.tests.calls.length, 0, 'a late success is ignored');
    });

    it('update mode sends the connection id to the flow', async () => {
      const u = harness();
      u.client.known.set('con_2', saved('con_2', 'social', { method: 'oauth2' }));
      u.flow.begin({ connectionId: 'con_2' });
      await u.client.apps.last.resolve(social);
      u.flow.startOAuth();
      assert.deepEqual(u.client.flows[0]!.options, { mode: 'popup', connectionId: 'con_2' });
    });
  });

  describe('back from "continue in this tab"', () => {
    it('opens on a success: tests it as an update of the same connection', async () => {
      const made = saved('con_2', 'social', { method: 'oauth2' });
      const target = h.flow.resume({
        status: 'succeeded',
        connection: made,
        flowId: 'flw_1',
        connectionId: 'con_2',
      });
      assert.deepEqual(target, { appKey: 'social', connectionId: 'con_2' });
      h.client.known.set('con_2', made);
      h.flow.begin(target);
      await h.client.apps.last.resolve(social);
      assert.equal(h.view(), 'testing');
      await h.client.tests.last.resolve(testResult(made));
      assert.deepEqual(h.notices.at(-1), {
        type: 'success',
        connection: made,
        app: social,
        mode: 'update',
      });
    });

    it('opens on a declined sign-in for the right app', async () => {
      const target = h.flow.resume({
        status: 'failed',
        app: 'social',
        code: 'access_denied',
        message: '',
        flowId: 'flw_1',
      });
      assert.deepEqual(target, { appKey: 'social', connectionId: '' });
      h.flow.begin(target);
      await h.client.apps.last.resolve(social);
      assert.equal(h.view(), 'oauth-declined');
    });

    it('an expired flow names no app: explains it without loading one', async () => {
      const target = h.flow.resume({ status: 'expired', flowId: 'flw_1' });
      assert.deepEqual(target, { appKey: undefined, connectionId: '' });
      h.flow.begin(target);
      await settle();
      const view = h.flow.state.view;
      assert.equal(view.name === 'resume-failed' && view.error.code, 'flow_expired');
      assert.equal(h.client.apps.calls.length, 0);
      h.flow.begin({ appKey: 'crm' });
      await h.client.apps.last.resolve(crm);
      assert.equal(h.view(), 'credentials', 'the outcome is shown once');
    });
  });

  describe('closing', () => {
    beforeEach(async () => {
      await openOn(h, crm);
    });

    it('asks before discarding typed input; keep editing stays', () => {
      h.form.hasUnsavedInput = true;
      h.flow.requestClose('escape');
      assert.equal(h.flow.state.confirmingDiscard, true);
      assert.equal(h.flow.state.open, true);
      h.flow.requestClose('backdrop');
      h.flow.keepEditing();
      assert.equal(h.flow.state.confirmingDiscard, false);
      assert.deepEqual(h.notices, []);
      assert.ok(!h.names().includes('exit'));
    });

    it('discarding closes with the reason of the request, as a cancel', () => {
      h.form.hasUnsavedInput = true;
      h.flow.requestClose('close-button');
      h.flow.confirmDiscard();
      assert.equal(h.flow.state.open, false);
      assert.equal(h.flow.state.confirmingDiscard, false);
      assert.equal(h.form.resets.at(-1), undefined);
      assert.deepEqual(h.notices, [
        { type: 'cancel', reason: 'close-button', lastStep: 'credentials' },
        { type: 'closed', reason: 'close-button', lastStep: 'credentials', completed: false },
      ]);
      assert.deepEqual(eventDetail(h, 'exit'), {
        reason: 'cancelled',
        lastStep: 'credentials',
        app: 'crm',
      });
    });

    it('Escape and the backdrop dismiss; nothing typed closes at once', () => {
      h.flow.requestClose('escape');
      assert.equal(h.flow.state.open, false);
      assert.deepEqual(eventDetail(h, 'exit'), {
        reason: 'dismissed',
        lastStep: 'credentials',
        app: 'crm',
      });
    });

    it('after success a close is no cancel, even with input left', async () => {
      await submitCreated(h, saved('con_1', 'crm'));
      await h.client.tests.last.resolve(testResult(saved('con_1', 'crm')));
      h.form.hasUnsavedInput = true;
      h.flow.requestClose('user');
      assert.deepEqual(
        h.notices.map((notice) => notice.type),
        ['success', 'closed'],
      );
      assert.deepEqual(eventDetail(h, 'exit'), {
        reason: 'completed',
        lastStep: 'success',
        app: 'crm',
      });
      assert.deepEqual(h.names().slice(-2), ['connect_success', 'exit']);
    });

    it('a close on a failure the user saw exits with reason `error`, whatever closed it', async () => {
      await submitCreated(h, saved('con_1', 'crm'));
      await h.client.tests.last.resolve(
        testResult(saved('con_1', 'crm', { status: 'error' }), false, 'Token revoked'),
      );
      h.flow.requestClose('escape');
      assert.deepEqual(h.notices.at(-2), { type: 'cancel', reason: 'escape', lastStep: 'test' });
      assert.deepEqual(eventDetail(h, 'exit'), { reason: 'error', lastStep: 'test', app: 'crm' });
    });

    for (const [what, fail, lastStep, appKey] of [
      [
        'a failed load',
        async (f: Harness) => {
          f.flow.begin({ appKey: 'crm' });
          await f.client.apps.last.reject(new PlugboardError('network', 'offline'));
        },
        'error',
        'crm',
      ],
      [
        'a send that failed on the form',
        async (f: Harness) => {
          await openOn(f, crm);
          f.flow.submitCredentials();
          await f.client.creates.last.reject(new PlugboardError('network', 'offline'));
        },
        'credentials',
        'crm',
      ],
      [
        'a provider that is down',
        (f: Harness) => openOn(f, app('crm', [tokenMethod], { health: { status: 'down' } })),
        'unavailable',
        'crm',
      ],
      [
        'a failed sign-in',
        async (f: Harness) => {
          await openOn(f, social);
          f.flow.startOAuth();
          await f.client.flows[0]!.finish(failedFlow({ code: 'provider_error' }));
        },
        'oauth',
        'social',
      ],
      [
        'a session that could not be renewed',
        async (f: Harness) => {
          await openOn(f, crm);
          f.flow.submitCredentials();
          await f.client.creates.last.reject(new PlugboardError('session_expired', 'over'));
        },
        'error',
        'crm',
      ],
    ] as const) {
      it(`closing after ${what} exits with reason \`error\``, async () => {
        const f = harness();
        await fail(f);
        f.flow.requestClose('close-button');
        assert.deepEqual(eventDetail(f, 'exit'), { reason: 'error', lastStep, app: appKey });
      });
    }

    it('an error the user moved past is no longer the ending: back on the form, a close cancels', async () => {
      h.flow.submitCredentials();
      await h.client.creates.last.reject(new PlugboardError('network', 'offline'));
      h.flow.submitCredentials();
      assert.equal(h.flow.state.formError, undefined, 'a new send clears the error');
      h.flow.close('user');
      assert.deepEqual(eventDetail(h, 'exit'), {
        reason: 'cancelled',
        lastStep: 'credentials',
        app: 'crm',
      });
    });

    it('a close when closed does nothing; a new begin starts clean', async () => {
      h.flow.close();
      const notices = h.notices.length;
      h.flow.close();
      h.flow.requestClose('escape');
      assert.equal(h.notices.length, notices);
      h.flow.begin({ appKey: 'crm' });
      assert.equal(h.flow.state.open, true);
      assert.equal(h.flow.state.completed, false);
      assert.equal(h.view(), 'loading');
      assert.deepEqual(h.names().slice(-3), ['exit', 'open', 'view_changed']);
    });
  });
});

type FlowFailure =
  { code: 'access_denied' | 'provider_error' } | 'popup_closed' | 'timeout' | 'expired' | 'session';

function failedFlow(
  failure: FlowFailure,
): Parameters<FakeConnectClient['flows'][number]['finish']>[0] {
  if (failure === 'popup_closed') return { status: 'cancelled', reason: 'popup_closed' };
  if (failure === 'timeout') return { status: 'timeout' };
  if (failure === 'expired') return { status: 'expired', flowId: 'flw_1' };
  if (failure === 'session')
    return { status: 'error', error: new PlugboardError('session_expired', 'over') };
  return { status: 'failed', app: 'social', code: failure.code, message: '', flowId: 'flw_1' };
}
