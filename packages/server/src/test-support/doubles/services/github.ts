// GitHub, from docs.github.com: the web application flow (client id and secret in the body, JSON
// only with `Accept: application/json`, errors as HTTP 200 with `error`, comma-separated scopes,
// tokens that do not expire), PKCE (S256) since July 2025, the REST API refusing requests without
// a User-Agent, `Bad credentials` on a bad token, grant deletion with Basic client auth, and the
// user's repositories (`per_page` up to 100, `page` from 1, a bare JSON array).
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import {
  basic,
  bearer,
  clientCredentials,
  form,
  json,
  jsonBody,
  routes,
  type DoubleRequest,
} from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const PAT = `ghp_${'a1B2c3D4e5F6'.repeat(3)}`;

/** 130 repositories: a full first page of 100 and a second of 30. */
const REPOSITORIES = Array.from({ length: 130 }, (_, index) => ({
  id: 5000 + index,
  name: `repo-${String(index + 1).padStart(3, '0')}`,
  full_name: `janedoe/repo-${String(index + 1).padStart(3, '0')}`,
  private: index % 3 === 0,
  description: index === 0 ? 'The first one' : null,
}));

export function githubService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: 'Iv1.8a61f9b3a7aba766',
      clientSecret: 'gh-secret',
      accessTtl: null,
      refreshTokens: false,
      rotate: false,
    },
    'gho_',
  );
  const keys = new KeyStore([PAT]);
  const authorize = authorizeEndpoint(grants, { service: 'GitHub' });
  const api = (request: DoubleRequest, answer: () => ReturnType<typeof json>) => {
    if (!request.headers['user-agent']) {
      return {
        status: 403,
        text: 'Request forbidden by administrative rules. Please make sure your request has a User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required). Check https://developer.github.com for other possible causes.',
      };
    }
    return answer();
  };
  const signedIn = (request: DoubleRequest) => {
    const token = bearer(request) ?? bearer(request, 'token');
    return grants.access(token) !== null || keys.accepts(token);
  };
  const badCredentials = () =>
    json(401, {
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
      status: '401',
    });
  const double = routes({
    'GET github.com /login/oauth/authorize': authorize.page,
    'POST github.com /login/oauth/authorize': authorize.decide,
    'POST github.com /login/oauth/access_token': (request) => {
      const params = form(request);
      const wantsJson = request.headers.accept?.includes('application/json');
      const reply = (body: Record<string, string>) =>
        wantsJson
          ? json(200, body)
          : {
              status: 200,
              text: new URLSearchParams(body).toString(),
              headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            };
      if (!grants.checkClient(clientCredentials(request, params))) {
        return reply({
          error: 'incorrect_client_credentials',
          error_description: 'The client_id and/or client_secret passed are incorrect.',
        });
      }
      const grant = grants.exchange(
        params.get('code') ?? '',
        params.get('redirect_uri'),
        params.get('code_verifier'),
      );
      if (typeof grant === 'string') {
        return reply({
          error: 'bad_verification_code',
          error_description: 'The code passed is incorrect or expired.',
        });
      }
      return reply({
        access_token: grant.accessToken,
        token_type: 'bearer',
        scope: grant.scopes.join(','),
      });
    },
    'DELETE api.github.com /applications/*': (request) =>
      api(request, () => {
        const pair = basic(request);
        const clientId = request.url.pathname.split('/')[2];
        if (
          !pair ||
          pair.user !== clientId ||
          !grants.checkClient({ id: pair.user, secret: pair.password })
        ) {
          return json(404, {
            message: 'Not Found',
            documentation_url: 'https://docs.github.com/rest',
            status: '404',
          });
        }
        const token = String(jsonBody(request).access_token ?? '');
        return grants.revoke(token)
          ? { status: 204, text: '' }
          : json(422, { message: 'Validation Failed', status: '422' });
      }),
    'GET api.github.com /user/repos': (request) =>
      api(request, () => {
        if (!signedIn(request)) return badCredentials();
        const params = request.url.searchParams;
        const perPage = Math.min(Number(params.get('per_page') ?? 30), 100);
        const page = Number(params.get('page') ?? 1);
        return json(200, REPOSITORIES.slice((page - 1) * perPage, page * perPage));
      }),
    'GET api.github.com /user': (request) =>
      api(request, () => {
        if (!signedIn(request)) return badCredentials();
        return json(200, {
          login: 'janedoe',
          id: 1296269,
          node_id: 'MDQ6VXNlcjE=',
          type: 'User',
          name: 'Jane Doe',
          company: 'Acme',
          email: null,
        });
      }),
  });
  return {
    double,
    scenarios: [
      {
        app: 'github',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        // The public e-mail is null for most users: the connection is named after the login.
        oauth: { label: 'janedoe', grants },
        credentials: [
          {
            method: 'token',
            fields: { token: PAT },
            wrongFields: { token: `ghp_${'z'.repeat(36)}` },
            label: 'janedoe',
          },
        ],
        revokeKeys: keys.revokeAll,
        setup: { repository: { labels: REPOSITORIES.map((repository) => repository.full_name) } },
      },
    ],
  };
}
