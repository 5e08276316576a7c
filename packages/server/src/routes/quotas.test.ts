// Issue 14, finding 7: quotas on pending OAuth flows per user, Tests per minute and concurrent
// long-polls per session, so one user cannot tie up the server or the services behind it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, OAuthFlowStart, Problem } from '@plugboard/contract';
import {
  ORIGIN,
  idempotencyKey,
  startTestStack,
  type TestStack,
} from '../test-support/test-stack.js';

describe('quotas', () => {
  let t: TestStack;
  before(async () => {
    t = await startTestStack({ pendingFlowsPerUser: 2, testsPerMinute: 2, longPollsPerSession: 1 });
  });
  after(() => t.close());

  const startFlow = (token: string) =>
    t.call<OAuthFlowStart | Problem>('startOAuthFlow', '/v1/oauth/flows', {
      method: 'POST',
      token,
      body: { app: 'slack', openerOrigin: ORIGIN, mode: 'popup' },
    });

  it('limits the pending OAuth flows of a user, across sessions', async () => {
    const userId = 'flow-hoarder';
    assert.equal((await startFlow(await t.session({ userId }))).status, 201);
    assert.equal((await startFlow(await t.session({ userId }))).status, 201);
    const third = await startFlow(await t.session({ userId }));
    assert.equal(third.status, 429);
    assert.equal((third.body as Problem).code, 'rate_limited');
    assert.ok(Number(third.headers.get('Retry-After')) > 0);
    // Expired flows no longer count.
    t.advanceClock(11 * 60_000);
    assert.equal((await startFlow(await t.session({ userId }))).status, 201);
  });

  it('limits Tests per user per minute', async () => {
    const token = await t.session({ userId: 'eager-tester' });
    const created = await t.call<Connection>('createConnection', '/v1/connections', {
      method: 'POST',
      token,
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { app: 'stripe', method: 'api_key', fields: { apiKey: 'demo-key-123' } },
    });
    const test = () =>
      t.call<Problem>('testConnection', `/v1/connections/${created.body.id}/test`, {
        method: 'POST',
        token,
      });
    assert.equal((await test()).status, 200);
    assert.equal((await test()).status, 200);
    const limited = await test();
    assert.equal(limited.status, 429);
    assert.equal(limited.body.code, 'rate_limited');
  });

  it('limits the long-polls a session holds open at once', async () => {
    const token = await t.session({ userId: 'long-poller' });
    const flow = (await startFlow(token)).body as OAuthFlowStart;
    const path = (wait: number) => `/v1/oauth/flows/${flow.flowId}?wait=${wait}`;
    const holding = t.call('getOAuthFlow', path(2), { token });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = await t.call<Problem>('getOAuthFlow', path(2), { token });
    assert.equal(second.status, 429);
    assert.equal(second.body.code, 'rate_limited');
    // A plain read does not hold a slot, and the slot is free again once the first returns.
    assert.equal((await t.call('getOAuthFlow', path(0), { token })).status, 200);
    assert.equal((await holding).status, 200);
    assert.equal((await t.call('getOAuthFlow', path(1), { token })).status, 200);
  });
});
