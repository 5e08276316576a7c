// Webflow, from developers.webflow.com: OAuth at webflow.com (tokens that do not expire), the code
// traded at api.webflow.com/oauth/access_token, revoke_authorization, /v2/token/authorized_by for
// OAuth users (authorized_user:read), /v2/token/introspect for site tokens, and
// `{ code, message }` errors.
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import { bearer, clientCredentials, form, json, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const SITE_TOKEN = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

export function webflowService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: 'webflow-client',
      clientSecret: 'webflow-secret',
      accessTtl: null,
      refreshTokens: false,
      rotate: false,
    },
    'wf-oauth-',
  );
  const keys = new KeyStore([SITE_TOKEN]);
  const authorize = authorizeEndpoint(grants, { service: 'Webflow' });
  const notAuthorized = () =>
    json(401, { code: 'not_authorized', message: 'Request not authorized' });
  const double = routes({
    'GET webflow.com /oauth/authorize': authorize.page,
    'POST webflow.com /oauth/authorize': authorize.decide,
    'POST api.webflow.com /oauth/access_token': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params)))
        return json(400, { error: 'invalid_client' });
      const grant = grants.exchange(params.get('code') ?? '', params.get('redirect_uri'), null);
      if (typeof grant === 'string') return json(400, { error: 'invalid_grant' });
      return json(200, {
        access_token: grant.accessToken,
        token_type: 'bearer',
        scope: grant.scopes.join(' '),
      });
    },
    'POST webflow.com /oauth/revoke_authorization': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params)))
        return json(400, { error: 'invalid_client' });
      return json(200, { did_revoke: grants.revoke(params.get('access_token') ?? '') });
    },
    'GET api.webflow.com /v2/token/authorized_by': (request) => {
      const grant = grants.access(bearer(request));
      if (!grant) return notAuthorized();
      if (!grant.scopes.includes('authorized_user:read'))
        return json(403, {
          code: 'missing_scopes',
          message: 'OAuthForbidden: missing authorized_user:read',
        });
      return json(200, {
        id: '545bbecb7bdd6769632504a7',
        email: 'jane@acme.com',
        firstName: 'Jane',
        lastName: 'Doe',
      });
    },
    'GET api.webflow.com /v2/token/introspect': (request) =>
      keys.accepts(bearer(request))
        ? json(200, {
            authorization: {
              id: '55818d58616600637b9a5786',
              createdOn: '2026-12-01T10:00:00Z',
              lastUsed: '2026-12-07T10:00:00Z',
              grantType: 'client_credentials',
              rateLimit: 60,
              scope: 'sites:read,cms:read',
              authorizedTo: {
                siteIds: ['62f3b1f2b3c4d5e6f7a8b9c0'],
                workspaceIds: [],
                userIds: [],
              },
            },
          })
        : notAuthorized(),
  });
  return {
    double,
    scenarios: [
      {
        app: 'webflow',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
        credentials: [
          {
            method: 'token',
            fields: { token: SITE_TOKEN },
            wrongFields: { token: 'f'.repeat(64) },
            label: 'Webflow site 62f3b1f2b3c4d5e6f7a8b9c0',
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
