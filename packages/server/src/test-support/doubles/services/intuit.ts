// QuickBooks Online (Intuit), from developer.intuit.com: authorize at appcenter.intuit.com (the
// company id comes back as `realmId` beside the code), the bearer token endpoint with HTTP Basic,
// refresh answers with a refresh token that may change, JSON revocation, and OpenID userinfo.
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import {
  basic,
  bearer,
  clientCredentials,
  form,
  json,
  jsonBody,
  routes,
} from '../service-double.js';
import type { DoubledService } from '../scenario.js';

export function intuitService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: 'ABintuitclient',
      clientSecret: 'intuit-secret',
      accessTtl: 3600,
      refreshTokens: true,
      rotate: true,
    },
    'eyJlbmMiOiJBMTI4Q0JDLUhTMjU2In0.',
  );
  const authorize = authorizeEndpoint(grants, {
    service: 'Intuit',
    redirectExtra: { realmId: '4620816365031059650' },
  });
  const double = routes({
    'GET appcenter.intuit.com /connect/oauth2': authorize.page,
    'POST appcenter.intuit.com /connect/oauth2': authorize.decide,
    'POST oauth.platform.intuit.com /oauth2/v1/tokens/bearer': (request) => {
      const params = form(request);
      if (!basic(request) || !grants.checkClient(clientCredentials(request, params)))
        return json(401, { error: 'invalid_client' });
      const grant =
        params.get('grant_type') === 'refresh_token'
          ? grants.refresh(params.get('refresh_token') ?? '')
          : grants.exchange(params.get('code') ?? '', params.get('redirect_uri'), null);
      if (typeof grant === 'string') return json(400, { error: 'invalid_grant' });
      return json(200, {
        token_type: 'bearer',
        access_token: grant.accessToken,
        refresh_token: grant.refreshToken,
        expires_in: 3600,
        x_refresh_token_expires_in: 8726400,
        id_token: 'eyJraWQiOiJPUElDUFJEIn0.e30.c2ln',
      });
    },
    'POST developer.api.intuit.com /v2/oauth2/tokens/revoke': (request) => {
      if (!grants.checkClient(clientCredentials(request, {})))
        return json(401, { error: 'invalid_client' });
      return grants.revoke(String(jsonBody(request).token ?? ''))
        ? { status: 200, text: '' }
        : json(400, { error: 'invalid_token' });
    },
    'GET accounts.platform.intuit.com /v1/openid_connect/userinfo': (request) =>
      grants.access(bearer(request))
        ? json(200, {
            sub: '1182d6ec-2a1f-4aa3-af3e-b7a8f8e4c2a3',
            email: 'jane@acme.com',
            emailVerified: true,
            givenName: 'Jane',
            familyName: 'Doe',
          })
        : json(401, { error: 'invalid_token' }),
  });
  return {
    double,
    scenarios: [
      {
        app: 'quickbooks',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
      },
    ],
  };
}
