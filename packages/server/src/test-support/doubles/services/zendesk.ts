// Zendesk, from developer.zendesk.com: API tokens as Basic `{email}/token:{api_token}` on the
// account's subdomain; wrong credentials answer 401 `Couldn't authenticate you`, and a request
// whose authentication did not take (no or unusable Authorization) is served as the anonymous
// user, HTTP 200 with `id: null`.
import { basic, json, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const TOKEN = 'wZ1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ12';
const EMAIL = 'jane@acme.com';

export function zendeskService(): DoubledService {
  const keys = new KeyStore([TOKEN]);
  const anonymous = {
    user: {
      id: null,
      url: null,
      name: 'Anonymous user',
      email: 'invalid@example.com',
      role: 'end-user',
      verified: false,
      authenticity_token: 'abc',
    },
  };
  const double = routes({
    'GET acme.zendesk.com /api/v2/users/me.json': (request) => {
      const pair = basic(request);
      if (!pair || !pair.user.endsWith('/token')) return json(200, anonymous);
      if (pair.user !== `${EMAIL}/token` || !keys.accepts(pair.password)) {
        return json(401, { error: "Couldn't authenticate you" });
      }
      return json(200, {
        user: {
          id: 35436,
          url: 'https://acme.zendesk.com/api/v2/users/35436.json',
          name: 'Jane Doe',
          email: EMAIL,
          role: 'admin',
          verified: true,
        },
      });
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'zendesk',
        host: {},
        credentials: [
          {
            method: 'custom',
            fields: { subdomain: 'acme', email: EMAIL, apiToken: TOKEN },
            wrongFields: {
              subdomain: 'acme',
              email: EMAIL,
              apiToken: 'wrongwrongwrongwrongwrongwrong',
            },
            label: EMAIL,
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
