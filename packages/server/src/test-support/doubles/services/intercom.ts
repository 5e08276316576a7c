// Intercom, from developers.intercom.com: OAuth at app.intercom.com/oauth (permissions set in the
// Developer Hub, not in the URL), the code traded at api.intercom.io/auth/eagle/token, tokens that
// do not expire, regional API hosts, `Intercom-Version`, and `error.list` answers.
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import { bearer, form, json, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const ACCESS_TOKEN = 'dG9rOmVjNjM3MzJmXzU4YzlfNDE5ZF9hYjQ5XzE5OTg4ZmFmMTAxMDoxOjA=';
const ADMIN = {
  type: 'admin',
  id: '991267',
  email: 'jane@acme.com',
  name: 'Jane Doe',
  email_verified: true,
  app: { type: 'app', id_code: 'abc123de', name: 'Acme' },
};

export function intercomService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: 'intercom-client',
      clientSecret: 'intercom-secret',
      accessTtl: null,
      refreshTokens: false,
      rotate: false,
    },
    'dG9rOm9hdXRo',
  );
  const keys = new KeyStore([ACCESS_TOKEN]);
  const authorize = authorizeEndpoint(grants, {
    service: 'Intercom',
    scopes: () => ['read_admins', 'read_users_companies'],
  });
  const unauthorized = () =>
    json(401, {
      type: 'error.list',
      request_id: '000on04m2ts3slqe8vo0',
      errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }],
    });
  const me =
    (accepts: (token: string | null) => boolean) => (request: Parameters<typeof bearer>[0]) =>
      accepts(bearer(request)) ? json(200, ADMIN) : unauthorized();
  const double = routes({
    'GET app.intercom.com /oauth': authorize.page,
    'POST app.intercom.com /oauth': authorize.decide,
    'POST api.intercom.io /auth/eagle/token': (request) => {
      const params = form(request);
      if (
        params.get('client_id') !== grants.policy.clientId ||
        params.get('client_secret') !== grants.policy.clientSecret
      ) {
        return json(401, {
          type: 'error.list',
          errors: [{ code: 'unauthorized', message: 'Invalid client' }],
        });
      }
      const grant = grants.exchange(params.get('code') ?? '', null, null);
      if (typeof grant === 'string')
        return json(400, {
          type: 'error.list',
          errors: [{ code: 'invalid_grant', message: 'Invalid code' }],
        });
      return json(200, {
        token_type: 'Bearer',
        token: grant.accessToken,
        access_token: grant.accessToken,
      });
    },
    'GET api.intercom.io /me': me((token) => grants.access(token) !== null),
    'GET api.eu.intercom.io /me': me((token) => keys.accepts(token)),
  });
  return {
    double,
    scenarios: [
      {
        app: 'intercom',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
        credentials: [
          {
            method: 'token',
            fields: { region: 'api.eu.intercom.io', token: ACCESS_TOKEN },
            wrongFields: { region: 'api.eu.intercom.io', token: 'dG9rOndyb25nd3Jvbmd3cm9uZw==' },
            label: 'jane@acme.com',
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
