// Asana, from developers.asana.com: OAuth at app.asana.com/-/oauth_authorize (PKCE), a token
// answer carrying the user under `data`, refresh answers without a new refresh token, revocation
// with the client in the body, and `{ errors: [{ message }] }` answers.
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import { bearer, clientCredentials, form, json, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const PAT = '2/1204560000000001/1209870000000002:0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const USER = {
  gid: '1204560000000001',
  name: 'Jane Doe',
  email: 'jane@acme.com',
  resource_type: 'user',
};

export function asanaService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: '1204000000000000',
      clientSecret: 'asana-secret',
      accessTtl: 3600,
      refreshTokens: true,
      rotate: false,
    },
    '2/oauth/',
  );
  const keys = new KeyStore([PAT]);
  const authorize = authorizeEndpoint(grants, { service: 'Asana' });
  const notAuthorized = () =>
    json(401, {
      errors: [
        {
          message: 'Not Authorized',
          help: 'For more information on API status codes and how to handle them, read the docs on errors: https://developers.asana.com/docs/errors',
        },
      ],
    });
  const double = routes({
    'GET app.asana.com /-/oauth_authorize': authorize.page,
    'POST app.asana.com /-/oauth_authorize': authorize.decide,
    'POST app.asana.com /-/oauth_token': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params)))
        return json(401, { error: 'invalid_client', error_description: 'Invalid client' });
      const refreshing = params.get('grant_type') === 'refresh_token';
      const grant = refreshing
        ? grants.refresh(params.get('refresh_token') ?? '')
        : grants.exchange(
            params.get('code') ?? '',
            params.get('redirect_uri'),
            params.get('code_verifier'),
          );
      if (typeof grant === 'string')
        return json(400, { error: 'invalid_grant', error_description: 'The grant is invalid' });
      return json(200, {
        access_token: grant.accessToken,
        expires_in: 3600,
        token_type: 'bearer',
        data: { id: USER.gid, gid: USER.gid, name: USER.name, email: USER.email },
        ...(refreshing ? {} : { refresh_token: grant.refreshToken }),
      });
    },
    'POST app.asana.com /-/oauth_revoke': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params)))
        return json(401, { error: 'invalid_client' });
      return grants.revoke(params.get('token') ?? '')
        ? { status: 200, text: '' }
        : json(400, { error: 'invalid_token' });
    },
    'GET app.asana.com /api/1.0/users/me': (request) => {
      const token = bearer(request);
      return grants.access(token) || keys.accepts(token)
        ? json(200, { data: USER })
        : notAuthorized();
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'asana',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
        credentials: [
          {
            method: 'token',
            fields: { token: PAT },
            wrongFields: { token: '2/1111111111111111/2222222222222222:ffff' },
            label: 'jane@acme.com',
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
