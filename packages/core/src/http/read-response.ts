// Turns a fetch Response into typed data or a typed error. An HTML error page, an empty body or
// JSON of the wrong shape never crashes the caller: it becomes `malformed` (2xx) or an HttpError
// with a problem synthesised from the status (4xx/5xx).
import type { Problem, ProblemCode } from '@plugboard/contract';
import { HttpError, PlugboardError } from '../errors.js';
import { parseRetryAfter } from '../retry.js';
import { check, problemSchema, type Schema } from './schemas.js';

export type HttpResponse<T> =
  | {
      readonly notModified: false;
      readonly status: number;
      readonly data: T;
      readonly etag?: string;
      readonly requestId?: string;
    }
  | {
      readonly notModified: true;
      readonly status: 304;
      readonly etag?: string;
      readonly requestId?: string;
    };

export async function readResponse<T>(
  response: Response,
  schema: Schema<T>,
): Promise<HttpResponse<T>> {
  const requestId = response.headers.get('X-Request-Id') ?? undefined;
  const etag = response.headers.get('ETag') ?? undefined;
  if (response.status === 304) return { notModified: true, status: 304, etag, requestId };
  if (!response.ok) throw await httpErrorFrom(response, requestId);

  const body = response.status === 204 ? undefined : await readJson(response, requestId);
  const checked = check(schema, body);
  if (!checked.ok) {
    throw new PlugboardError('malformed', `Unexpected response shape: ${checked.issues}`, {
      requestId,
    });
  }
  return { notModified: false, status: response.status, data: checked.value, etag, requestId };
}

async function readJson(response: Response, requestId: string | undefined): Promise<unknown> {
  const contentType = response.headers.get('Content-Type') ?? '';
  const text = await response.text();
  if (!isJsonContentType(contentType)) {
    throw new PlugboardError(
      'malformed',
      `Expected JSON but got ${contentType.split(';')[0] || 'no content type'}.`,
      { requestId },
    );
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new PlugboardError('malformed', 'The response is not valid JSON.', { requestId, cause });
  }
}

async function httpErrorFrom(
  response: Response,
  headerRequestId: string | undefined,
): Promise<HttpError> {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  let problem: Problem | undefined;
  if (isJsonContentType(response.headers.get('Content-Type') ?? '')) {
    try {
      const checked = check(problemSchema, JSON.parse(await response.text()));
      if (checked.ok) problem = checked.value;
    } catch {
      // An unreadable error body still is an HTTP error: fall back to the status below.
    }
  }
  problem ??= problemFromStatus(response.status, response.statusText, headerRequestId);
  return new HttpError(problem, { requestId: headerRequestId ?? problem.requestId, retryAfter });
}

/** A problem for error answers that carry none (a proxy's HTML page, an empty body). */
export function problemFromStatus(status: number, statusText: string, requestId = ''): Problem {
  return {
    type: 'about:blank',
    title: statusText || `HTTP ${status}`,
    status,
    code: codeForStatus(status),
    requestId,
  };
}

function codeForStatus(status: number): ProblemCode {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 404:
      return 'not_found';
    case 413:
      return 'payload_too_large';
    case 429:
      return 'rate_limited';
    default:
      return status >= 500 ? 'internal_error' : 'bad_request';
  }
}

function isJsonContentType(contentType: string): boolean {
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}
