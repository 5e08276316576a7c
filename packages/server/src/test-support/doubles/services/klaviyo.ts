// Klaviyo, from developers.klaviyo.com: OAuth with PKCE (authorize at www.klaviyo.com, token and
// revocation at a.klaviyo.com with HTTP Basic), `Klaviyo-API-Key` private keys, the `revision`
// header, JSON:API answers and errors.
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import {
  basic,
  bearer,
  clientCredentials,
  form,
  json,
  routes,
  type DoubleRequest,
} from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const PRIVATE_KEY = 'pk_0123456789abcdef0123456789abcdef01';

export function klaviyoService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: 'klaviyo-client',
      clientSecret: 'klaviyo-secret',
      accessTtl: 3600,
      refreshTokens: true,
      rotate: false,
    },
    'kl-',
  );
  const keys = new KeyStore([PRIVATE_KEY]);
  const authorize = authorizeEndpoint(grants, { service: 'Klaviyo', requirePkce: true });
  const jsonApiError = (status: number, code: string, title: string) => ({
    status,
    json: {
      errors: [
        { id: '6a1b2c3d', status, code, title, detail: title, source: { pointer: '/data/' } },
      ],
    },
    headers: { 'Content-Type': 'application/vnd.api+json' },
  });
  const authorized = (request: DoubleRequest) =>
    grants.access(bearer(request)) !== null || keys.accepts(bearer(request, 'Klaviyo-API-Key'));
  const double = routes({
    'GET www.klaviyo.com /oauth/authorize': authorize.page,
    'POST www.klaviyo.com /oauth/authorize': authorize.decide,
    'POST a.klaviyo.com /oauth/token': (request) => {
      const params = form(request);
      if (!basic(request) || !grants.checkClient(clientCredentials(request, params)))
        return json(401, { error: 'invalid_client' });
      const grant =
        params.get('grant_type') === 'refresh_token'
          ? grants.refresh(params.get('refresh_token') ?? '')
          : grants.exchange(
              params.get('code') ?? '',
              params.get('redirect_uri'),
              params.get('code_verifier'),
            );
      if (typeof grant === 'string') return json(400, { error: 'invalid_grant' });
      return json(200, {
        access_token: grant.accessToken,
        token_type: 'Bearer',
        expires_in: 3600,
        refresh_token: grant.refreshToken,
        scope: grant.scopes.join(' '),
      });
    },
    'POST a.klaviyo.com /oauth/revoke': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params)))
        return json(401, { error: 'invalid_client' });
      grants.revoke(params.get('token') ?? '');
      return { status: 200, text: '' };
    },
    'GET a.klaviyo.com /api/accounts/': (request) => {
      if (!request.headers.revision)
        return jsonApiError(400, 'invalid', 'A revision header is required.');
      if (!authorized(request))
        return jsonApiError(
          401,
          'not_authenticated',
          'Authentication credentials were not provided.',
        );
      return {
        status: 200,
        headers: { 'Content-Type': 'application/vnd.api+json' },
        json: {
          data: [
            {
              type: 'account',
              id: 'AbC123',
              attributes: {
                contact_information: {
                  default_sender_name: 'Acme',
                  default_sender_email: 'jane@acme.com',
                  organization_name: 'Acme',
                },
                industry: 'Retail',
              },
            },
          ],
        },
      };
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'klaviyo',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
        credentials: [
          {
            method: 'api_key',
            fields: { apiKey: PRIVATE_KEY },
            wrongFields: { apiKey: `pk_${'f'.repeat(34)}` },
            label: 'jane@acme.com',
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
