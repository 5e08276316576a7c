// Salesforce, from help.salesforce.com: the web server flow at login.salesforce.com (client id and
// secret in the body; PKCE), a token answer with `instance_url` and no expiry, refresh answers
// without a refresh token, /services/oauth2/revoke, and the userinfo endpoint on the instance.
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import { bearer, clientCredentials, form, json, routes } from '../service-double.js';
import type { DoubledService } from '../scenario.js';

export function salesforceService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: '3MVG9-sf-client',
      clientSecret: 'sf-secret',
      accessTtl: null,
      refreshTokens: true,
      rotate: false,
    },
    '00Dxx0000001gPL!',
  );
  const authorize = authorizeEndpoint(grants, { service: 'Salesforce' });
  const answer = (grant: { accessToken: string; scopes: string[] }, refreshToken: string | null) =>
    json(200, {
      access_token: grant.accessToken,
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
      signature: 'c2lnbmF0dXJl',
      scope: grant.scopes.join(' '),
      instance_url: 'https://acme.my.salesforce.com',
      id: 'https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS',
      token_type: 'Bearer',
      issued_at: '1701950000000',
    });
  const double = routes({
    'GET login.salesforce.com /services/oauth2/authorize': authorize.page,
    'POST login.salesforce.com /services/oauth2/authorize': authorize.decide,
    'POST login.salesforce.com /services/oauth2/token': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params))) {
        return json(400, {
          error: 'invalid_client',
          error_description: 'invalid client credentials',
        });
      }
      if (params.get('grant_type') === 'refresh_token') {
        const grant = grants.refresh(params.get('refresh_token') ?? '');
        if (typeof grant === 'string')
          return json(400, {
            error: 'invalid_grant',
            error_description: 'expired access/refresh token',
          });
        return answer(grant, null);
      }
      const grant = grants.exchange(
        params.get('code') ?? '',
        params.get('redirect_uri'),
        params.get('code_verifier'),
      );
      if (typeof grant === 'string')
        return json(400, { error: 'invalid_grant', error_description: 'authentication failure' });
      return answer(grant, grant.refreshToken);
    },
    'POST login.salesforce.com /services/oauth2/revoke': (request) =>
      grants.revoke(form(request).get('token') ?? '')
        ? { status: 200, text: '' }
        : json(400, {
            error: 'unsupported_token_type',
            error_description: 'this token type is not supported',
          }),
    'GET acme.my.salesforce.com /services/oauth2/userinfo': (request) =>
      grants.access(bearer(request))
        ? json(200, {
            sub: 'https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS',
            user_id: '005xx000001SwiUAAS',
            organization_id: '00Dxx0000001gPLEAY',
            preferred_username: 'jane@acme.com',
            name: 'Jane Doe',
            email: 'jane@acme.com',
            email_verified: true,
          })
        : { status: 403, text: 'Bad_OAuth_Token' },
  });
  return {
    double,
    scenarios: [
      {
        app: 'salesforce',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
      },
    ],
  };
}
