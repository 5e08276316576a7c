// ActiveCampaign, from developers.activecampaign.com: the account's own API URL, the key in the
// `Api-Token` header, /api/3/users/me, and 403 for a wrong key.
import { json, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const KEY = '0123456789abcdef'.repeat(4) + '01234567';

export function activecampaignService(): DoubledService {
  const keys = new KeyStore([KEY]);
  const double = routes({
    'GET acme.api-us1.com /api/3/users/me': (request) => {
      const token = request.headers['api-token'];
      return keys.accepts(typeof token === 'string' ? token : null)
        ? json(200, {
            user: {
              id: '1',
              username: 'admin',
              firstName: 'Jane',
              lastName: 'Doe',
              email: 'jane@acme.com',
            },
          })
        : json(403, { message: 'No Result found for User with id 0' });
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'activecampaign',
        host: {},
        credentials: [
          {
            method: 'api_key',
            fields: { accountUrl: 'https://acme.api-us1.com', apiKey: KEY },
            wrongFields: { accountUrl: 'https://acme.api-us1.com', apiKey: 'f'.repeat(72) },
            label: 'jane@acme.com',
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
