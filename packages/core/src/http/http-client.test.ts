import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as v from './validate.js';
import { HttpError, PlugboardError } from '../errors.js';
import {
  deferred,
  hangUntilAborted,
  jsonResponse,
  problemResponse,
} from '../testing/fake-fetch.js';
import { testHttp } from '../testing/test-http.js';
import { noContentSchema } from './schemas.js';

const okSchema = v.object({ ok: v.boolean() });
const get = { path: 'v1/thing', schema: okSchema } as const;

async function failure(promise: Promise<unknown>): Promise<PlugboardError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof PlugboardError, `expected a PlugboardError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the request to fail');
}

describe('HttpClient requests', () => {
  it('sends the bearer token, Accept JSON, no cookies, JSON body, under the backend URL', async () => {
    const { http, requests } = testHttp(() => jsonResponse({ ok: true }, { status: 201 }));
    const response = await http.request({
      method: 'POST',
      path: 'v1/thing',
      query: { q: 'a b', empty: undefined },
      body: { name: 'x' },
      schema: okSchema,
    });
    assert.deepEqual(response, {
      notModified: false,
      status: 201,
      data: { ok: true },
      etag: undefined,
      requestId: 'req_test',
    });
    const [request] = requests;
    assert.ok(request);
    assert.equal(request.url, 'https://api.example.test/v1/thing?q=a+b');
    assert.equal(request.headers.get('Authorization'), 'Bearer tok_initial');
    assert.equal(request.headers.get('Accept'), 'application/json');
    assert.equal(request.headers.get('Content-Type'), 'application/json');
    assert.equal(request.credentials, 'omit');
    assert.deepEqual(await request.json(), { name: 'x' });
  });

  it('accepts 204 with no body', async () => {
    const { http } = testHttp(() => new Response(null, { status: 204 }));
    const data = await http.requestData({
      method: 'DELETE',
      path: 'v1/x',
      schema: noContentSchema,
    });
    assert.equal(data, undefined);
  });
});

describe('HttpClient error mapping', () => {
  it('maps a fetch rejection to `network`', async () => {
    const { http } = testHttp(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await failure(http.request({ ...get, method: 'POST' }));
    assert.equal(error.code, 'network');
  });

  it('maps a request that outlives its timeout to `timeout`', async () => {
    const { http } = testHttp(hangUntilAborted, { timeoutMs: 20 });
    const error = await failure(http.request(get));
    assert.equal(error.code, 'timeout');
  });

  it('maps the caller aborting to `aborted`', async () => {
    const { http } = testHttp(hangUntilAborted);
    const controller = new AbortController();
    const pending = http.request({ ...get, signal: controller.signal });
    controller.abort();
    assert.equal((await failure(pending)).code, 'aborted');
  });

  it('maps problem+json to an HttpError with the problem fields and the request id', async () => {
    const { http } = testHttp(() =>
      problemResponse(422, 'validation_failed', {
        detail: 'Check the key.',
        errors: [{ field: 'apiKey', code: 'pattern', message: 'Wrong format' }],
      }),
    );
    const error = await failure(http.request({ ...get, method: 'POST' }));
    assert.ok(error instanceof HttpError);
    assert.equal(error.code, 'http');
    assert.equal(error.status, 422);
    assert.equal(error.problem.code, 'validation_failed');
    assert.equal(error.problem.errors?.[0]?.field, 'apiKey');
    assert.equal(error.message, 'Check the key.');
    assert.equal(error.requestId, 'req_422');
  });

  it('turns an HTML error page into an HttpError with a synthesised problem', async () => {
    const { http } = testHttp(
      () =>
        new Response('<html><body>Bad gateway</body></html>', {
          status: 502,
          statusText: 'Bad Gateway',
          headers: { 'Content-Type': 'text/html', 'X-Request-Id': 'req_proxy' },
        }),
    );
    const error = await failure(http.request({ ...get, method: 'POST' }));
    assert.ok(error instanceof HttpError);
    assert.equal(error.status, 502);
    assert.equal(error.problem.code, 'internal_error');
    assert.equal(error.requestId, 'req_proxy');
  });

  it('maps an HTML page with status 200 to `malformed`', async () => {
    const { http } = testHttp(
      () =>
        new Response('<!doctype html><p>Login</p>', { headers: { 'Content-Type': 'text/html' } }),
    );
    assert.equal((await failure(http.request(get))).code, 'malformed');
  });

  it('maps invalid JSON to `malformed`', async () => {
    const { http } = testHttp(
      () => new Response('{"ok": tru', { headers: { 'Content-Type': 'application/json' } }),
    );
    assert.equal((await failure(http.request(get))).code, 'malformed');
  });

  it('maps JSON of the wrong shape to `malformed`, keeping the request id', async () => {
    const { http } = testHttp(() => jsonResponse({ ok: 'yes' }));
    const error = await failure(http.request(get));
    assert.equal(error.code, 'malformed');
    assert.equal(error.requestId, 'req_test');
    assert.match(error.message, /ok/);
  });
});

describe('HttpClient retries', () => {
  it('retries a GET on 503 with exponential backoff, then succeeds', async () => {
    const { http, requests, sleeps } = testHttp((_request, call) =>
      call < 3 ? problemResponse(503, 'provider_unavailable') : jsonResponse({ ok: true }),
    );
    const data = await http.requestData(get);
    assert.deepEqual(data, { ok: true });
    assert.equal(requests.length, 3);
    assert.deepEqual(sleeps, [300, 600]); // random() = 1: the full ceiling
  });

  it('retries network failures of a GET and gives up after three attempts', async () => {
    const { http, requests } = testHttp(() => Promise.reject(new TypeError('offline')));
    assert.equal((await failure(http.request(get))).code, 'network');
    assert.equal(requests.length, 3);
  });

  it('honours Retry-After on 429', async () => {
    const { http, sleeps } = testHttp((_request, call) =>
      call === 1
        ? problemResponse(429, 'rate_limited', { headers: { 'Retry-After': '2' } })
        : jsonResponse({ ok: true }),
    );
    await http.request(get);
    assert.deepEqual(sleeps, [2000]);
  });

  it('does not wait for a Retry-After beyond the cap: the error carries it instead', async () => {
    const { http, requests, sleeps } = testHttp(() =>
      problemResponse(503, 'provider_unavailable', { headers: { 'Retry-After': '60' } }),
    );
    const error = await failure(http.request(get));
    assert.ok(error instanceof HttpError);
    assert.equal(error.retryAfter, 60);
    assert.equal(requests.length, 1);
    assert.deepEqual(sleeps, []);
  });

  for (const status of [400, 403, 404, 409, 422] as const) {
    it(`never retries a ${status}`, async () => {
      const { http, requests } = testHttp(() => problemResponse(status, 'bad_request'));
      await failure(http.request(get));
      assert.equal(requests.length, 1);
    });
  }

  it('does not retry a POST without an Idempotency-Key', async () => {
    const { http, requests } = testHttp(() => problemResponse(503, 'provider_unavailable'));
    await failure(http.request({ ...get, method: 'POST', body: {} }));
    assert.equal(requests.length, 1);
  });

  it('retries a POST with an Idempotency-Key, sending the same key every time', async () => {
    const { http, requests } = testHttp((_request, call) =>
      call < 3 ? problemResponse(502, 'internal_error') : jsonResponse({ ok: true }),
    );
    await http.request({ ...get, method: 'POST', body: {}, idempotencyKey: 'key_12345678' });
    assert.equal(requests.length, 3);
    assert.deepEqual(
      requests.map((request) => request.headers.get('Idempotency-Key')),
      ['key_12345678', 'key_12345678', 'key_12345678'],
    );
  });

  it('does not retry a timeout', async () => {
    const { http, requests } = testHttp(hangUntilAborted, { timeoutMs: 10 });
    await failure(http.request(get));
    assert.equal(requests.length, 1);
  });
});

describe('HttpClient session refresh', () => {
  it('refreshes once for three concurrent 401s, then replays each request once', async () => {
    const tokenGate = deferred<string>();
    const { http, requests, tokenFetches } = testHttp(
      (request) =>
        request.headers.get('Authorization') === 'Bearer tok_fresh'
          ? jsonResponse({ ok: true })
          : problemResponse(401, 'session_expired'),
      { fetchSessionToken: () => tokenGate.promise },
    );
    const all = Promise.all([http.request(get), http.request(get), http.request(get)]);
    // Let all three 401s arrive before the new token does.
    await new Promise((resolve) => setTimeout(resolve, 10));
    tokenGate.resolve('tok_fresh');
    const responses = await all;
    assert.equal(responses.length, 3);
    assert.equal(tokenFetches(), 1);
    assert.equal(requests.length, 6);
    assert.equal(
      requests.filter((request) => request.headers.get('Authorization') === 'Bearer tok_fresh')
        .length,
      3,
    );
  });

  it('reports session_expired when the replayed request gets a second 401', async () => {
    const { http, requests, tokenFetches } = testHttp(
      () => problemResponse(401, 'session_expired'),
      {
        fetchSessionToken: async () => 'tok_fresh',
      },
    );
    const error = await failure(http.request(get));
    assert.equal(error.code, 'session_expired');
    assert.equal(error.requestId, 'req_401');
    assert.equal(tokenFetches(), 1);
    assert.equal(requests.length, 2);
  });

  it('reports session_expired at once without fetchSessionToken', async () => {
    const { http, requests } = testHttp(() => problemResponse(401, 'unauthorized'));
    assert.equal((await failure(http.request(get))).code, 'session_expired');
    assert.equal(requests.length, 1);
  });

  it('fetches the first token when only fetchSessionToken is configured', async () => {
    const { http, requests, tokenFetches } = testHttp(() => jsonResponse({ ok: true }), {
      sessionToken: undefined,
      fetchSessionToken: async () => 'tok_first',
    });
    await Promise.all([http.request(get), http.request(get)]);
    assert.equal(tokenFetches(), 1);
    assert.equal(requests[0]?.headers.get('Authorization'), 'Bearer tok_first');
  });
});
