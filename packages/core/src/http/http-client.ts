// The one place that talks to the backend: auth header, no cookies, timeout and abort on every
// call, retries for repeatable requests, one shared token refresh on 401, typed errors.
import { abortedError, linkedController, sleep as abortableSleep } from '../abort.js';
import { HttpError, PlugboardError, toPlugboardError } from '../errors.js';
import {
  DEFAULT_RETRY_POLICY,
  isRepeatableRequest,
  retryDelayMs,
  type RetryPolicy,
} from '../retry.js';
import type { SessionTokens } from '../session-token.js';
import { readResponse, type HttpResponse } from './read-response.js';
import type { Schema } from './schemas.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest<T> {
  readonly method?: HttpMethod;
  /** Relative to the backend URL, e.g. 'v1/apps'. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
  readonly idempotencyKey?: string;
  readonly ifNoneMatch?: string;
  readonly signal?: AbortSignal;
  /** Overrides the client's per-request timeout (long-polls need more). */
  readonly timeoutMs?: number;
  readonly schema: Schema<T>;
}

export interface HttpClientOptions {
  readonly backendUrl: URL;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly tokens: SessionTokens;
  readonly retryPolicy?: RetryPolicy;
  /** Injected by tests to make backoff deterministic. */
  readonly random?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface HttpClient {
  /** The full answer, including 304 Not Modified when `ifNoneMatch` was sent. */
  request<T>(request: HttpRequest<T>): Promise<HttpResponse<T>>;
  /** Just the validated body, for requests that cannot answer 304. */
  requestData<T>(request: HttpRequest<T>): Promise<T>;
}

export type { HttpResponse };

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? abortableSleep;

  async function request<T>(req: HttpRequest<T>): Promise<HttpResponse<T>> {
    const method = req.method ?? 'GET';
    const repeatable = isRepeatableRequest(method, req.idempotencyKey);
    let retry = 0;
    let replayedAfter401 = false;
    for (;;) {
      if (req.signal?.aborted) throw abortedError(req.signal);
      const token = await options.tokens.current();
      try {
        return await sendOnce(req, method, token);
      } catch (caught) {
        const error = toPlugboardError(caught);
        if (error instanceof HttpError && error.status === 401) {
          // A replayed request that is still refused means the session really is over.
          if (replayedAfter401) throw sessionExpired(error);
          replayedAfter401 = true;
          await options.tokens.refresh(token, error.requestId);
          continue;
        }
        retry += 1;
        const delay = repeatable ? retryDelayMs(error, retry, policy, random) : null;
        if (delay === null) throw error;
        await sleep(delay, req.signal);
      }
    }
  }

  async function sendOnce<T>(
    req: HttpRequest<T>,
    method: HttpMethod,
    token: string,
  ): Promise<HttpResponse<T>> {
    const { controller, dispose } = linkedController([req.signal]);
    const timeoutMs = req.timeoutMs ?? options.timeoutMs;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await options.fetch(buildUrl(options.backendUrl, req), {
        method,
        headers: buildHeaders(req, token),
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        // The session token is the only credential: no cookies, ever.
        credentials: 'omit',
        signal: controller.signal,
      });
      // Reading the body stays under the same timeout and abort signal.
      return await readResponse(response, req.schema);
    } catch (error) {
      if (error instanceof PlugboardError) throw error;
      if (timedOut) {
        throw new PlugboardError('timeout', `No answer within ${timeoutMs} ms.`, { cause: error });
      }
      if (req.signal?.aborted) throw abortedError(req.signal);
      throw new PlugboardError('network', 'The backend could not be reached.', { cause: error });
    } finally {
      clearTimeout(timer);
      dispose();
    }
  }

  async function requestData<T>(req: HttpRequest<T>): Promise<T> {
    const response = await request(req);
    if (response.notModified) {
      throw new PlugboardError('malformed', 'Unexpected 304 Not Modified.', {
        requestId: response.requestId,
      });
    }
    return response.data;
  }

  return { request, requestData };
}

function buildUrl(backendUrl: URL, req: HttpRequest<unknown>): URL {
  const url = new URL(req.path.replace(/^\//, ''), backendUrl);
  for (const [name, value] of Object.entries(req.query ?? {})) {
    if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
  }
  return url;
}

function buildHeaders(req: HttpRequest<unknown>, token: string): Headers {
  const headers = new Headers({ Accept: 'application/json', Authorization: `Bearer ${token}` });
  if (req.body !== undefined) headers.set('Content-Type', 'application/json');
  if (req.idempotencyKey !== undefined) headers.set('Idempotency-Key', req.idempotencyKey);
  if (req.ifNoneMatch !== undefined) headers.set('If-None-Match', req.ifNoneMatch);
  return headers;
}

function sessionExpired(error: HttpError): PlugboardError {
  return new PlugboardError('session_expired', 'The session has expired.', {
    requestId: error.requestId,
    cause: error,
  });
}
