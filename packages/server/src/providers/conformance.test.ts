// Every provider definition against a double of its service, written from that service's
// documentation and reached on its real host names through an HTTPS proxy with a throwaway CA:
// connect (OAuth: authorize, consent, callback, code exchange; keys: a refused key, then the
// right one), Test, the setup steps (every page of a select's live options, a search, saving the
// first option, its check), refresh (twice, so rotation is exercised) and disconnect (revocation).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type {
  Connection,
  OAuthFlow,
  OAuthFlowStart,
  Problem,
  SetupOptionPage,
  SetupVerification,
  TestResult,
} from '@plugboard/contract';
import type { OAuthMethod, ProviderDefinition } from '@plugboard/contract/provider-definition';
import { startDoublesServer, type DoublesServer } from '../test-support/doubles/doubles-server.js';
import { approveAtDouble } from '../test-support/doubles/drive-authorize.js';
import { cookiePair, openStartUrl } from '../test-support/oauth-browser.js';
import type { ConformanceScenario } from '../test-support/doubles/scenario.js';
import { allServices } from '../test-support/doubles/services/index.js';
import {
  idempotencyKey,
  ORIGIN,
  startTestStack,
  type TestStack,
} from '../test-support/test-stack.js';
import { providerDefinitions } from './definitions/index.js';
import { createOutboundFetch } from './outbound-fetch.js';

const services = allServices();
const scenarios = new Map<string, ConformanceScenario>(
  services.flatMap((service) => service.scenarios.map((scenario) => [scenario.app, scenario])),
);

