// Dropbox, from dropbox.com/developers: authorize with token_access_type=offline (else no refresh
// token) and PKCE, refresh answers without a refresh token, RPC endpoints taking POST with no body
// (a body is refused when the call takes no arguments), and `error_summary` errors.
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import {
  bearer,
  clientCredentials,
  form,
  json,
  routes,
  type DoubleRequest,
} from '../service-double.js';
import type { DoubledService } from '../scenario.js';

export function dropboxService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: 'dropboxappkey',
      clientSecret: 'dropbox-secret',
      accessTtl: 14400,
      refreshTokens: true,
      rotate: false,
    },
    'sl.',
  );
  const authorize = authorizeEndpoint(grants, {
    service: 'Dropbox',
    extra: (params) => ({ accessType: params.get('token_access_type') ?? 'online' }),
  });
  const invalidToken = () =>
    json(401, {
      error_summary: 'invalid_access_token/...',
      error: { '.tag': 'invalid_access_token' },
    });
  const noArguments = (request: DoubleRequest) =>
    request.body === '' || request.body === 'null'
      ? null
      : {
          status: 400,
          text: 'Error in call to API function "users/get_current_account": request body: could not decode input as JSON',
        };
  const double = routes({
    'GET www.dropbox.com /oauth2/authorize': authorize.page,
    'POST www.dropbox.com /oauth2/authorize': authorize.decide,
    'POST api.dropboxapi.com /oauth2/token': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params)))
        return json(400, {
          error: 'invalid_client',
          error_description: 'Invalid client_id or client_secret',
        });
      const refreshing = params.get('grant_type') === 'refresh_token';
      const grant = refreshing
        ? grants.refresh(params.get('refresh_token') ?? '')
        : grants.exchange(
            params.get('code') ?? '',
            params.get('redirect_uri'),
            params.get('code_verifier'),
          );
      if (typeof grant === 'string')
        return json(400, {
          error: 'invalid_grant',
          error_description: 'code doesn\u2019t exist or has expired',
        });
      return json(200, {
        access_token: grant.accessToken,
        expires_in: 14400,
        token_type: 'bearer',
        scope: grant.scopes.join(' '),
        account_id: 'dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc',
        uid: '12345',
        ...(!refreshing && grant.extra.accessType === 'offline'
          ? { refresh_token: grant.refreshToken }
          : {}),
      });
    },
    'POST api.dropboxapi.com /2/auth/token/revoke': (request) =>
      noArguments(request) ??
      (grants.revoke(bearer(request) ?? '') ? { status: 200, json: null } : invalidToken()),
    'POST api.dropboxapi.com /2/users/get_current_account': (request) => {
      const refused = noArguments(request);
      if (refused) return refused;
      if (!grants.access(bearer(request))) return invalidToken();
      return json(200, {
        account_id: 'dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc',
        name: {
          given_name: 'Jane',
          surname: 'Doe',
          familiar_name: 'Jane',
          display_name: 'Jane Doe',
          abbreviated_name: 'JD',
        },
        email: 'jane@acme.com',
        email_verified: true,
        disabled: false,
        country: 'FR',
        locale: 'en',
        account_type: { '.tag': 'basic' },
      });
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'dropbox',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
      },
    ],
  };
}
