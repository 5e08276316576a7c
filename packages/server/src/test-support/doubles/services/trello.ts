// Trello, from developer.atlassian.com/cloud/trello: the API key and a user token as `key` and
// `token` query parameters, and plain-text 401 answers (`invalid key`, `invalid token`).
import { json, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const API_KEY = '0123456789abcdef0123456789abcdef';
const TOKEN = `ATTA${'9f8e7d6c5b4a'.repeat(5)}ABCD`;

export function trelloService(): DoubledService {
  const tokens = new KeyStore([TOKEN]);
  const double = routes({
    'GET api.trello.com /1/members/me': (request) => {
      const params = request.url.searchParams;
      if (params.get('key') !== API_KEY) return { status: 401, text: 'invalid key' };
      if (!tokens.accepts(params.get('token'))) return { status: 401, text: 'invalid token' };
      return json(200, {
        id: '5abbe4b7ddc1b351ef961414',
        username: 'janedoe',
        fullName: 'Jane Doe',
        email: 'jane@acme.com',
      });
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'trello',
        host: {},
        credentials: [
          {
            method: 'custom',
            fields: { apiKey: API_KEY, token: TOKEN },
            wrongFields: { apiKey: API_KEY, token: `ATTA${'0'.repeat(64)}` },
            label: 'jane@acme.com',
          },
        ],
        revokeKeys: tokens.revokeAll,
      },
    ],
  };
}
