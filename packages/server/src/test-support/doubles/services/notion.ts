// Notion, from developers.notion.com: authorize with owner=user (no scopes: the user picks pages),
// a token request with HTTP Basic client auth and a JSON body, refresh answers with a new refresh
// token, and the API requiring `Notion-Version` (400 `missing_version` without it) and answering
// `{ object: 'error', status, code, message }`.
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import {
  basic,
  bearer,
  clientCredentials,
  json,
  jsonBody,
  routes,
  type DoubleRequest,
} from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const SECRET = `ntn_${'a1B2c3D4e5'.repeat(4)}xyz`;

export function notionService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: '1a2b3c4d-notion-client',
      clientSecret: 'secret_notion',
      accessTtl: 3600,
      refreshTokens: true,
      rotate: true,
    },
    'ntn_oauth_',
  );
  const keys = new KeyStore([SECRET]);
  const authorize = authorizeEndpoint(grants, {
    service: 'Notion',
    check: (params) => (params.get('owner') === 'user' ? null : 'owner must be user'),
  });
  const error = (status: number, code: string, message: string) =>
    json(status, {
      object: 'error',
      status,
      code,
      message,
      request_id: 'b1f9c2a4-0000-4000-8000-000000000000',
    });
  const versioned = (request: DoubleRequest) => Boolean(request.headers['notion-version']);
  const botUser = (workspaceOwner: boolean) => ({
    object: 'user',
    id: '9188c6a5-7381-452f-b3dc-d4865aa89bdf',
    name: 'Plugboard',
    avatar_url: null,
    type: 'bot',
    bot: {
      owner: workspaceOwner
        ? { type: 'workspace', workspace: true }
        : {
            type: 'user',
            user: {
              object: 'user',
              id: 'e79a0b74-3aba-4149-9f74-0bb5791a6ee6',
              name: 'Jane Doe',
              type: 'person',
              person: { email: 'jane@acme.com' },
            },
          },
      workspace_name: 'Acme HQ',
    },
    request_id: 'b1f9c2a4-0000-4000-8000-000000000001',
  });
  const double = routes({
    'GET api.notion.com /v1/oauth/authorize': authorize.page,
    'POST api.notion.com /v1/oauth/authorize': authorize.decide,
    'POST api.notion.com /v1/oauth/token': (request) => {
      const body = jsonBody(request) as Record<string, string>;
      const client = clientCredentials(request, {});
      if (!basic(request) || !grants.checkClient(client))
        return error(401, 'unauthorized', 'Invalid client.');
      if (!request.headers['content-type']?.includes('application/json')) {
        return error(400, 'invalid_request', 'Body failed validation.');
      }
      const grant =
        body.grant_type === 'refresh_token'
          ? grants.refresh(body.refresh_token ?? '')
          : grants.exchange(body.code ?? '', body.redirect_uri ?? null, null);
      if (typeof grant === 'string')
        return json(400, { error: 'invalid_grant', error_description: 'Invalid code.' });
      return json(200, {
        access_token: grant.accessToken,
        token_type: 'bearer',
        refresh_token: grant.refreshToken,
        bot_id: '9188c6a5-7381-452f-b3dc-d4865aa89bdf',
        workspace_name: 'Acme HQ',
        workspace_icon: null,
        workspace_id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
        owner: botUser(false).bot.owner,
        duplicated_template_id: null,
        request_id: 'b1f9c2a4-0000-4000-8000-000000000002',
      });
    },
    'POST api.notion.com /v1/oauth/revoke': (request) => {
      if (!grants.checkClient(clientCredentials(request, {})))
        return error(401, 'unauthorized', 'Invalid client.');
      grants.revoke(String(jsonBody(request).token ?? ''));
      return json(200, {});
    },
    'GET api.notion.com /v1/users/me': (request) => {
      if (!versioned(request))
        return error(400, 'missing_version', 'Notion-Version header failed validation.');
      const token = bearer(request);
      if (keys.accepts(token)) return json(200, botUser(true));
      if (grants.access(token)) return json(200, botUser(false));
      return error(401, 'unauthorized', 'API token is invalid.');
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'notion',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
        credentials: [
          {
            method: 'token',
            fields: { token: SECRET },
            wrongFields: { token: `ntn_${'z9'.repeat(22)}` },
            label: 'Acme HQ',
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
