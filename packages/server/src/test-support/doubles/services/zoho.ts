// Zoho CRM, from zoho.com/crm/developer: accounts.zoho.com with comma-separated scopes and
// access_type=offline, token errors answered as HTTP 200 with an `error` field, `api_domain` in
// the token answer, refresh answers without a refresh token, revocation by query parameter, and
// the `Zoho-oauthtoken` authorization scheme on the users API.
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import { bearer, clientCredentials, form, json, routes } from '../service-double.js';
import type { DoubledService } from '../scenario.js';

export function zohoService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: '1000.ZOHOCLIENT',
      clientSecret: 'zoho-secret',
      accessTtl: 3600,
      refreshTokens: true,
      rotate: false,
    },
    '1000.',
  );
  const authorize = authorizeEndpoint(grants, {
    service: 'Zoho',
    scopes: (params) => (params.get('scope') ?? '').split(',').filter(Boolean),
    extra: (params) => ({ accessType: params.get('access_type') ?? 'online' }),
  });
  const double = routes({
    'GET accounts.zoho.com /oauth/v2/auth': authorize.page,
    'POST accounts.zoho.com /oauth/v2/auth': authorize.decide,
    'POST accounts.zoho.com /oauth/v2/token': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params)))
        return json(200, { error: 'invalid_client' });
      if (params.get('grant_type') === 'refresh_token') {
        const grant = grants.refresh(params.get('refresh_token') ?? '');
        if (typeof grant === 'string') return json(200, { error: 'invalid_code' });
        return json(200, {
          access_token: grant.accessToken,
          api_domain: 'https://www.zohoapis.com',
          token_type: 'Bearer',
          expires_in: 3600,
        });
      }
      const grant = grants.exchange(params.get('code') ?? '', params.get('redirect_uri'), null);
      if (typeof grant === 'string') return json(200, { error: 'invalid_code' });
      return json(200, {
        access_token: grant.accessToken,
        ...(grant.extra.accessType === 'offline' ? { refresh_token: grant.refreshToken } : {}),
        scope: grant.scopes.join(' '),
        api_domain: 'https://www.zohoapis.com',
        token_type: 'Bearer',
        expires_in: 3600,
      });
    },
    'POST accounts.zoho.com /oauth/v2/token/revoke': (request) => {
      grants.revoke(request.url.searchParams.get('token') ?? '');
      return json(200, { status: 'success' });
    },
    'GET www.zohoapis.com /crm/v7/users': (request) => {
      if (request.url.searchParams.get('type') !== 'CurrentUser')
        return json(400, { code: 'INVALID_DATA' });
      return grants.access(bearer(request, 'Zoho-oauthtoken'))
        ? json(200, {
            users: [
              {
                id: '4150868000000225013',
                full_name: 'Jane Doe',
                email: 'jane@acme.com',
                status: 'active',
              },
            ],
            info: { per_page: 200, count: 1, page: 1, more_records: false },
          })
        : json(401, {
            code: 'INVALID_TOKEN',
            details: {},
            message: 'invalid oauth token',
            status: 'error',
          });
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'zoho-crm',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
      },
    ],
  };
}