describe('provider definitions against their service doubles', () => {
  let doubles: DoublesServer;
  let t: TestStack;
  let dir: string;

  before(async () => {
    doubles = await startDoublesServer(services.map((service) => service.double));
    dir = mkdtempSync(join(tmpdir(), 'pb-conformance-'));
    const providersFile = join(dir, 'providers.json');
    writeFileSync(
      providersFile,
      JSON.stringify(Object.fromEntries([...scenarios].map(([app, s]) => [app, s.host]))),
    );
    t = await startTestStack({
      providersFile,
      outboundFetch: createOutboundFetch(doubles.dispatcher()),
    });
  });

  after(async () => {
    await t.close();
    await doubles.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every select step of the definition against the double, as the scenario describes it. */
  const checkSetup = async (
    definition: ProviderDefinition,
    scenario: ConformanceScenario,
    token: string,
    connection: Connection,
  ) => {
    const base = `/v1/connections/${connection.id}`;
    const settings: Record<string, string | string[]> = {};
    const selects = (definition.setup ?? []).filter((step) => step.options);
    for (const step of selects) {
      const expected = scenario.setup?.[step.key];
      assert.ok(expected, `${definition.key}: the scenario says nothing of ${step.key}`);
      const page = (query: string) =>
        t.call<SetupOptionPage>('listSetupOptions', `${base}/setup/${step.key}/options${query}`, {
          token,
        });
      const labels: string[] = [];
      const values: string[] = [];
      let cursor: string | null = '';
      for (let pages = 0; cursor !== null && pages < 10; pages += 1) {
        const answer = await page(cursor ? `?cursor=${encodeURIComponent(cursor)}` : '');
        assert.equal(answer.status, 200, answer.text);
        labels.push(...answer.body.items.map((item) => item.label));
        values.push(...answer.body.items.map((item) => item.value));
        cursor = answer.body.nextCursor;
      }
      assert.deepEqual(labels, expected.labels, `${step.key}: every option, every page`);
      if (expected.search) {
        const found = await page(`?q=${encodeURIComponent(expected.search.q)}`);
        assert.deepEqual(
          found.body.items.map((item) => item.label),
          expected.search.labels,
        );
      }
      settings[step.key] = step.type === 'multi_select' ? [values[0]!] : values[0]!;
    }
    if (selects.length === 0) return;
    const saved = await t.call<Connection>('updateConnectionSettings', `${base}/settings`, {
      method: 'PUT',
      token,
      body: { settings },
    });
    assert.equal(saved.status, 200, saved.text);
    for (const step of selects) {
      const chosen = saved.body.settings?.[step.key];
      assert.deepEqual(
        Array.isArray(chosen) ? chosen[0]?.label : (chosen as { label: string }).label,
        scenario.setup![step.key]!.labels[0],
      );
      if (!step.verification) continue;
      const check = await t.call<SetupVerification>(
        'verifySetupStep',
        `${base}/setup/${step.key}/verify`,
        { method: 'POST', token },
      );
      assert.equal(check.body.ok, scenario.setup![step.key]!.firstPasses, check.body.message);
    }
  };

  it('has a double and a scenario for every definition', () => {
    const missing = [...providerDefinitions.keys()].filter((key) => !scenarios.has(key));
    assert.deepEqual(missing, []);
  });

  for (const [key, definition] of providerDefinitions) {
    const scenario = scenarios.get(key);
    if (!scenario) continue;
    describe(key, () => {
      const oauth = definition.methods.find(
        (method): method is OAuthMethod => method.type === 'oauth2',
      );
      if (oauth) {
        it('connects by OAuth, tests, refreshes and disconnects', async () => {
          assert.ok(scenario.oauth, `${key}: the scenario has no OAuth part`);
          const { grants, label } = scenario.oauth;
          const token = await t.session({ userId: `oauth-${key}` });
          const start = await t.call<OAuthFlowStart>('startOAuthFlow', '/v1/oauth/flows', {
            method: 'POST',
            token,
            body: { app: key, openerOrigin: ORIGIN, mode: 'popup' },
          });
          assert.equal(start.status, 201, start.text);
          // The browser opens the backend's start URL, which binds the flow to it (a cookie) and
          // redirects to the service's sign-in page.
          const opened = await openStartUrl(start.body.authorizeUrl);
          assert.equal(opened.status, 303, opened.html.slice(0, 300));
          const { callbackUrl } = await approveAtDouble(opened.location!, doubles.dispatcher());
          assert.equal(callbackUrl.origin, new URL(t.stack.url).origin);
          const callback = await fetch(callbackUrl, {
            headers: { cookie: cookiePair(opened.setCookies[0]!) },
          });
          const page = await callback.text();
          assert.equal(callback.status, 200, page.slice(0, 300));
          const flow = await t.call<OAuthFlow>(
            'getOAuthFlow',
            `/v1/oauth/flows/${start.body.flowId}`,
            { token },
          );
          assert.equal(flow.body.status, 'succeeded', JSON.stringify(flow.body.error));
          const connection = flow.body.connection!;
          assert.equal(connection.label, label);

          const test = () =>
            t.call<TestResult>('testConnection', `/v1/connections/${connection.id}/test`, {
              method: 'POST',
              token,
            });
          const first = await test();
          assert.equal(first.body.ok, true, first.body.message);
          await checkSetup(definition, scenario, token, connection);

          const refreshesBefore = grants.stats.refreshes;
          if (oauth.refresh.mode === 'none') {
            assert.equal(
              grants.stats.refreshes,
              refreshesBefore,
              'tokens that never expire are never refreshed',
            );
          } else {
            grants.expireAccessTokens();
            const afterExpiry = await test();
            assert.equal(afterExpiry.body.ok, true, afterExpiry.body.message);
            grants.expireAccessTokens();
            const again = await test();
            assert.equal(again.body.ok, true, `second refresh: ${again.body.message}`);
            assert.equal(grants.stats.refreshes, refreshesBefore + 2);
          }

          const revocationsBefore = grants.stats.revocations;
          const removed = await t.call('deleteConnection', `/v1/connections/${connection.id}`, {
            method: 'DELETE',
            token,
          });
          assert.equal(removed.status, 200);
          assert.equal(grants.stats.revocations, revocationsBefore + (oauth.revoke ? 1 : 0));
        });
      }
      for (const credentials of scenario.credentials ?? []) {
        it(`connects with ${credentials.method}, refuses a wrong one, tests and disconnects`, async () => {
          assert.ok(definition.methods.some((method) => method.type === credentials.method));
          const token = await t.session({ userId: `${credentials.method}-${key}` });
          const create = (fields: typeof credentials.fields) =>
            t.call<Connection | Problem>('createConnection', '/v1/connections', {
              method: 'POST',
              token,
              headers: { 'Idempotency-Key': idempotencyKey() },
              body: { app: key, method: credentials.method, fields },
            });
          const wrong = await create(credentials.wrongFields);
          assert.equal(wrong.status, 422, wrong.text);
          assert.equal((wrong.body as Problem).code, 'credentials_rejected');
          const created = await create(credentials.fields);
          assert.equal(created.status, 201, created.text);
          const connection = created.body as Connection;
          assert.equal(connection.label, credentials.label);
          const test = () =>
            t.call<TestResult>('testConnection', `/v1/connections/${connection.id}/test`, {
              method: 'POST',
              token,
            });
          assert.equal((await test()).body.ok, true);
          await checkSetup(definition, scenario, token, connection);
          assert.ok(scenario.revokeKeys, `${key}: the double cannot revoke keys`);
          scenario.revokeKeys();
          const revoked = await test();
          assert.equal(revoked.body.ok, false);
          assert.equal(revoked.body.connection.lastError?.code, 'credentials_rejected');
          const removed = await t.call('deleteConnection', `/v1/connections/${connection.id}`, {
            method: 'DELETE',
            token,
          });
          assert.equal(removed.status, 200);
        });
      }
    });
  }
});
