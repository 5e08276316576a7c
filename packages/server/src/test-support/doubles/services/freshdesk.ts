// Freshdesk, from developers.freshdesk.com: the API key as the Basic user name with any password
// (`X`) on the helpdesk domain, /api/v2/agents/me, and `{ code: 'invalid_credentials' }` on 401.
import { basic, json, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const API_KEY = 'AbCdEfGhIjKlMnOpQrSt';

export function freshdeskService(): DoubledService {
  const keys = new KeyStore([API_KEY]);
  const double = routes({
    'GET acme.freshdesk.com /api/v2/agents/me': (request) =>
      keys.accepts(basic(request)?.user)
        ? json(200, {
            id: 43000123456,
            available: true,
            occasional: false,
            contact: { name: 'Jane Doe', email: 'jane@acme.com', active: true },
          })
        : json(401, {
            code: 'invalid_credentials',
            message: 'You have to be logged in to perform this action.',
          }),
  });
  return {
    double,
    scenarios: [
      {
        app: 'freshdesk',
        host: {},
        credentials: [
          {
            method: 'api_key',
            fields: { domain: 'acme', apiKey: API_KEY },
            wrongFields: { domain: 'acme', apiKey: 'ZZZZZZZZZZZZZZZZZZZZ' },
            label: 'jane@acme.com',
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
