// GitLab, from docs.gitlab.com: OAuth 2.0 on gitlab.com (PKCE, 2-hour access tokens, refresh
// tokens replaced on use, /oauth/revoke with the client in the body), and personal access tokens
// in the PRIVATE-TOKEN header against any instance (here a self-managed gitlab.acme.dev).
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import {
  bearer,
  clientCredentials,
  form,
  json,
  routes,
  type DoubleRequest,
} from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const PAT = 'glpat-AbCdEfGhIjKlMnOpQrSt';
const USER = { id: 1, username: 'jane', name: 'Jane Doe', state: 'active', email: 'jane@acme.com' };

export function gitlabService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: 'gl-app-id',
      clientSecret: 'gloas-secret',
      accessTtl: 7200,
      refreshTokens: true,
      rotate: true,
    },
    'gl-oauth-',
  );
  const keys = new KeyStore([PAT]);
  const authorize = authorizeEndpoint(grants, { service: 'GitLab' });
  const user = (request: DoubleRequest, token: string | null) => {
    const privateToken = request.headers['private-token'];
    if (typeof privateToken === 'string') {
      return keys.accepts(privateToken)
        ? json(200, USER)
        : json(401, { message: '401 Unauthorized' });
    }
    return grants.access(token)
      ? json(200, USER)
      : json(401, {
          error: 'invalid_token',
          error_description: 'Token was revoked. You have to re-authorize from the user.',
        });
  };
  const double = routes({
    'GET gitlab.com /oauth/authorize': authorize.page,
    'POST gitlab.com /oauth/authorize': authorize.decide,
    'POST gitlab.com /oauth/token': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params))) {
        return json(401, {
          error: 'invalid_client',
          error_description: 'Client authentication failed due to unknown client.',
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
      if (typeof grant === 'string') {
        return json(400, {
          error: 'invalid_grant',
          error_description: 'The provided authorization grant is invalid, expired, revoked.',
        });
      }
      return json(200, {
        access_token: grant.accessToken,
        token_type: 'Bearer',
        expires_in: 7200,
        refresh_token: grant.refreshToken,
        scope: grant.scopes.join(' '),
        created_at: 1607635748,
      });
    },
    'POST gitlab.com /oauth/revoke': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params)))
        return json(403, { error: 'unauthorized_client' });
      grants.revoke(params.get('token') ?? '');
      return json(200, {});
    },
    'GET gitlab.com /api/v4/user': (request) => user(request, bearer(request)),
    'GET gitlab.acme.dev /api/v4/user': (request) => user(request, null),
  });
  return {
    double,
    scenarios: [
      {
        app: 'gitlab',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
        credentials: [
          {
            method: 'token',
            fields: { instanceUrl: 'https://gitlab.acme.dev', token: PAT },
            wrongFields: {
              instanceUrl: 'https://gitlab.acme.dev',
              token: 'glpat-ZzZzZzZzZzZzZzZzZzZz',
            },
            label: 'jane@acme.com',
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
