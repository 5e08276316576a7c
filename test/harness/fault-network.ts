// Breaking the network between the page and the backend one request at a time: Playwright routes
// that record each call they intercept (when, with which headers) and answer it the way a failing
// server, gateway or connection would.
import { createHash } from 'node:crypto';
import { expect, type Page, type Route } from '@playwright/test';
import type { ProblemCode } from '@plugboard/contract';

export interface InterceptedCall {
  readonly method: string;
  readonly url: URL;
  /**
   * Lower-case names, as the browser sent them; `authorization` only as a digest of the token,
   * so that a failing assertion never prints a session token.
   */
  readonly headers: Readonly<Record<string, string>>;
  /** Date.now() in the test process when the route saw the request. */
  readonly at: number;
}

export interface BackendCalls {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Matched against the pathname of URLs on the backend's origin. */
  readonly path: RegExp;
  /** Narrows further, e.g. to searches: `(url) => url.searchParams.has('q')`. */
  readonly where?: (url: URL) => boolean;
}

/** Answers one intercepted call; `index` counts the calls of this interception from 0. */
export type CallHandler = (route: Route, call: InterceptedCall, index: number) => Promise<void>;

/**
 * Routes the page's calls to `backendUrl` that match `calls` through `handler` and returns the
 * list they are recorded in (in arrival order). The handler may `route.fallback()` to let a call
 * through to the real backend.
 */
export async function interceptBackend(
  page: Page,
  backendUrl: string,
  calls: BackendCalls,
  handler: CallHandler,
): Promise<InterceptedCall[]> {
  const recorded: InterceptedCall[] = [];
  // A pattern, not a predicate: Playwright then intercepts only the backend's requests, not the
  // page's module loads (over a hundred).
  await page.route(
    new RegExp(`^${escapeRegExp(new URL(backendUrl).origin)}/`),
    async (route, request) => {
      const at = Date.now();
      const url = new URL(request.url());
      const matches =
        request.method() === calls.method &&
        calls.path.test(url.pathname) &&
        (calls.where?.(url) ?? true);
      if (!matches) return route.fallback();
      const call: InterceptedCall = {
        method: request.method(),
        url,
        headers: withTokenDigest(await request.allHeaders()),
        at,
      };
      recorded.push(call);
      await handler(route, call, recorded.length - 1);
    },
  );
  return recorded;
}

function withTokenDigest(headers: Record<string, string>): Record<string, string> {
  const authorization = headers['authorization'];
  if (authorization === undefined) return headers;
  const digest = createHash('sha256').update(authorization).digest('hex').slice(0, 12);
  return { ...headers, authorization: `sha256:${digest}` };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How a route answers instead of the backend. */
export type Fulfilment = Parameters<Route['fulfill']>[0];

/**
 * What a cross-origin answer needs for the page to read it: the reference server's CORS headers
 * (a gateway in front of a CORS API sends them too), and a request id for the error's reference.
 */
function crossOriginHeaders(call: InterceptedCall): Record<string, string> {
  return {
    'access-control-allow-origin': call.headers['origin'] ?? '*',
    'access-control-expose-headers': 'ETag, X-Request-Id, Retry-After',
    'x-request-id': `req_fault_${call.at}`,
  };
}

/** An RFC 9457 problem, as the backend itself answers errors. */
export function problemAnswer(
  call: InterceptedCall,
  status: number,
  code: ProblemCode,
  opts: { retryAfterSeconds?: number } = {},
): Fulfilment {
  const retryAfter: Record<string, string> =
    opts.retryAfterSeconds === undefined ? {} : { 'retry-after': String(opts.retryAfterSeconds) };
  return {
    status,
    headers: { ...crossOriginHeaders(call), ...retryAfter },
    contentType: 'application/problem+json',
    body: JSON.stringify({
      type: 'about:blank',
      title: `Fault injected: ${code}`,
      status,
      code,
      requestId: `req_fault_${call.at}`,
    }),
  };
}

/** Any body with any content type: a proxy's HTML error page, JSON cut off mid-way. */
export function rawAnswer(
  call: InterceptedCall,
  status: number,
  contentType: string,
  body: string,
): Fulfilment {
  return { status, headers: crossOriginHeaders(call), contentType, body };
}

/** Every call carried the same Idempotency-Key: they are one logical create. */
export function expectOneIdempotencyKey(calls: readonly InterceptedCall[]): void {
  const keys = calls.map((call) => call.headers['idempotency-key']);
  expect(keys[0], 'an Idempotency-Key').toMatch(/^\S{8,}$/);
  expect(new Set(keys), 'one key for every attempt').toEqual(new Set([keys[0]]));
}
