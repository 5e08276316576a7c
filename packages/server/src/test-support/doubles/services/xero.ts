// Xero, from developer.xero.com: OpenID Connect authorize at login.xero.com (PKCE), token and
// revocation at identity.xero.com with HTTP Basic, single-use refresh tokens, and the tenants a
// token may use at api.xero.com/connections (RFC 7807-style 401 bodies).
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import { basic, bearer, clientCredentials, form, json, routes } from '../service-double.js';
import type { DoubledService } from '../scenario.js';

export function xeroService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: 'XEROCLIENTID',
      clientSecret: 'xero-secret',
      accessTtl: 1800,
      refreshTokens: true,
      rotate: true,
    },
    'eyJhbGciOiJSUzI1NiIsImtpZCI6Ilhlcm8ifQ.',
  );
  const authorize = authorizeEndpoint(grants, { service: 'Xero' });
  const double = routes({
    'GET login.xero.com /identity/connect/authorize': authorize.page,
    'POST login.xero.com /identity/connect/authorize': authorize.decide,
    'POST identity.xero.com /connect/token': (request) => {
      const params = form(request);
      if (!basic(request) || !grants.checkClient(clientCredentials(request, params)))
        return json(400, { error: 'invalid_client' });
      const grant =
        params.get('grant_type') === 'refresh_token'
          ? grants.refresh(params.get('refresh_token') ?? '')
          : grants.exchange(
              params.get('code') ?? '',
              params.get('redirect_uri'),
              params.get('code_verifier'),
            );
      if (typeof grant === 'string') return json(400, { error: 'invalid_grant' });
      return json(200, {
        id_token: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln',
        access_token: grant.accessToken,
        expires_in: 1800,
        token_type: 'Bearer',
        refresh_token: grant.refreshToken,
        scope: grant.scopes.join(' '),
      });
    },
    'POST identity.xero.com /connect/revocation': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params)))
        return json(400, { error: 'invalid_client' });
      grants.revoke(params.get('token') ?? '');
      return { status: 200, text: '' };
    },
    'GET api.xero.com /connections': (request) =>
      grants.access(bearer(request))
        ? json(200, [
            {
              id: 'e1eede29-f875-4a5d-8470-17f6a29a88b1',
              authEventId: 'd99ecdfe-391d-43d2-b834-17636ba90e8d',
              tenantId: '70784a63-d24b-46a9-a4db-0e70a274b056',
              tenantType: 'ORGANISATION',
              tenantName: 'Acme Ltd',
              createdDateUtc: '2026-12-07T10:00:00.0000000',
              updatedDateUtc: '2026-12-07T10:00:00.0000000',
            },
          ])
        : json(401, {
            Type: null,
            Title: 'Unauthorized',
            Status: 401,
            Detail: 'TokenExpired: token expired at 12/07/2026 10:30:00',
            Instance: 'e2a1c7a0',
            Extensions: {},
          }),
  });
  return {
    double,
    scenarios: [
      {
        app: 'xero',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'Acme Ltd', grants },
      },
    ],
  };
}
