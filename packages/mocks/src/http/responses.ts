// Response builders: every answer carries `X-Request-Id`, every error is problem+json with a
// stable code and the same request id in its body.
import type { Problem, ProblemCode } from '@plugboard/contract';
import { HttpResponse } from 'msw';

const titles: Record<ProblemCode, string> = {
  bad_request: 'The request is not valid',
  validation_failed: 'Some fields need attention',
  credentials_rejected: 'The service did not accept these credentials',
  duplicate_account: 'This account is already connected',
  unauthorized: 'Not signed in',
  session_expired: 'The session has expired',
  forbidden_origin: 'This page is not allowed to use the backend',
  app_not_allowed: 'This app is not available here',
  not_found: 'Not found',
  idempotency_key_required: 'An Idempotency-Key header is required',
  idempotency_conflict: 'This Idempotency-Key was used for another request',
  payload_too_large: 'The request is too large',
  rate_limited: 'Too many requests',
  provider_unavailable: 'The service is not available right now',
  provider_error: 'The service answered with an error',
  internal_error: 'Something went wrong on our side',
};

export type ProblemExtras = Partial<Pick<Problem, 'errors' | 'existingConnection' | 'retryAfter'>>;

export function jsonResponse(
  requestId: string,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': requestId, ...headers },
  });
}

export function emptyResponse(
  requestId: string,
  status: 204 | 304 | 202,
  headers: Record<string, string> = {},
): Response {
  return new HttpResponse(null, { status, headers: { 'X-Request-Id': requestId, ...headers } });
}

function problemBody(
  requestId: string,
  status: number,
  code: ProblemCode,
  detail?: string,
  extras: ProblemExtras = {},
): Problem {
  return {
    type: `urn:plugboard:problem:${code}`,
    title: titles[code],
    status,
    code,
    requestId,
    ...(detail === undefined ? {} : { detail }),
    ...extras,
  };
}

/** A response as data, so an idempotent create can store and replay it. */
export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function problemAnswer(
  requestId: string,
  status: number,
  code: ProblemCode,
  detail?: string,
  extras: ProblemExtras = {},
): Answer {
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
  if (extras.retryAfter !== undefined) headers['Retry-After'] = String(extras.retryAfter);
  return { status, headers, body: problemBody(requestId, status, code, detail, extras) };
}

export function toResponse(requestId: string, answer: Answer): Response {
  const headers = { 'X-Request-Id': requestId, ...answer.headers };
  if (answer.body === undefined) return new HttpResponse(null, { status: answer.status, headers });
  return new HttpResponse(JSON.stringify(answer.body), {
    status: answer.status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function problemResponse(
  requestId: string,
  status: number,
  code: ProblemCode,
  detail?: string,
  extras: ProblemExtras = {},
): Response {
  return toResponse(requestId, problemAnswer(requestId, status, code, detail, extras));
}

export function htmlResponse(
  status: number,
  html: string,
  headers: Record<string, string> = {},
): Response {
  return new HttpResponse(html, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers },
  });
}

/** Reads a JSON body; `undefined` when it is missing or not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
