// Linear, from linear.app/developers: OAuth with comma-separated scopes and PKCE, refresh tokens
// (on by default for apps since October 2025), revocation, and the GraphQL API answering an
// authentication error as `errors[].extensions.code = AUTHENTICATION_ERROR`; personal API keys go
// bare in Authorization.
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import { bearer, clientCredentials, form, json, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const API_KEY = `lin_api_${'aBcD1234'.repeat(5)}`;

export function linearService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: 'linear-client',
      clientSecret: 'linear-secret',
      accessTtl: 86399,
      refreshTokens: true,
      rotate: true,
    },
    'lin_oauth_',
  );
  const keys = new KeyStore([API_KEY]);
  const authorize = authorizeEndpoint(grants, {
    service: 'Linear',
    scopes: (params) => (params.get('scope') ?? '').split(',').filter(Boolean),
  });
  const double = routes({
    'GET linear.app /oauth/authorize': authorize.page,
    'POST linear.app /oauth/authorize': authorize.decide,
    'POST api.linear.app /oauth/token': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params)))
        return json(400, { error: 'invalid_client' });
      const grant =
        params.get('grant_type') === 'refresh_token'
          ? grants.refresh(params.get('refresh_token') ?? '')
          : grants.exchange(
              params.get('code') ?? '',
              params.get('redirect_uri'),
              params.get('code_verifier'),
            );
      if (typeof grant === 'string')
        return json(400, {
          error: 'invalid_grant',
          error_description: 'Token has been expired or revoked.',
        });
      return json(200, {
        access_token: grant.accessToken,
        token_type: 'Bearer',
        expires_in: 86399,
        scope: grant.scopes,
        refresh_token: grant.refreshToken,
      });
    },
    'POST api.linear.app /oauth/revoke': (request) =>
      grants.revoke(form(request).get('token') ?? bearer(request) ?? '')
        ? { status: 200, text: '' }
        : json(400, { error: 'invalid_token' }),
    'POST api.linear.app /graphql': (request) => {
      const header = request.headers.authorization ?? null;
      if (!grants.access(bearer(request)) && !keys.accepts(header)) {
        return json(400, {
          errors: [
            {
              message: 'Authentication required, not authenticated',
              extensions: {
                type: 'authentication error',
                code: 'AUTHENTICATION_ERROR',
                userPresentableMessage: 'You need to authenticate to access this operation.',
              },
            },
          ],
        });
      }
      return json(200, {
        data: {
          viewer: {
            id: '0b4d5c3e-1111-4a2b-9c8d-7e6f5a4b3c2d',
            name: 'Jane Doe',
            email: 'jane@acme.com',
          },
          organization: { id: 'a1b2c3d4-2222-4e5f-8a9b-0c1d2e3f4a5b', name: 'Acme' },
        },
      });
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'linear',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
        credentials: [
          {
            method: 'api_key',
            fields: { apiKey: API_KEY },
            wrongFields: { apiKey: `lin_api_${'z'.repeat(40)}` },
            label: 'jane@acme.com',
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
