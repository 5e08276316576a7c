// The one error type handlers throw; the error handler turns it into application/problem+json.
import type { Connection, FieldError, ProblemCode } from '@plugboard/contract';

const TITLES: Record<ProblemCode, string> = {
  bad_request: 'The request is malformed',
  validation_failed: 'Some fields need attention',
  credentials_rejected: 'The service rejected these credentials',
  duplicate_account: 'This account is already connected',
  unauthorized: 'Missing or invalid credentials',
  session_expired: 'The session has expired',
  forbidden_origin: 'This origin is not allowed',
  app_not_allowed: 'This app is not available here',
  not_found: 'Not found',
  idempotency_key_required: 'An Idempotency-Key header is required',
  idempotency_conflict: 'This Idempotency-Key was used with another request',
  payload_too_large: 'The request body is too large',
  rate_limited: 'Too many attempts',
  provider_unavailable: 'The service is unavailable',
  provider_error: 'The service answered with an error',
  internal_error: 'Something went wrong on our side',
};

export interface ApiErrorExtras {
  errors?: FieldError[];
  existingConnection?: Connection;
  retryAfter?: number;
}

export class ApiError extends Error {
  readonly title: string;

  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly extras: ApiErrorExtras = {},
  ) {
    super(detail ?? TITLES[code]);
    this.name = 'ApiError';
    this.title = TITLES[code];
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} was not found.`);
