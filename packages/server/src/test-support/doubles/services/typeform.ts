// Typeform, from typeform.com/developers: OAuth at api.typeform.com (a refresh token only with the
// `offline` scope), personal tokens, /me, and `{ code, description }` errors.
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import { bearer, clientCredentials, form, json, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const PAT = `tfp_${'AbCdEf123456'.repeat(4)}`;

export function typeformService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: 'typeform-client',
      clientSecret: 'typeform-secret',
      accessTtl: 604800,
      refreshTokens: true,
      rotate: true,
    },
    'tf-oauth-',
  );
  const keys = new KeyStore([PAT]);
  const authorize = authorizeEndpoint(grants, { service: 'Typeform' });
  const double = routes({
    'GET api.typeform.com /oauth/authorize': authorize.page,
    'POST api.typeform.com /oauth/authorize': authorize.decide,
    'POST api.typeform.com /oauth/token': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params)))
        return json(401, { code: 'UNAUTHORIZED', description: 'Invalid client' });
      const grant =
        params.get('grant_type') === 'refresh_token'
          ? grants.refresh(params.get('refresh_token') ?? '')
          : grants.exchange(params.get('code') ?? '', params.get('redirect_uri'), null);
      if (typeof grant === 'string')
        return json(400, { code: 'VALIDATION_ERROR', description: 'invalid_grant' });
      const offline = grant.scopes.includes('offline');
      return json(200, {
        access_token: grant.accessToken,
        token_type: 'bearer',
        expires_in: 604800,
        ...(offline ? { refresh_token: grant.refreshToken } : {}),
        scope: grant.scopes.join(' '),
      });
    },
    'GET api.typeform.com /me': (request) => {
      const token = bearer(request);
      if (!grants.access(token) && !keys.accepts(token)) {
        return json(401, {
          code: 'AUTHENTICATION_FAILED',
          description: 'Authentication credentials not found on the Request Headers',
        });
      }
      return json(200, { alias: 'Jane', email: 'jane@acme.com', language: 'en' });
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'typeform',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
        credentials: [
          {
            method: 'token',
            fields: { token: PAT },
            wrongFields: { token: `tfp_${'z'.repeat(44)}` },
            label: 'jane@acme.com',
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
