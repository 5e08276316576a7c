// Mailchimp, from mailchimp.com/developer: OAuth at login.mailchimp.com (no scopes, tokens that do
// not expire, `expires_in: 0`), the metadata endpoint taking `Authorization: OAuth <token>` and
// naming the data centre, API keys ending in `-<dc>` used as the Basic password with any user,
// the API root on `<dc>.api.mailchimp.com`, and problem+json errors.
import { authorizeEndpoint, OAuthGrants } from '../oauth-grants.js';
import { basic, bearer, clientCredentials, form, json, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const API_KEY = '0123456789abcdef0123456789abcdef-us21';
const ROOT = {
  account_id: '8d3a3db4d97663a9074efcc16',
  login_id: '12345',
  account_name: 'Acme',
  email: 'jane@acme.com',
  first_name: 'Jane',
  last_name: 'Doe',
  username: 'jane',
};

export function mailchimpService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: '123456789012',
      clientSecret: 'mailchimp-secret',
      accessTtl: null,
      refreshTokens: false,
      rotate: false,
    },
    'mc-oauth-',
  );
  const keys = new KeyStore([API_KEY]);
  const authorize = authorizeEndpoint(grants, { service: 'Mailchimp' });
  const problem = (status: number, title: string, detail: string) => ({
    status,
    json: {
      type: 'https://mailchimp.com/developer/marketing/docs/errors/',
      title,
      status,
      detail,
      instance: '0d9fc4a8-1f9c-4e4b-8a8b-2a1c6b3f5e7d',
    },
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8' },
  });
  const double = routes({
    'GET login.mailchimp.com /oauth2/authorize': authorize.page,
    'POST login.mailchimp.com /oauth2/authorize': authorize.decide,
    'POST login.mailchimp.com /oauth2/token': (request) => {
      const params = form(request);
      if (!grants.checkClient(clientCredentials(request, params)))
        return json(401, { error: 'invalid_client' });
      const grant = grants.exchange(params.get('code') ?? '', params.get('redirect_uri'), null);
      if (typeof grant === 'string')
        return json(400, {
          error: 'invalid_grant',
          error_description: 'Invalid authorization code',
        });
      return json(200, { access_token: grant.accessToken, expires_in: 0, scope: null });
    },
    'GET login.mailchimp.com /oauth2/metadata': (request) =>
      grants.access(bearer(request, 'OAuth'))
        ? json(200, {
            dc: 'us21',
            role: 'owner',
            accountname: 'Acme',
            user_id: 12345,
            login: { email: 'jane@acme.com', login_id: 12345, login_name: 'jane' },
            login_url: 'https://login.mailchimp.com',
            api_endpoint: 'https://us21.api.mailchimp.com',
          })
        : json(401, { error: 'invalid_token' }),
    'GET us21.api.mailchimp.com /3.0/': (request) => {
      const allowed =
        grants.access(bearer(request)) !== null || keys.accepts(basic(request)?.password);
      return allowed
        ? json(200, ROOT)
        : problem(
            401,
            'API Key Invalid',
            'Your API key may be invalid, or you\u2019ve attempted to access the wrong datacenter.',
          );
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'mailchimp',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane@acme.com', grants },
        credentials: [
          {
            method: 'api_key',
            fields: { apiKey: API_KEY },
            wrongFields: { apiKey: `${'f'.repeat(32)}-us21` },
            label: 'jane@acme.com',
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
