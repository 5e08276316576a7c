// Calendly, from developer.calendly.com: OAuth at auth.calendly.com (PKCE, HTTP Basic client auth,
// owner and organization URIs in the token answer, single-use refresh tokens, revocation with the
// client in the body), personal access tokens, and /users/me under `resource`.
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import { bearer, clientCredentials, form, json, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const PAT =
  'eyJraWQiOiIxY2UxZTEzNjE3ZGNmNzY2YjNjZWJjY2Y4ZGM1YmFmYThhNjVlNjg0MDIzZjdjMzJiZTgzNDliMjM4MDEzNWI0In0.pat';
const USER_URI = 'https://api.calendly.com/users/AAAAAAAAAAAAAAAA';

export function calendlyService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: 'calendly-client',
      clientSecret: 'calendly-secret',
      accessTtl: 7200,
      refreshTokens: true,
      rotate: true,
    },
    'eyJraWQiOiJvYXV0aCJ9.',
  );
  const keys = new KeyStore([PAT]);
  const authorize = authorizeEndpoint(grants, { service: 'Calendly' });
  const double = routes({
    'GET auth.calendly.com /oauth/authorize': authorize.page,
    'POST auth.calendly.com /oauth/authorize': authorize.decide,
    'POST auth.calendly.com /oauth/token': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params)))
        return json(401, {
          error: 'invalid_client',
          error_description: 'Client authentication failed.',
        });
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
          error_description: 'The provided authorization grant is invalid.',
        });
      return json(200, {
        token_type: 'Bearer',
        access_token: grant.accessToken,
        refresh_token: grant.refreshToken,
        scope: 'default',
        created_at: 1701950000,
        expires_in: 7200,
        owner: USER_URI,
        organization: 'https://api.calendly.com/organizations/BBBBBBBBBBBBBBBB',
      });
    },
    'POST auth.calendly.com /oauth/revoke': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params)))
        return json(401, { error: 'invalid_client' });
      grants.revoke(params.get('token') ?? '');
      return json(200, {});
    },
    'GET api.calendly.com /users/me': (request) => {
      const token = bearer(request);
      if (!grants.access(token) && !keys.accepts(token))
        return json(401, { title: 'Unauthenticated', message: 'The access token is invalid' });
      return json(200, {
        resource: {
          uri: USER_URI,
          name: 'Jane Doe',
          slug: 'jane',
          email: 'jane@acme.com',
          timezone: 'Europe/Paris',
          current_organization: 'https://api.calendly.com/organizations/BBBBBBBBBBBBBBBB',
        },
      });
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'calendly',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
        credentials: [
          {
            method: 'token',
            fields: { token: PAT },
            wrongFields: { token: 'eyJraWQiOiJ3cm9uZyJ9.wrong.token' },
            label: 'jane@acme.com',
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
