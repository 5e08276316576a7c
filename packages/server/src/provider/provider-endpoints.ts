/** Where the server reaches the (demo) provider, and the OAuth client it is registered as. */
export interface ProviderEndpoints {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** RFC 7009 revocation, called on disconnect (optional). */
  revocationEndpoint?: string;
  /** Base of the provider's API; `GET {apiBaseUrl}/me` says who the credentials belong to. */
  apiBaseUrl: string;
  clientId: string;
  clientSecret: string;
}
