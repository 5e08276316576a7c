// Talks to the service on the user's behalf: "who am I" with stored credentials, and the OAuth
// token endpoint (code exchange with the PKCE verifier, refresh). Every call has a timeout.
import type { ProviderEndpoints } from './provider-endpoints.js';

const TIMEOUT_MS = 10_000;

export type ProviderCredential =
  | { type: 'bearer'; accessToken: string }
  | { type: 'api_key'; key: string }
  | { type: 'basic'; username: string; password: string };

export interface ProviderIdentity {
  id: string;
  email: string;
  name: string;
  scopes?: string[];
}

export type WhoAmIResult =
  | { outcome: 'ok'; identity: ProviderIdentity }
  | { outcome: 'rejected' }
  | { outcome: 'unreachable'; detail: string };

export interface TokenSet {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch ms, or null when the provider did not say. */
  expiresAt: number | null;
  scopes: string[];
}

export type TokenResult =
  | { outcome: 'ok'; tokens: TokenSet }
  | { outcome: 'rejected'; error: string }
  | { outcome: 'unreachable'; detail: string };

function authorizationHeaders(credential: ProviderCredential): Record<string, string> {
  switch (credential.type) {
    case 'bearer':
      return { Authorization: `Bearer ${credential.accessToken}` };
    case 'api_key':
      return { 'X-Api-Key': credential.key };
    case 'basic': {
      const pair = Buffer.from(`${credential.username}:${credential.password}`).toString('base64');
      return { Authorization: `Basic ${pair}` };
    }
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError')
    return 'The service did not answer in time.';
  return 'The service could not be reached.';
}

function isIdentity(value: unknown): value is ProviderIdentity {
  const body = value as Partial<ProviderIdentity> | null;
  return typeof body?.id === 'string' && typeof body.email === 'string';
}

export class ProviderClient {
  constructor(
    private readonly endpoints: ProviderEndpoints,
    private readonly now: () => number = Date.now,
  ) {}

  async whoAmI(credential: ProviderCredential): Promise<WhoAmIResult> {
    let response: Response;
    try {
      response = await fetch(`${this.endpoints.apiBaseUrl}/me`, {
        headers: { Accept: 'application/json', ...authorizationHeaders(credential) },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      return { outcome: 'unreachable', detail: describeFailure(error) };
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      return { outcome: 'rejected' };
    }
    const body: unknown = response.ok ? await response.json().catch(() => null) : null;
    if (!response.ok || !isIdentity(body)) {
      return { outcome: 'unreachable', detail: `The service answered ${response.status}.` };
    }
    const identity: ProviderIdentity = {
      id: body.id,
      email: body.email,
      name: body.name ?? body.email,
    };
    if (Array.isArray(body.scopes)) identity.scopes = body.scopes.map(String);
    return { outcome: 'ok', identity };
  }

  exchangeCode(code: string, codeVerifier: string, redirectUri: string): Promise<TokenResult> {
    return this.tokenRequest({
      grant_type: 'authorization_code',
      code,
      code_verifier: codeVerifier,
      redirect_uri: redirectUri,
    });
  }

  refresh(refreshToken: string): Promise<TokenResult> {
    return this.tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  private async tokenRequest(params: Record<string, string>): Promise<TokenResult> {
    const { clientId, clientSecret, tokenEndpoint } = this.endpoints;
    let response: Response;
    try {
      response = await fetch(tokenEndpoint, {
        method: 'POST',
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/x-www-form-urlencoded',
          Authorization: `Basic ${basicClientCredentials(clientId, clientSecret)}`,
        },
        body: new URLSearchParams(params),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      return { outcome: 'unreachable', detail: describeFailure(error) };
    }
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (response.status >= 500 || !body) {
      return { outcome: 'unreachable', detail: `The service answered ${response.status}.` };
    }
    if (!response.ok || typeof body.access_token !== 'string') {
      return {
        outcome: 'rejected',
        error: typeof body.error === 'string' ? body.error : 'invalid_grant',
      };
    }
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : null;
    return {
      outcome: 'ok',
      tokens: {
        accessToken: body.access_token,
        refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : null,
        expiresAt: expiresIn === null ? null : this.now() + expiresIn * 1000,
        scopes: typeof body.scope === 'string' ? body.scope.split(' ').filter(Boolean) : [],
      },
    };
  }
}

/** RFC 6749 §2.3.1: client id and secret are form-encoded before Basic encoding. */
function basicClientCredentials(clientId: string, clientSecret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64');
}
