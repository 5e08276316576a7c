// Airtable, from airtable.com/developers/web/api/oauth-reference: PKCE required, confidential
// clients authenticated with HTTP Basic, single-use refresh tokens, and /v0/meta/whoami answering
// `{ error: { type, message } }` on a bad token.
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import { basic, bearer, clientCredentials, form, json, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const PAT = `patAbCdEfGhIjKlMn.${'0123456789abcdef'.repeat(4)}`;

export function airtableService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: 'airtable-client',
      clientSecret: 'airtable-secret',
      accessTtl: 3600,
      refreshTokens: true,
      rotate: true,
    },
    'oaa',
  );
  const keys = new KeyStore([PAT]);
  const authorize = authorizeEndpoint(grants, { service: 'Airtable', requirePkce: true });
  const double = routes({
    'GET airtable.com /oauth2/v1/authorize': authorize.page,
    'POST airtable.com /oauth2/v1/authorize': authorize.decide,
    'POST airtable.com /oauth2/v1/token': (request) => {
      const params = form(request);
      // A client with a secret must authenticate with HTTP Basic.
      if (!basic(request) || !grants.checkClient(clientCredentials(request, params))) {
        return json(401, {
          error: 'invalid_client',
          error_description: 'Client authentication failed',
        });
      }
      const grant =
        params.get('grant_type') === 'refresh_token'
          ? grants.refresh(params.get('refresh_token') ?? '')
          : grants.exchange(
              params.get('code') ?? '',
              params.get('redirect_uri'),
              params.get('code_verifier'),
            );
      if (typeof grant === 'string')
        return json(400, { error: 'invalid_grant', error_description: 'Invalid grant' });
      return json(200, {
        access_token: grant.accessToken,
        refresh_token: grant.refreshToken,
        token_type: 'Bearer',
        scope: grant.scopes.join(' '),
        expires_in: 3600,
        refresh_expires_in: 5184000,
      });
    },
    'GET api.airtable.com /v0/meta/whoami': (request) => {
      const token = bearer(request);
      const grant = grants.access(token);
      if (grant)
        return json(200, { id: 'usrL2PNC5o3H4lBEi', scopes: grant.scopes, email: 'jane@acme.com' });
      if (keys.accepts(token))
        return json(200, { id: 'usrL2PNC5o3H4lBEi', scopes: ['data.records:read'] });
      return json(401, {
        error: { type: 'AUTHENTICATION_REQUIRED', message: 'Authentication required' },
      });
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'airtable',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
        credentials: [
          {
            method: 'token',
            fields: { token: PAT },
            wrongFields: { token: `patZzZzZzZzZzZzZz.${'f'.repeat(64)}` },
            label: 'usrL2PNC5o3H4lBEi',
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
