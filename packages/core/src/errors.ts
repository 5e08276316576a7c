// Every failure core reports is a PlugboardError with a stable `code`, so UI code can switch on
// `error.code` (and, for HTTP errors, on `error.problem.code`) instead of parsing messages.
import type { Problem } from '@plugboard/contract';

export type PlugboardErrorCode =
  | 'config'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'http'
  | 'malformed'
  | 'session_expired'
  | 'popup_blocked'
  | 'popup_closed'
  | 'flow_failed'
  | 'flow_timeout'
  | 'flow_expired'
  /** Something threw that is not one of ours: a bug, not a network problem. */
  | 'unexpected';

export interface PlugboardErrorOptions {
  requestId?: string | undefined;
  cause?: unknown;
}

export class PlugboardError extends Error {
  override name = 'PlugboardError';
  readonly code: PlugboardErrorCode;
  /** The backend's request id (X-Request-Id header or problem.requestId), for support. */
  readonly requestId: string | undefined;

  constructor(code: PlugboardErrorCode, message: string, options: PlugboardErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.requestId = options.requestId;
  }
}

/** Invalid configuration: thrown at once by `configure()` / `getClient()`, never retried. */
export class ConfigError extends PlugboardError {
  override name = 'ConfigError';
  constructor(message: string) {
    super('config', message);
  }
}

/** The backend answered with an error status. `problem` is always filled (synthesised when the
 *  body was not problem+json, e.g. a proxy's HTML error page). */
export class HttpError extends PlugboardError {
  override name = 'HttpError';
  readonly status: number;
  readonly problem: Problem;
  /** Seconds the backend asked us to wait (Retry-After header or problem.retryAfter). */
  readonly retryAfter: number | undefined;

  constructor(problem: Problem, options: PlugboardErrorOptions & { retryAfter?: number } = {}) {
    super('http', problem.detail ?? problem.title, {
      requestId: options.requestId ?? problem.requestId,
      cause: options.cause,
    });
    this.status = problem.status;
    this.problem = problem;
    this.retryAfter = options.retryAfter ?? problem.retryAfter;
  }
}

export function isPlugboardError(value: unknown): value is PlugboardError {
  return value instanceof PlugboardError;
}

/**
 * Turns anything thrown into a PlugboardError, keeping the original as `cause`. The HTTP layer
 * labels its own failures (network, timeout…); anything else that reaches here is `unexpected`,
 * so a programming error never reads as being offline.
 */
export function toPlugboardError(value: unknown): PlugboardError {
  if (value instanceof PlugboardError) return value;
  if (isAbortError(value))
    return new PlugboardError('aborted', 'The request was cancelled.', { cause: value });
  const message = value instanceof Error ? value.message : 'Unexpected error.';
  return new PlugboardError('unexpected', message, { cause: value });
}

function isAbortError(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    'name' in value &&
    (value.name === 'AbortError' || (value instanceof PlugboardError && value.code === 'aborted'))
  );
}
