import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, PlugboardError } from './errors.js';
import { SessionTokens } from './session-token.js';

describe('SessionTokens', () => {
  it('uses the given token without fetching', async () => {
    let fetches = 0;
    const tokens = new SessionTokens({
      sessionToken: 'tok_a',
      fetchSessionToken: async () => `tok_${++fetches}`,
    });
    assert.equal(await tokens.current(), 'tok_a');
    assert.equal(fetches, 0);
  });

  it('shares one refresh among callers holding the same rejected token', async () => {
    let fetches = 0;
    const tokens = new SessionTokens({
      sessionToken: 'tok_a',
      fetchSessionToken: async () => `tok_${++fetches}`,
    });
    const refreshed = await Promise.all([tokens.refresh('tok_a'), tokens.refresh('tok_a')]);
    assert.deepEqual(refreshed, ['tok_1', 'tok_1']);
    // A late 401 for the old token gets the new one without another fetch.
    assert.equal(await tokens.refresh('tok_a'), 'tok_1');
    assert.equal(fetches, 1);
    assert.equal(await tokens.current(), 'tok_1');
  });

  it('turns a failing fetchSessionToken into session_expired and tries again next time', async () => {
    let calls = 0;
    const tokens = new SessionTokens({
      sessionToken: undefined,
      fetchSessionToken: async () => {
        calls += 1;
        if (calls === 1) throw new Error('host backend down');
        return 'tok_ok';
      },
    });
    await assert.rejects(tokens.current(), (error: unknown) => {
      assert.ok(error instanceof PlugboardError);
      assert.equal(error.code, 'session_expired');
      return true;
    });
    assert.equal(await tokens.current(), 'tok_ok');
  });

  it('refuses a secret key returned by fetchSessionToken', async () => {
    const tokens = new SessionTokens({
      sessionToken: undefined,
      fetchSessionToken: async () => 'sk_live_1',
    });
    await assert.rejects(tokens.current(), ConfigError);
  });
});
