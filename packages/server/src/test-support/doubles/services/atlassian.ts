// Atlassian Cloud, from developer.atlassian.com: OAuth 2.0 (3LO) at auth.atlassian.com with a JSON
// token request (client id and secret in the body), `audience=api.atlassian.com`, rotating refresh
// tokens, accessible-resources for the cloud id, api.atlassian.com/me; and Basic auth with the
// account e-mail and an API token against the site (`{site}.atlassian.net`).
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import { basic, bearer, json, jsonBody, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

// One API token per app, so revoking one app's token in a test leaves the other's.
const API_TOKENS = {
  jira: 'ATATT3xFfGF0jirajirajirajira',
  confluence: 'ATATT3xFfGF0confluenceconflu',
};
const EMAIL = 'jane@acme.com';
const ACCOUNT_ID = '5b10ac8d82e05b22cc7d4ef5';

export function atlassianService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: 'atl-client',
      clientSecret: 'atl-secret',
      accessTtl: 3600,
      refreshTokens: true,
      rotate: true,
    },
    'eyJraWQi.',
  );
  const keys = new KeyStore(Object.values(API_TOKENS));
  const authorize = authorizeEndpoint(grants, {
    service: 'Atlassian',
    check: (params) =>
      params.get('audience') === 'api.atlassian.com' ? null : 'The audience parameter is missing.',
  });
  const siteUser = (request: Parameters<typeof basic>[0]) => {
    const pair = basic(request);
    return pair?.user === EMAIL && keys.accepts(pair.password);
  };
  const unauthenticated = {
    status: 401,
    text: 'Client must be authenticated to access this resource.',
  };
  const double = routes({
    'GET auth.atlassian.com /authorize': authorize.page,
    'POST auth.atlassian.com /authorize': authorize.decide,
    'POST auth.atlassian.com /oauth/token': (request) => {
      if (!request.headers['content-type']?.includes('application/json')) {
        return json(415, { error: 'unsupported_media_type' });
      }
      const body = jsonBody(request) as Record<string, string>;
      if (
        body.client_id !== grants.policy.clientId ||
        body.client_secret !== grants.policy.clientSecret
      ) {
        return json(401, { error: 'access_denied', error_description: 'Unauthorized' });
      }
      const grant =
        body.grant_type === 'refresh_token'
          ? grants.refresh(body.refresh_token ?? '')
          : grants.exchange(body.code ?? '', body.redirect_uri ?? null, null);
      if (typeof grant === 'string')
        return json(403, {
          error: 'invalid_grant',
          error_description: 'Unknown or invalid refresh token.',
        });
      return json(200, {
        access_token: grant.accessToken,
        expires_in: 3600,
        token_type: 'Bearer',
        refresh_token: grant.refreshToken,
        scope: grant.scopes.join(' '),
      });
    },
    'GET api.atlassian.com /oauth/token/accessible-resources': (request) =>
      grants.access(bearer(request))
        ? json(200, [
            {
              id: '1324a887-45db-1bf4-1e99-ef0ff456d421',
              url: 'https://acme.atlassian.net',
              name: 'acme',
              scopes: ['read:jira-work', 'read:confluence-content.summary'],
              avatarUrl:
                'https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/rocket.png',
            },
          ])
        : json(401, { code: 401, message: 'Unauthorized' }),
    'GET api.atlassian.com /me': (request) =>
      grants.access(bearer(request))
        ? json(200, {
            account_type: 'atlassian',
            account_id: ACCOUNT_ID,
            email: EMAIL,
            name: 'Jane Doe',
            picture: 'https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/jane',
            account_status: 'active',
            nickname: 'jane',
          })
        : json(401, { code: 401, message: 'Unauthorized' }),
    'GET acme.atlassian.net /rest/api/3/myself': (request) =>
      siteUser(request)
        ? json(200, {
            accountId: ACCOUNT_ID,
            accountType: 'atlassian',
            emailAddress: EMAIL,
            displayName: 'Jane Doe',
            active: true,
          })
        : unauthenticated,
    // Confluence answers the anonymous user when no credentials are sent, 401 when wrong ones are.
    'GET acme.atlassian.net /wiki/rest/api/user/current': (request) => {
      if (!request.headers.authorization) {
        return json(200, { type: 'anonymous', displayName: 'Anonymous', publicName: 'Anonymous' });
      }
      return siteUser(request)
        ? json(200, {
            type: 'known',
            accountId: ACCOUNT_ID,
            accountType: 'atlassian',
            email: EMAIL,
            publicName: 'jane',
            displayName: 'Jane Doe',
          })
        : unauthenticated;
    },
  });
  const host = { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret };
  return {
    double,
    scenarios: (['jira', 'confluence'] as const).map((app) => ({
      app,
      host,
      oauth: { label: EMAIL, grants },
      credentials: [
        {
          method: 'basic' as const,
          fields: { site: 'acme', username: EMAIL, password: API_TOKENS[app] },
          wrongFields: { site: 'acme', username: EMAIL, password: 'ATATT3xFfGF0wrongwrongwrong' },
          label: EMAIL,
        },
      ],
      revokeKeys: () => keys.revoke(API_TOKENS[app]),
    })),
  };
}
