// When and how long to wait before retrying a request. Only requests that are safe to repeat are
// retried (GETs, and POSTs carrying an Idempotency-Key, which the backend deduplicates); only
// failures that a retry can fix qualify (network errors, 408, 429, 5xx). Other 4xx never are.
import { HttpError, type PlugboardError } from './errors.js';

export interface RetryPolicy {
  /** Attempts in total, the first one included. */
  readonly maxAttempts: number;
  /** First backoff ceiling; doubles on each retry (exponential backoff, full jitter). */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error goes to the UI at once. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 10_000,
};

const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const STATUSES_WITH_RETRY_AFTER = new Set([429, 503]);

export function isRepeatableRequest(method: string, idempotencyKey: string | undefined): boolean {
  // PUT replaces the whole resource, so sending it twice leaves the same state (RFC 9110 §9.2.2).
  return method === 'GET' || method === 'PUT' || idempotencyKey !== undefined;
}

/**
 * The delay before retry number `retry` (1 for the first retry) of a repeatable request that
 * failed with `error`, or null when it must not be retried.
 */
export function retryDelayMs(
  error: PlugboardError,
  retry: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | null {
  if (retry >= policy.maxAttempts) return null;
  if (error.code === 'network') return backoffMs(retry, policy, random);
  if (!(error instanceof HttpError) || !RETRYABLE_STATUSES.has(error.status)) return null;
  if (STATUSES_WITH_RETRY_AFTER.has(error.status) && error.retryAfter !== undefined) {
    const waitMs = error.retryAfter * 1000;
    return waitMs <= policy.maxRetryAfterMs ? waitMs : null;
  }
  return backoffMs(retry, policy, random);
}

/** Full jitter: a random wait up to an exponentially growing ceiling, so clients that failed
 *  together do not retry together. */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(random() * ceiling);
}

/** Retry-After is either delay-seconds or an HTTP date; returns whole seconds, or undefined. */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // An HTTP date always names its day and month; this keeps numbers like "-3" from parsing.
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
