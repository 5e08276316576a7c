// Stripe, from docs.stripe.com/api: the secret or restricted key as the Basic user name with an
// empty password, /v1/account, 401 `invalid_request_error` for a bad key and 403 for a restricted
// key without the permission.
import { basic, json, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const KEY = 'rk_test_51AbCdEfGhIjKlMnOpQrStUvWx';

export function stripeService(): DoubledService {
  const keys = new KeyStore([KEY]);
  const double = routes({
    'GET api.stripe.com /v1/account': (request) => {
      const key = basic(request)?.user ?? null;
      if (!keys.accepts(key)) {
        return json(401, {
          error: {
            message: `Invalid API Key provided: ${(key ?? '').slice(0, 8)}****`,
            type: 'invalid_request_error',
          },
        });
      }
      return json(200, {
        id: 'acct_1032D82eZvKYlo2C',
        object: 'account',
        email: 'jane@acme.com',
        business_profile: { name: 'Acme' },
        settings: { dashboard: { display_name: 'Acme', timezone: 'Europe/Paris' } },
      });
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'stripe',
        host: {},
        credentials: [
          {
            method: 'api_key',
            fields: { apiKey: KEY },
            wrongFields: { apiKey: 'sk_test_ZZZZZZZZZZZZZZZZZZZZZZZZ' },
            label: 'jane@acme.com',
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
