// Pipedrive, from pipedrive.readme.io and developers.pipedrive.com: OAuth at oauth.pipedrive.com
// (scopes chosen in the app's settings, none in the authorize URL; client authenticated with HTTP
// Basic; `api_domain` in the token answer), the personal API token as the `api_token` query
// parameter on the company domain, `{ success, data }` answers from /v1/users/me, and the
// pipelines from API v2 (`limit`, an opaque `cursor`, `additional_data.next_cursor` null at the end).
import { consentDecision, consentPage, OAuthGrants, redirectBack } from '../oauth-grants.js';
import {
  bearer,
  clientCredentials,
  form,
  json,
  routes,
  type DoubleRequest,
} from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const API_TOKEN = '0123456789abcdef0123456789abcdef01234567';
const ME = {
  id: 1234,
  name: 'Jane Doe',
  email: 'jane@acme.com',
  company_id: 777,
  company_domain: 'acme',
};

const PIPELINES = ['Sales pipeline', 'Partnerships', 'Renewals'].map((name, index) => ({
  id: index + 1,
  name,
  order_nr: index + 1,
  is_deleted: false,
  is_deal_probability_enabled: false,
  add_time: '2024-01-15T10:30:00Z',
  update_time: '2024-01-15T10:30:00Z',
}));

export function pipedriveService(): DoubledService {
  const grants = new OAuthGrants({
    clientId: 'pd-client',
    clientSecret: 'pd-secret',
    accessTtl: 3599,
    refreshTokens: true,
    rotate: false,
  });
  const keys = new KeyStore([API_TOKEN]);
  const unauthorized = () =>
    json(401, {
      success: false,
      error: 'unauthorized access',
      errorCode: 401,
      error_info: 'Please check developers.pipedrive.com',
    });
  const tokenAnswer = (grant: {
    accessToken: string;
    refreshToken: string | null;
    scopes: string[];
  }) =>
    json(200, {
      access_token: grant.accessToken,
      token_type: 'Bearer',
      refresh_token: grant.refreshToken,
      scope: grant.scopes.join(','),
      expires_in: 3599,
      api_domain: 'https://acme.pipedrive.com',
    });
  const allowed = (request: DoubleRequest) => {
    const apiToken = request.url.searchParams.get('api_token');
    return apiToken ? keys.accepts(apiToken) : grants.access(bearer(request)) !== null;
  };
  const authorizeProblem = (request: DoubleRequest) =>
    request.url.searchParams.get('client_id') === grants.policy.clientId ? null : 'Invalid client';
  const double = routes({
    'GET oauth.pipedrive.com /oauth/authorize': (request) =>
      consentPage('Pipedrive', request, authorizeProblem(request) ?? undefined),
    'POST oauth.pipedrive.com /oauth/authorize': (request) => {
      const problem = authorizeProblem(request);
      if (problem) return consentPage('Pipedrive', request, problem);
      const params = request.url.searchParams;
      const redirectUri = params.get('redirect_uri')!;
      if (consentDecision(request) === 'deny')
        return redirectBack(redirectUri, params.get('state'), { error: 'user_denied' });
      const code = grants.issueCode({
        redirectUri,
        scopes: ['base', 'deals:read'],
        challenge: null,
        extra: {},
      });
      return redirectBack(redirectUri, params.get('state'), { code });
    },
    'POST oauth.pipedrive.com /oauth/token': (request) => {
      const params = form(request);
      const client = clientCredentials(request, params);
      // Pipedrive authenticates the client with HTTP Basic only.
      if (client?.via !== 'basic' || !grants.checkClient(client)) {
        return json(401, {
          success: false,
          error: 'invalid_client',
          error_description: 'Invalid client credentials',
        });
      }
      const grant =
        params.get('grant_type') === 'refresh_token'
          ? grants.refresh(params.get('refresh_token') ?? '')
          : grants.exchange(params.get('code') ?? '', params.get('redirect_uri'), null);
      if (typeof grant === 'string') {
        return json(400, {
          success: false,
          error: 'invalid_grant',
          error_description: 'Invalid grant',
        });
      }
      return tokenAnswer(grant);
    },
    'POST oauth.pipedrive.com /oauth/revoke': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params)))
        return json(401, { error: 'invalid_client' });
      grants.revoke(params.get('token') ?? '');
      return { status: 200, text: '' };
    },
    'GET acme.pipedrive.com /api/v1/users/me': (request) =>
      allowed(request) ? json(200, { success: true, data: ME }) : unauthorized(),
    'GET acme.pipedrive.com /api/v2/pipelines': (request) => {
      if (!allowed(request)) return unauthorized();
      const params = request.url.searchParams;
      const limit = Math.min(Number(params.get('limit') ?? 100), 500);
      const cursor = params.get('cursor');
      const offset = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : 0;
      const end = offset + limit;
      return json(200, {
        success: true,
        data: PIPELINES.slice(offset, end),
        additional_data: {
          next_cursor:
            end < PIPELINES.length ? Buffer.from(String(end)).toString('base64url') : null,
        },
      });
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'pipedrive',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
        credentials: [
          {
            method: 'token',
            fields: { companyDomain: 'acme', apiToken: API_TOKEN },
            wrongFields: { companyDomain: 'acme', apiToken: 'f'.repeat(40) },
            label: 'jane@acme.com',
          },
        ],
        revokeKeys: keys.revokeAll,
        setup: { pipeline: { labels: PIPELINES.map((pipeline) => pipeline.name) } },
      },
    ],
  };
}
