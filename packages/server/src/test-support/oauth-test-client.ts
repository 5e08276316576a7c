// What the demo provider's tests need from an OAuth client: a registered client, PKCE pairs,
// authorization URLs and token requests. Used by tests only.
import { createHash, randomBytes } from 'node:crypto';

import type { DemoProvider } from '../demo-provider/index.js';

export const TEST_CLIENT = {
  clientId: 'plugboard-test',
  clientSecret: 'test-secret-that-is-long-enough',
  redirectUris: ['http://127.0.0.1:9/oauth/callback'],
};

export interface PkcePair {
  verifier: string;
  challenge: string;
}

export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

export function buildAuthorizeUrl(
  provider: DemoProvider,
  scope: string,
  pkce: PkcePair,
  extraParams: Record<string, string> = {},
): string {
  const url = new URL(provider.authorizationEndpoint);
  url.search = new URLSearchParams({
    client_id: TEST_CLIENT.clientId,
    redirect_uri: TEST_CLIENT.redirectUris[0] ?? '',
    response_type: 'code',
    scope,
    state: randomBytes(8).toString('hex'),
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    ...extraParams,
  }).toString();
  return url.toString();
}

export interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
}

type ClientAuthentication = 'client_secret_basic' | 'client_secret_post';

export async function requestToken(
  provider: DemoProvider,
  params: Record<string, string>,
  authentication: ClientAuthentication = 'client_secret_basic',
): Promise<TokenResponse> {
  const form = new URLSearchParams(params);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (authentication === 'client_secret_basic') {
    const credentials = `${encodeURIComponent(TEST_CLIENT.clientId)}:${encodeURIComponent(TEST_CLIENT.clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
  } else {
    form.set('client_id', TEST_CLIENT.clientId);
    form.set('client_secret', TEST_CLIENT.clientSecret);
  }
  const response = await fetch(provider.tokenEndpoint, { method: 'POST', headers, body: form });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export function exchangeCode(
  provider: DemoProvider,
  code: string,
  verifier: string,
  authentication?: ClientAuthentication,
): Promise<TokenResponse> {
  return requestToken(
    provider,
    {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: TEST_CLIENT.redirectUris[0] ?? '',
    },
    authentication,
  );
}

export async function getMe(
  provider: DemoProvider,
  headers: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${provider.apiBaseUrl}/me`, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
