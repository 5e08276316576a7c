// Notion, from developers.notion.com: authorize with owner=user (no scopes: the user picks pages),
// a token request with HTTP Basic client auth and a JSON body, refresh answers with a new refresh
// token, the API requiring `Notion-Version` (400 `missing_version` without it) and answering
// `{ object: 'error', status, code, message }`, and search (POST, JSON body: `query`, a `filter`
// on `object`, `page_size` up to 100, `start_cursor` from `next_cursor`).
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

/** What the integration was shared with: 3 databases and a page. */
const SHARED = [
  { object: 'database', id: 'a8aec43c-6f00-4ad4-8e1b-6c4c1f6f0001', name: 'Leads' },
  { object: 'page', id: 'a8aec43c-6f00-4ad4-8e1b-6c4c1f6f0002', name: 'Team wiki' },
  { object: 'database', id: 'a8aec43c-6f00-4ad4-8e1b-6c4c1f6f0003', name: 'Tasks' },
  { object: 'database', id: 'a8aec43c-6f00-4ad4-8e1b-6c4c1f6f0004', name: 'Lead sources' },
].map(({ object, id, name }) => ({
  object,
  id,
  ...(object === 'database'
    ? { title: [{ type: 'text', text: { content: name }, plain_text: name }] }
    : { properties: { title: { title: [{ plain_text: name }] } } }),
}));

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
    'POST api.notion.com /v1/search': (request) => {
      if (!versioned(request))
        return error(400, 'missing_version', 'Notion-Version header failed validation.');
      const token = bearer(request);
      if (!keys.accepts(token) && !grants.access(token))
        return error(401, 'unauthorized', 'API token is invalid.');
      const body = jsonBody(request) as {
        query?: string;
        filter?: { property?: string; value?: string };
        page_size?: number;
        start_cursor?: string;
      };
      const query = (body.query ?? '').toLowerCase();
      const found = SHARED.filter(
        (item) =>
          (!body.filter || item.object === body.filter.value) &&
          JSON.stringify(item).toLowerCase().includes(query),
      );
      const size = Math.min(body.page_size ?? 100, 100);
      const start = body.start_cursor
        ? found.findIndex((item) => item.id === body.start_cursor)
        : 0;
      if (start < 0) return error(400, 'validation_error', 'start_cursor is invalid.');
      const page = found.slice(start, start + size);
      const next = found[start + size]?.id ?? null;
      return json(200, {
        object: 'list',
        results: page,
        next_cursor: next,
        has_more: next !== null,
        type: 'page_or_database',
        page_or_database: {},
      });
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
        setup: {
          database: {
            labels: ['Leads', 'Tasks', 'Lead sources'],
            search: { q: 'lead', labels: ['Leads', 'Lead sources'] },
          },
        },
      },
    ],
  };
}
