// A scriptable `fetch` for unit tests: every call is recorded as a Request, and a handler decides
// the answer. Test-only; excluded from the published package.
import type { Problem, ProblemCode } from '@plugboard/contract';

export type FetchHandler = (request: Request, call: number) => Response | Promise<Response>;

export interface FakeFetch {
  readonly fetch: typeof fetch;
  readonly requests: Request[];
}

export function fakeFetch(handler: FetchHandler): FakeFetch {
  const requests: Request[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    requests.push(request);
    init?.signal?.throwIfAborted();
    return handler(request, requests.length);
  };
  return { fetch: fetchImpl as typeof fetch, requests };
}

export function jsonResponse(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'req_test', ...init.headers },
  });
}

export function problemResponse(
  status: number,
  code: ProblemCode,
  extra: Partial<Problem> & { headers?: Record<string, string> } = {},
): Response {
  const { headers, ...fields } = extra;
  const problem: Problem = {
    type: 'about:blank',
    title: code,
    status,
    code,
    requestId: `req_${status}`,
    ...fields,
  };
  return new Response(JSON.stringify(problem), {
    status,
    headers: {
      'Content-Type': 'application/problem+json',
      'X-Request-Id': `req_${status}`,
      ...headers,
    },
  });
}

/** Never answers; rejects like fetch does when the request's signal aborts. */
export function hangUntilAborted(request: Request): Promise<Response> {
  return new Promise((_resolve, reject) => {
    request.signal.addEventListener(
      'abort',
      () => reject(new DOMException('Aborted', 'AbortError')),
      {
        once: true,
      },
    );
  });
}

export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
