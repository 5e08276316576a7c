import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestStack, type TestStack } from '../test-support/test-stack.js';

describe('health endpoints for load balancers', () => {
  let t: TestStack;
  before(async () => {
    t = await startTestStack();
  });
  after(() => t.close());

  it('answers /healthz while the process runs and /readyz while the database answers', async () => {
    const live = await t.call<{ status: string }>('getHealth', '/healthz', { origin: null });
    assert.equal(live.status, 200);
    assert.equal(live.body.status, 'ok');
    const ready = await t.call<{ status: string }>('getReadiness', '/readyz', { origin: null });
    assert.equal(ready.status, 200);
    assert.equal(ready.body.status, 'ready');

    await t.stack.database.db.destroy();
    const down = await t.call<{ status: string }>('getReadiness', '/readyz', { origin: null });
    assert.equal(down.status, 503);
    assert.equal(down.body.status, 'unavailable');
    assert.equal((await t.call('getHealth', '/healthz', { origin: null })).status, 200);
  });
});
