// An HttpClient wired to a fake fetch, with instant, recorded sleeps and deterministic jitter.
import { createHttpClient, type HttpClient } from '../http/http-client.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry.js';
import { SessionTokens } from '../session-token.js';
import { fakeFetch, type FetchHandler } from './fake-fetch.js';

export interface TestHttp {
  readonly http: HttpClient;
  readonly requests: Request[];
  /** Every backoff the client waited, in ms. */
  readonly sleeps: number[];
  readonly tokenFetches: () => number;
}

export function testHttp(
  handler: FetchHandler,
  options: {
    sessionToken?: string;
    fetchSessionToken?: () => Promise<string>;
    timeoutMs?: number;
    retryPolicy?: RetryPolicy;
  } = {},
): TestHttp {
  const { fetch, requests } = fakeFetch(handler);
  const sleeps: number[] = [];
  let tokenFetches = 0;
  const fetchSessionToken = options.fetchSessionToken;
  const http = createHttpClient({
    backendUrl: new URL('https://api.example.test/'),
    fetch,
    timeoutMs: options.timeoutMs ?? 1_000,
    tokens: new SessionTokens({
      sessionToken: 'sessionToken' in options ? options.sessionToken : 'tok_initial',
      fetchSessionToken: fetchSessionToken
        ? () => {
            tokenFetches += 1;
            return fetchSessionToken();
          }
        : undefined,
    }),
    retryPolicy: options.retryPolicy ?? DEFAULT_RETRY_POLICY,
    random: () => 1,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { http, requests, sleeps, tokenFetches: () => tokenFetches };
}
