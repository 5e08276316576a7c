// ClickUp, from developer.clickup.com: authorize at app.clickup.com/api (no scopes: the user picks
// Workspaces), the token request as query parameters of a POST, tokens that do not expire, the
// token bare in Authorization, and `{ err, ECODE }` answers.
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import { json, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const PERSONAL = 'pk_12345678_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

export function clickupService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: 'CLICKUPCLIENT',
      clientSecret: 'clickup-secret',
      accessTtl: null,
      refreshTokens: false,
      rotate: false,
    },
    '12345678_',
  );
  const keys = new KeyStore([PERSONAL]);
  const authorize = authorizeEndpoint(grants, { service: 'ClickUp' });
  const double = routes({
    'GET app.clickup.com /api': authorize.page,
    'POST app.clickup.com /api': authorize.decide,
    'POST api.clickup.com /api/v2/oauth/token': (request) => {
      const params = request.url.searchParams;
      if (
        params.get('client_id') !== grants.policy.clientId ||
        params.get('client_secret') !== grants.policy.clientSecret
      ) {
        return json(401, { err: 'Client not found', ECODE: 'OAUTH_010' });
      }
      const grant = grants.exchange(params.get('code') ?? '', null, null);
      if (typeof grant === 'string')
        return json(401, { err: 'Code not found', ECODE: 'OAUTH_014' });
      return json(200, { access_token: grant.accessToken, token_type: 'Bearer' });
    },
    'GET api.clickup.com /api/v2/user': (request) => {
      const token = request.headers.authorization ?? null;
      if (!grants.access(token) && !keys.accepts(token))
        return json(401, { err: 'Token invalid', ECODE: 'OAUTH_025' });
      return json(200, {
        user: {
          id: 123,
          username: 'Jane Doe',
          email: 'jane@acme.com',
          color: '#40BC86',
          profilePicture: null,
        },
      });
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'clickup',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
        credentials: [
          {
            method: 'token',
            fields: { token: PERSONAL },
            wrongFields: { token: 'pk_1_ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ' },
            label: 'jane@acme.com',
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
