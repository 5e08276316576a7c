// HubSpot, from developers.hubspot.com: install URL at app.hubspot.com/oauth/authorize, the v1
// token endpoint (form body with the client id and secret; answers `hub_id` and a `scopes` list),
// refresh tokens that do not change, token metadata at /oauth/v1/access-tokens/{token}, refresh
// token deletion, and private app tokens checked against account-info/v3/details.
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import { bearer, clientCredentials, form, json, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const PRIVATE_TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';
const HUB_ID = 62515;

export function hubspotService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: 'hs-client',
      clientSecret: 'hs-secret',
      accessTtl: 1800,
      refreshTokens: true,
      rotate: false,
    },
    'CKDZ',
  );
  const keys = new KeyStore([PRIVATE_TOKEN]);
  const authorize = authorizeEndpoint(grants, {
    service: 'HubSpot',
    check: (params) =>
      (params.get('scope') ?? '').split(' ').includes('oauth')
        ? null
        : 'Authorization failed: the oauth scope is required.',
  });
  const categoryError = (status: number, category: string, message: string) =>
    json(status, {
      status: 'error',
      message,
      correlationId: 'aeb5f871-7f07-4993-9211-075dc63e7cbf',
      category,
    });
  const double = routes({
    'GET app.hubspot.com /oauth/authorize': authorize.page,
    'POST app.hubspot.com /oauth/authorize': authorize.decide,
    'POST api.hubapi.com /oauth/v1/token': (request) => {
      const params = form(request);
      const client = clientCredentials(request, params);
      if (client?.via !== 'body' || !grants.checkClient(client)) {
        return categoryError(400, 'BAD_CLIENT_ID', 'missing or unknown client id');
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
        return categoryError(400, 'BAD_REFRESH_TOKEN', 'missing or invalid refresh token');
      return json(200, {
        token_type: 'bearer',
        refresh_token: grant.refreshToken,
        access_token: grant.accessToken,
        expires_in: 1800,
        hub_id: HUB_ID,
        scopes: grant.scopes,
      });
    },
    'GET api.hubapi.com /oauth/v1/access-tokens/*': (request) => {
      const accessToken = decodeURIComponent(request.url.pathname.split('/').pop() ?? '');
      const grant = grants.access(accessToken);
      if (!grant) return categoryError(404, 'OBJECT_NOT_FOUND', 'access token not found');
      return json(200, {
        token: accessToken,
        user: 'jane@acme.com',
        hub_domain: 'acme.com',
        scopes: grant.scopes,
        hub_id: HUB_ID,
        app_id: 456,
        expires_in: 1700,
        user_id: 123,
        token_type: 'access',
      });
    },
    'DELETE api.hubapi.com /oauth/v1/refresh-tokens/*': (request) =>
      grants.revoke(decodeURIComponent(request.url.pathname.split('/').pop() ?? ''))
        ? { status: 204, text: '' }
        : categoryError(404, 'OBJECT_NOT_FOUND', 'refresh token not found'),
    'GET api.hubapi.com /account-info/v3/details': (request) =>
      keys.accepts(bearer(request))
        ? json(200, {
            portalId: HUB_ID,
            accountType: 'STANDARD',
            timeZone: 'US/Eastern',
            companyCurrency: 'USD',
            additionalCurrencies: [],
            utcOffset: '-05:00',
            utcOffsetMilliseconds: -18000000,
            uiDomain: 'app.hubspot.com',
            dataHostingLocation: 'na1',
          })
        : categoryError(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found.'),
  });
  return {
    double,
    scenarios: [
      {
        app: 'hubspot',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
        credentials: [
          {
            method: 'token',
            fields: { accessToken: PRIVATE_TOKEN },
            wrongFields: { accessToken: 'pat-na1-99999999-2222-3333-4444-555555555555' },
            label: `HubSpot account ${HUB_ID}`,
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
