// monday.com, from developer.monday.com: OAuth at auth.monday.com (tokens that do not expire, no
// refresh), and the GraphQL API at api.monday.com/v2 taking the token bare in Authorization and
// answering `me` with the account.
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import { clientCredentials, form, json, jsonBody, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const API_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJ0aWQiOjEyMzQ1Njc4OX0.monday-api-token';

export function mondayService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: 'monday-client',
      clientSecret: 'monday-secret',
      accessTtl: null,
      refreshTokens: false,
      rotate: false,
    },
    'eyJhbGciOiJIUzI1NiJ9.oauth.',
  );
  const keys = new KeyStore([API_TOKEN]);
  const authorize = authorizeEndpoint(grants, { service: 'monday.com' });
  const double = routes({
    'GET auth.monday.com /oauth2/authorize': authorize.page,
    'POST auth.monday.com /oauth2/authorize': authorize.decide,
    'POST auth.monday.com /oauth2/token': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params)))
        return json(401, { error: 'invalid_client' });
      const grant = grants.exchange(params.get('code') ?? '', params.get('redirect_uri'), null);
      if (typeof grant === 'string') return json(400, { error: 'invalid_grant' });
      return json(200, {
        access_token: grant.accessToken,
        token_type: 'Bearer',
        scope: grant.scopes.join(' '),
      });
    },
    'POST api.monday.com /v2': (request) => {
      const token = request.headers.authorization ?? null;
      if (!grants.access(token) && !keys.accepts(token)) {
        return json(401, {
          errors: [{ message: 'Not Authenticated', extensions: { code: 'UNAUTHENTICATED' } }],
          account_id: null,
        });
      }
      const query = String(jsonBody(request).query ?? '');
      if (!query.includes('me')) return json(200, { data: {}, account_id: 9876543 });
      return json(200, {
        data: {
          me: {
            id: '12345678',
            name: 'Jane Doe',
            email: 'jane@acme.com',
            account: { id: '9876543', name: 'Acme' },
          },
        },
        account_id: 9876543,
      });
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'monday',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
        credentials: [
          {
            method: 'token',
            fields: { token: API_TOKEN },
            wrongFields: { token: 'eyJhbGciOiJIUzI1NiJ9.wrong.token' },
            label: 'jane@acme.com',
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
