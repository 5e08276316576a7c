// Google, from developers.google.com/identity: the authorize endpoint at accounts.google.com
// (a refresh token only with access_type=offline), the token endpoint answering standard OAuth
// JSON errors (`invalid_grant`, `invalid_client`), refresh answers without a new refresh token,
// revocation by form-posted `token`, the OpenID Connect userinfo endpoint, and Drive's files.list
// (`q` in Drive's query language, `pageSize`, `pageToken` from `nextPageToken`, the drive
// metadata scope needed).
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import { bearer, clientCredentials, form, json, routes } from '../service-double.js';
import type { DoubledService } from '../scenario.js';

const APPS = ['google-sheets', 'gmail', 'google-calendar', 'google-drive'];
const SPREADSHEET = 'application/vnd.google-apps.spreadsheet';
const METADATA_SCOPE = 'https://www.googleapis.com/auth/drive.metadata.readonly';

/** Drive files: 120 spreadsheets (two pages of 100) among other files. */
const FILES = [
  ...Array.from({ length: 120 }, (_, index) => ({
    id: `1sheet${String(index + 1).padStart(4, '0')}`,
    name: index === 0 ? 'Q3 pipeline' : `Budget ${String(index + 1).padStart(3, '0')}`,
    mimeType: SPREADSHEET,
  })),
  { id: '1doc0001', name: 'Meeting notes', mimeType: 'application/vnd.google-apps.document' },
];

export function googleService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: '1234-abc.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-test',
      accessTtl: 3599,
      refreshTokens: true,
      rotate: false,
    },
    'ya29.',
  );
  const authorize = authorizeEndpoint(grants, {
    service: 'Google',
    check: (params) =>
      params.get('scope') ? null : 'Error 400: invalid_request. Missing required parameter: scope',
    extra: (params) => ({ accessType: params.get('access_type') ?? 'online' }),
  });
  const double = routes({
    'GET accounts.google.com /o/oauth2/v2/auth': authorize.page,
    'POST accounts.google.com /o/oauth2/v2/auth': authorize.decide,
    'POST oauth2.googleapis.com /token': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params))) {
        return json(401, { error: 'invalid_client', error_description: 'Unauthorized' });
      }
      const refreshing = params.get('grant_type') === 'refresh_token';
      const grant = refreshing
        ? grants.refresh(params.get('refresh_token') ?? '')
        : grants.exchange(
            params.get('code') ?? '',
            params.get('redirect_uri'),
            params.get('code_verifier'),
          );
      if (typeof grant === 'string')
        return json(400, { error: 'invalid_grant', error_description: 'Bad Request' });
      return json(200, {
        access_token: grant.accessToken,
        expires_in: 3599,
        scope: grant.scopes.join(' '),
        token_type: 'Bearer',
        id_token: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln',
        // Only the first exchange of an offline grant carries a refresh token.
        ...(!refreshing && grant.extra.accessType === 'offline'
          ? { refresh_token: grant.refreshToken }
          : {}),
      });
    },
    'POST oauth2.googleapis.com /revoke': (request) =>
      grants.revoke(form(request).get('token') ?? '')
        ? { status: 200, json: {} }
        : json(400, { error: 'invalid_token', error_description: 'Token expired or revoked' }),
    'GET www.googleapis.com /drive/v3/files': (request) => {
      const grant = grants.access(bearer(request));
      if (!grant) return json(401, { error: { code: 401, message: 'Invalid Credentials' } });
      if (!grant.scopes.includes(METADATA_SCOPE)) {
        return json(403, { error: { code: 403, message: 'Insufficient Permission' } });
      }
      const params = request.url.searchParams;
      const onlySheets = (params.get('q') ?? '').includes(`mimeType = '${SPREADSHEET}'`);
      const files = FILES.filter((file) => !onlySheets || file.mimeType === SPREADSHEET);
      const size = Math.min(Number(params.get('pageSize') ?? 100), 1000);
      const offset = Number(params.get('pageToken') ?? 0);
      const end = offset + size;
      return json(200, {
        files: files.slice(offset, end).map(({ id, name }) => ({ id, name })),
        ...(end < files.length ? { nextPageToken: String(end) } : {}),
      });
    },
    'GET openidconnect.googleapis.com /v1/userinfo': (request) =>
      grants.access(bearer(request))
        ? json(200, {
            sub: '110169484474386276334',
            name: 'Jane Doe',
            given_name: 'Jane',
            family_name: 'Doe',
            picture: 'https://lh3.googleusercontent.com/a/jane',
            email: 'jane@acme.com',
            email_verified: true,
          })
        : json(
            401,
            { error: 'invalid_request', error_description: 'Invalid Credentials' },
            {
              'WWW-Authenticate':
                'Bearer realm="https://accounts.google.com/", error="invalid_token"',
            },
          ),
  });
  const host = { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret };
  return {
    double,
    scenarios: APPS.map((app) => ({
      app,
      host,
      oauth: { label: 'jane@acme.com', grants },
      ...(app === 'google-sheets' && {
        setup: {
          spreadsheet: {
            labels: FILES.filter((file) => file.mimeType === SPREADSHEET).map((file) => file.name),
            search: { q: 'q3', labels: ['Q3 pipeline'] },
          },
        },
      }),
    })),
  };
}
