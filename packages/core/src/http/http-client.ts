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
import { noContentSchema, type Schema } from './schemas.js';

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

/** What every request names: where, and what ends it. */
type RequestTarget = Pick<HttpRequest<unknown>, 'path' | 'query' | 'signal' | 'timeoutMs'>;

/** A long-lived `text/event-stream` answer (GET only, never retried here: the caller reconnects). */
export interface StreamRequest {
  readonly path: string;
  /** Sent as `Last-Event-ID`, so the backend replays what the last stream missed. */
  readonly lastEventId?: string;
  /** Ends the stream too, not only the wait for its headers. */
  readonly signal: AbortSignal;
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
  /**
   * Opens a stream with the session token (refreshed once on 401, as every request is) and
   * returns the 2xx response whose body the caller reads; the timeout covers the headers only.
   * A non-stream content type (a proxy's page) is `malformed`.
   */
  openStream(request: StreamRequest): Promise<Response>;
}

export type { HttpResponse };

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? abortableSleep;

  /** Sends with the current token; after a 401, once more with a refreshed one. */
  async function withSession<R>(
    signal: AbortSignal | undefined,
    send: (token: string) => Promise<R>,
    retryDelay: (error: PlugboardError, retry: number) => number | null,
  ): Promise<R> {
    let retry = 0;
    let replayedAfter401 = false;
    for (;;) {
      if (signal?.aborted) throw abortedError(signal);
      const token = await options.tokens.current();
      try {
        return await send(token);
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
        const delay = retryDelay(error, retry);
        if (delay === null) throw error;
        await sleep(delay, signal);
      }
    }
  }

  function request<T>(req: HttpRequest<T>): Promise<HttpResponse<T>> {
    const method = req.method ?? 'GET';
    const repeatable = isRepeatableRequest(method, req.idempotencyKey);
    return withSession(
      req.signal,
      (token) =>
        exchange(req, {
          method,
          headers: buildHeaders(req, token),
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
          read: (response) => readResponse(response, req.schema),
        }),
      (error, retry) => (repeatable ? retryDelayMs(error, retry, policy, random) : null),
    );
  }

  function openStream(req: StreamRequest): Promise<Response> {
    return withSession(
      req.signal,
      (token) => {
        const headers = new Headers({
          Accept: 'text/event-stream',
          Authorization: `Bearer ${token}`,
        });
        if (req.lastEventId) headers.set('Last-Event-ID', req.lastEventId);
        return exchange(req, { method: 'GET', headers, read: checkStream, streams: true });
      },
      () => null,
    );
  }

  /**
   * One fetch under the timeout and the caller's signal. `read` runs under both too; for a stream
   * the timeout stops once the headers are in, and the caller's signal keeps ending the body.
   */
  async function exchange<R>(
    req: RequestTarget,
    init: {
      method: HttpMethod;
      headers: Headers;
      body?: string;
      read: (response: Response) => Promise<R>;
      streams?: boolean;
    },
  ): Promise<R> {
    const { controller, dispose } = linkedController([req.signal]);
    const timeoutMs = req.timeoutMs ?? options.timeoutMs;
    let timedOut = false;
    let keepLinked = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await options.fetch(buildUrl(options.backendUrl, req), {
        method: init.method,
        headers: init.headers,
        body: init.body,
        // The session token is the only credential: no cookies, ever.
        credentials: 'omit',
        signal: controller.signal,
      });
      if (init.streams) clearTimeout(timer);
      const result = await init.read(response);
      // The body is still to be read: the caller's signal must go on reaching the fetch.
      keepLinked = init.streams === true;
      return result;
    } catch (error) {
      if (error instanceof PlugboardError) throw error;
      if (timedOut) {
        throw new PlugboardError('timeout', `No answer within ${timeoutMs} ms.`, { cause: error });
      }
      if (req.signal?.aborted) throw abortedError(req.signal);
      throw new PlugboardError('network', 'The backend could not be reached.', { cause: error });
    } finally {
      clearTimeout(timer);
      if (!keepLinked) dispose();
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

  return { request, requestData, openStream };
}

/** A 2xx `text/event-stream` answer passes; an error answer becomes its HttpError. */
async function checkStream(response: Response): Promise<Response> {
  if (!response.ok) {
    await readResponse(response, noContentSchema);
  }
  const mediaType = response.headers.get('Content-Type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'text/event-stream' || !response.body) {
    void response.body?.cancel().catch(() => undefined);
    throw new PlugboardError(
      'malformed',
      `Expected an event stream, got ${mediaType ?? 'no content type'}.`,
      {
        requestId: response.headers.get('X-Request-Id') ?? undefined,
      },
    );
  }
  return response;
}

function buildUrl(backendUrl: URL, req: RequestTarget): URL {
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
