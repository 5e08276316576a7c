import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connection } from '../testing/fixtures.js';
import { errorFromOAuthResult, resultFromFlow } from './flow-result.js';

const base = { flowId: 'flow_12345678', app: 'pipedrive', mode: 'popup', expiresAt: 'x' } as const;

describe('flow results', () => {
  it('maps each backend status', () => {
    assert.equal(resultFromFlow({ ...base, status: 'pending' }), null);
    assert.deepEqual(resultFromFlow({ ...base, status: 'expired' }), {
      status: 'expired',
      flowId: base.flowId,
    });
    const existing = connection('con_existing1', 'pipedrive');
    assert.deepEqual(
      resultFromFlow({
        ...base,
        status: 'failed',
        connection: existing,
        error: { code: 'duplicate_account', message: 'Already connected' },
      }),
      {
        status: 'failed',
        app: base.app,
        code: 'duplicate_account',
        message: 'Already connected',
        missingScopes: undefined,
        connection: existing,
        flowId: base.flowId,
      },
    );
  });

  it('treats a success without a connection as a malformed answer', () => {
    const result = resultFromFlow({ ...base, status: 'succeeded' });
    assert.equal(result?.status, 'error');
    assert.equal(result?.status === 'error' && result.error.code, 'malformed');
  });

  it('gives the PlugboardError code of every unsuccessful result', () => {
    assert.equal(errorFromOAuthResult({ status: 'popup_blocked' })?.code, 'popup_blocked');
    assert.equal(
      errorFromOAuthResult({ status: 'cancelled', reason: 'popup_closed' })?.code,
      'popup_closed',
    );
    assert.equal(errorFromOAuthResult({ status: 'cancelled', reason: 'user' })?.code, 'aborted');
    assert.equal(errorFromOAuthResult({ status: 'timeout' })?.code, 'flow_timeout');
    assert.equal(errorFromOAuthResult({ status: 'expired', flowId: 'f' })?.code, 'flow_expired');
    assert.equal(
      errorFromOAuthResult({
        status: 'failed',
        app: 'slack',
        code: 'access_denied',
        message: '',
        flowId: 'f',
      })?.code,
      'flow_failed',
    );
    assert.equal(errorFromOAuthResult({ status: 'redirecting', flowId: 'f' }), null);
  });
});
