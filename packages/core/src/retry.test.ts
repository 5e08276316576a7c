import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpError, PlugboardError } from './errors.js';
import { problemFromStatus } from './http/read-response.js';
import {
  backoffMs,
  DEFAULT_RETRY_POLICY,
  isRepeatableRequest,
  parseRetryAfter,
  retryDelayMs,
} from './retry.js';

const policy = DEFAULT_RETRY_POLICY;
const httpError = (status: number, retryAfter?: number): HttpError =>
  new HttpError(problemFromStatus(status, ''), { retryAfter });

describe('retry policy', () => {
  it('repeats only GETs, PUTs and requests with an Idempotency-Key', () => {
    assert.equal(isRepeatableRequest('GET', undefined), true);
    assert.equal(isRepeatableRequest('PUT', undefined), true);
    assert.equal(isRepeatableRequest('POST', undefined), false);
    assert.equal(isRepeatableRequest('POST', 'key_12345678'), true);
    assert.equal(isRepeatableRequest('PATCH', undefined), false);
  });

  it('backs off exponentially with full jitter, up to the maximum', () => {
    assert.equal(
      backoffMs(1, policy, () => 1),
      300,
    );
    assert.equal(
      backoffMs(2, policy, () => 1),
      600,
    );
    assert.equal(
      backoffMs(10, policy, () => 1),
      policy.maxDelayMs,
    );
    assert.equal(
      backoffMs(3, policy, () => 0),
      0,
    );
    assert.equal(
      backoffMs(2, policy, () => 0.5),
      300,
    );
  });

  it('retries network errors, 408, 429 and 5xx; nothing else', () => {
    assert.notEqual(retryDelayMs(new PlugboardError('network', 'x'), 1, policy), null);
    for (const status of [408, 429, 500, 502, 503, 504]) {
      assert.notEqual(retryDelayMs(httpError(status), 1, policy), null, String(status));
    }
    for (const status of [400, 401, 403, 404, 409, 413, 422]) {
      assert.equal(retryDelayMs(httpError(status), 1, policy), null, String(status));
    }
    for (const code of ['timeout', 'aborted', 'malformed', 'session_expired'] as const) {
      assert.equal(retryDelayMs(new PlugboardError(code, 'x'), 1, policy), null, code);
    }
  });

  it('stops after maxAttempts', () => {
    assert.equal(retryDelayMs(httpError(503), policy.maxAttempts, policy), null);
  });

  it('waits exactly Retry-After on 429/503, and not at all past the cap', () => {
    assert.equal(retryDelayMs(httpError(429, 3), 1, policy), 3000);
    assert.equal(retryDelayMs(httpError(503, 10), 1, policy), 10_000);
    assert.equal(retryDelayMs(httpError(503, 11), 1, policy), null);
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('5', now), 5);
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:07 GMT', now), 7);
    assert.equal(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now), 0);
  });

  it('ignores missing or invalid values', () => {
    assert.equal(parseRetryAfter(null), undefined);
    assert.equal(parseRetryAfter(''), undefined);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter('-3'), undefined);
  });
});
