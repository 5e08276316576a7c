// Box, from developer.box.com: authorize at account.box.com (scopes set in the app), the token
// endpoint with the client in the body, single-use refresh tokens, revocation, /2.0/users/me, and
// an empty 401 with WWW-Authenticate on a bad token.
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import { bearer, clientCredentials, form, json, routes } from '../service-double.js';
import type { DoubledService } from '../scenario.js';

export function boxService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: 'boxclientid',
      clientSecret: 'box-secret',
      accessTtl: 3600,
      refreshTokens: true,
      rotate: true,
    },
    'T9cE5asGnuyYCCqIZFoWjFHvNbvVqHjl',
  );
  const authorize = authorizeEndpoint(grants, { service: 'Box', scopes: () => ['root_readonly'] });
  const double = routes({
    'GET account.box.com /api/oauth2/authorize': authorize.page,
    'POST account.box.com /api/oauth2/authorize': authorize.decide,
    'POST api.box.com /oauth2/token': (request) => {
      const params = form(request);
      const client = clientCredentials(request, params);
      if (client?.via !== 'body' || !grants.checkClient(client))
        return json(400, {
          error: 'invalid_client',
          error_description: 'The client credentials are invalid',
        });
      const grant =
        params.get('grant_type') === 'refresh_token'
          ? grants.refresh(params.get('refresh_token') ?? '')
          : grants.exchange(params.get('code') ?? '', params.get('redirect_uri'), null);
      if (typeof grant === 'string')
        return json(400, { error: 'invalid_grant', error_description: 'Invalid refresh token' });
      return json(200, {
        access_token: grant.accessToken,
        expires_in: 3600,
        restricted_to: [],
        refresh_token: grant.refreshToken,
        token_type: 'bearer',
      });
    },
    'POST api.box.com /oauth2/revoke': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params)))
        return json(400, { error: 'invalid_client' });
      grants.revoke(params.get('token') ?? '');
      return { status: 200, text: '' };
    },
    'GET api.box.com /2.0/users/me': (request) =>
      grants.access(bearer(request))
        ? json(200, {
            type: 'user',
            id: '11446498',
            name: 'Jane Doe',
            login: 'jane@acme.com',
            status: 'active',
          })
        : {
            status: 401,
            text: '',
            headers: {
              'WWW-Authenticate':
                'Bearer realm="Service", error="invalid_token", error_description="The access token provided is invalid."',
            },
          },
  });
  return {
    double,
    scenarios: [
      {
        app: 'box',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
      },
    ],
  };
}
