// Discord, from discord.com/developers/docs/topics/oauth2: authorize at discord.com/oauth2, token
// and revocation at /api/oauth2 (client via HTTP Basic), refresh tokens replaced on refresh, and
// /api/users/@me answering `{ message: '401: Unauthorized', code: 0 }` on a bad token.
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import { bearer, clientCredentials, form, json, routes } from '../service-double.js';
import type { DoubledService } from '../scenario.js';

export function discordService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: '157730590492196864',
      clientSecret: 'discord-secret',
      accessTtl: 604800,
      refreshTokens: true,
      rotate: true,
    },
    'MTQ0.',
  );
  const authorize = authorizeEndpoint(grants, { service: 'Discord' });
  const unauthorized = () => json(401, { message: '401: Unauthorized', code: 0 });
  const double = routes({
    'GET discord.com /oauth2/authorize': authorize.page,
    'POST discord.com /oauth2/authorize': authorize.decide,
    'POST discord.com /api/oauth2/token': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params)))
        return json(401, { error: 'invalid_client' });
      const grant =
        params.get('grant_type') === 'refresh_token'
          ? grants.refresh(params.get('refresh_token') ?? '')
          : grants.exchange(params.get('code') ?? '', params.get('redirect_uri'), null);
      if (typeof grant === 'string')
        return json(400, {
          error: 'invalid_grant',
          error_description: 'Invalid "code" in request.',
        });
      return json(200, {
        access_token: grant.accessToken,
        token_type: 'Bearer',
        expires_in: 604800,
        refresh_token: grant.refreshToken,
        scope: grant.scopes.join(' '),
      });
    },
    'POST discord.com /api/oauth2/token/revoke': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params)))
        return json(401, { error: 'invalid_client' });
      grants.revoke(params.get('token') ?? '');
      return json(200, {});
    },
    'GET discord.com /api/users/@me': (request) =>
      grants.access(bearer(request))
        ? json(200, {
            id: '80351110224678912',
            username: 'jane',
            discriminator: '0',
            global_name: 'Jane',
            avatar: '8342729096ea3675442027381ff50dfe',
            verified: true,
            email: 'jane@acme.com',
            flags: 0,
            premium_type: 0,
          })
        : unauthorized(),
  });
  return {
    double,
    scenarios: [
      {
        app: 'discord',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
      },
    ],
  };
}
