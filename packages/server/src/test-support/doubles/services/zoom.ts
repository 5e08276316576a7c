// Zoom, from developers.zoom.us: OAuth at zoom.us (scopes set in the app; PKCE; HTTP Basic client
// auth; a new refresh token on every refresh), revocation, and /v2/users/me answering
// `{ code: 124, message: 'Invalid access token.' }` on a bad token.
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import { basic, bearer, clientCredentials, form, json, routes } from '../service-double.js';
import type { DoubledService } from '../scenario.js';

export function zoomService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: 'zoomClientId',
      clientSecret: 'zoom-secret',
      accessTtl: 3599,
      refreshTokens: true,
      rotate: true,
    },
    'eyJzdiI6IjAwMDAwMSJ9.',
  );
  const authorize = authorizeEndpoint(grants, {
    service: 'Zoom',
    scopes: () => ['user:read:user', 'meeting:read:list_meetings'],
  });
  const double = routes({
    'GET zoom.us /oauth/authorize': authorize.page,
    'POST zoom.us /oauth/authorize': authorize.decide,
    'POST zoom.us /oauth/token': (request) => {
      const params = form(request);
      if (!basic(request) || !grants.checkClient(clientCredentials(request, params)))
        return json(401, { reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
      const grant =
        params.get('grant_type') === 'refresh_token'
          ? grants.refresh(params.get('refresh_token') ?? '')
          : grants.exchange(
              params.get('code') ?? '',
              params.get('redirect_uri'),
              params.get('code_verifier'),
            );
      if (typeof grant === 'string')
        return json(400, { reason: 'Invalid Token!', error: 'invalid_request' });
      return json(200, {
        access_token: grant.accessToken,
        token_type: 'bearer',
        refresh_token: grant.refreshToken,
        expires_in: 3599,
        scope: grant.scopes.join(' '),
        api_url: 'https://api.zoom.us',
      });
    },
    'POST zoom.us /oauth/revoke': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params)))
        return json(401, { error: 'invalid_client' });
      return grants.revoke(params.get('token') ?? '')
        ? json(200, { status: 'success' })
        : json(400, { reason: 'Invalid Token!', error: 'invalid_request' });
    },
    'GET api.zoom.us /v2/users/me': (request) =>
      grants.access(bearer(request))
        ? json(200, {
            id: 'KDcuGIm1QgePTO8WbOqwIQ',
            first_name: 'Jane',
            last_name: 'Doe',
            display_name: 'Jane Doe',
            email: 'jane@acme.com',
            type: 2,
            account_id: 'q6gBJVO5TzexKYTb_I2rpg',
          })
        : json(401, { code: 124, message: 'Invalid access token.' }),
  });
  return {
    double,
    scenarios: [
      {
        app: 'zoom',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
      },
    ],
  };
}
