// The HTTP layer with the browser's own fetch against the test server: real HTML error pages,
// real refused connections, real aborts.
import { expect } from '@open-wc/testing';
import * as v from './validate.js';
import { HttpError, PlugboardError } from '../errors.js';
import { SessionTokens } from '../session-token.js';
import { createHttpClient } from './http-client.js';

function client(backendUrl: string, timeoutMs = 2_000) {
  return createHttpClient({
    backendUrl: new URL(backendUrl),
    fetch: window.fetch.bind(window),
    timeoutMs,
    tokens: new SessionTokens({ sessionToken: 'tok_browser', fetchSessionToken: undefined }),
    retryPolicy: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 },
  });
}

async function failure(promise: Promise<unknown>): Promise<PlugboardError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(PlugboardError);
    return error as PlugboardError;
  }
  throw new Error('expected a failure');
}

const anything = v.unknown();

describe('HttpClient in a browser', () => {
  it('turns the dev server 404 page into an HttpError, not a crash', async () => {
    const error = await failure(
      client(`${location.origin}/`).request({ path: '__no_such_file__', schema: anything }),
    );
    expect(error).to.be.instanceOf(HttpError);
    expect((error as HttpError).status).to.equal(404);
    expect((error as HttpError).problem.code).to.equal('not_found');
  });

  it('reports a 200 answer that is not JSON (a served script) as malformed', async () => {
    const error = await failure(
      client(`${location.origin}/`).request({
        path: 'packages/core/src/errors.ts',
        schema: anything,
      }),
    );
    expect(error.code).to.equal('malformed');
  });

  it('reports a refused connection as a network error', async () => {
    const error = await failure(
      client('http://127.0.0.1:9/').request({ path: 'v1/apps', schema: anything }),
    );
    expect(error.code).to.equal('network');
  });

  it('reports an aborted request as aborted', async () => {
    const controller = new AbortController();
    const pending = client(`${location.origin}/`).request({
      path: 'v1/apps',
      schema: anything,
      signal: controller.signal,
    });
    controller.abort();
    expect((await failure(pending)).code).to.equal('aborted');
  });
});
