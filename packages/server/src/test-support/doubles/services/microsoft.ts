// Microsoft identity platform and Graph, from learn.microsoft.com: tenant-scoped v2.0 authorize
// and token endpoints (client secret in the body, `AADSTS` errors), refresh tokens that replace
// themselves on every use, and Graph's /me with `{ error: { code, message } }` on a bad token.
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import { bearer, clientCredentials, form, json, routes } from '../service-double.js';
import type { DoubledService } from '../scenario.js';

export function microsoftService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: '6731de76-14a6-49ae-97bc-6eba6914391e',
      clientSecret: 'ms~secret',
      accessTtl: 3600,
      refreshTokens: true,
      rotate: true,
    },
    'eyJ0eXAi.',
  );
  const authorize = authorizeEndpoint(grants, {
    service: 'Microsoft',
    check: (params) =>
      params.get('response_mode') === 'fragment' ? 'AADSTS900144: use query' : null,
  });
  const tokenError = (status: number, error: string, code: number) =>
    json(status, {
      error,
      error_description: `AADSTS${code}: The request failed.`,
      error_codes: [code],
      timestamp: '2026-12-07 10:00:00Z',
      trace_id: '0000',
      correlation_id: '0000',
    });
  const double = routes({
    'GET login.microsoftonline.com /common/oauth2/v2.0/authorize': authorize.page,
    'POST login.microsoftonline.com /common/oauth2/v2.0/authorize': authorize.decide,
    'POST login.microsoftonline.com /common/oauth2/v2.0/token': (request) => {
      const params = form(request);
      const client = clientCredentials(request, params);
      if (!grants.checkClient(client)) return tokenError(401, 'invalid_client', 7000215);
      const grant =
        params.get('grant_type') === 'refresh_token'
          ? grants.refresh(params.get('refresh_token') ?? '')
          : grants.exchange(
              params.get('code') ?? '',
              params.get('redirect_uri'),
              params.get('code_verifier'),
            );
      if (typeof grant === 'string') return tokenError(400, 'invalid_grant', 70008);
      const offline = grant.scopes.includes('offline_access');
      return json(200, {
        token_type: 'Bearer',
        scope: grant.scopes.filter((scope) => scope !== 'offline_access').join(' '),
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: grant.accessToken,
        ...(offline ? { refresh_token: grant.refreshToken } : {}),
        id_token: 'eyJ0eXAiOiJKV1QifQ.e30.c2ln',
      });
    },
    'GET graph.microsoft.com /v1.0/me': (request) =>
      grants.access(bearer(request))
        ? json(200, {
            '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity',
            id: '48d31887-5fad-4d73-a9f5-3c356e68a038',
            displayName: 'Jane Doe',
            givenName: 'Jane',
            surname: 'Doe',
            mail: 'jane@acme.com',
            userPrincipalName: 'jane@acme.onmicrosoft.com',
          })
        : json(401, {
            error: {
              code: 'InvalidAuthenticationToken',
              message: 'Access token has expired or is not yet valid.',
            },
          }),
  });
  const host = { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret };
  return {
    double,
    scenarios: ['microsoft-teams', 'microsoft-outlook'].map((app) => ({
      app,
      host,
      oauth: { label: 'jane@acme.com', grants },
    })),
  };
}
