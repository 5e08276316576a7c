// The provider's authorization request (RFC 6749 §4.1.1 with PKCE S256, RFC 7636), built when the
// browser opens the flow's start URL.
import type { ProviderEndpoints } from '../provider/provider-endpoints.js';
import { codeChallengeS256 } from './pkce.js';

/** Asked for on every flow: `openid` for the identity, `offline_access` for a refresh token. */
const BASE_SCOPES = ['openid', 'email', 'profile', 'offline_access'];

export function providerAuthorizeUrl(input: {
  endpoints: ProviderEndpoints;
  redirectUri: string;
  /** The app's own scopes, asked for after the base ones. */
  scopes: string[];
  state: string;
  codeVerifier: string;
}): string {
  const url = new URL(input.endpoints.authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: input.endpoints.clientId,
    redirect_uri: input.redirectUri,
    scope: [...BASE_SCOPES, ...input.scopes].join(' '),
    state: input.state,
    code_challenge: codeChallengeS256(input.codeVerifier),
    code_challenge_method: 'S256',
    // Consent every time: the user reviews the access, and refresh tokens need it.
    prompt: 'consent',
  }).toString();
  return url.toString();
}
