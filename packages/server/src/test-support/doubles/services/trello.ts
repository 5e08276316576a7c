// Trello, from developer.atlassian.com/cloud/trello: the API key and a user token as `key` and
// `token` query parameters, plain-text 401 answers (`invalid key`, `invalid token`), and the
// member's boards (`filter=open`, `fields`), all in one answer.
import { json, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const API_KEY = '0123456789abcdef0123456789abcdef';
const TOKEN = `ATTA${'9f8e7d6c5b4a'.repeat(5)}ABCD`;

const BOARDS = [
  {
    id: '5abbe4b7ddc1b351ef961401',
    name: 'Roadmap',
    url: 'https://trello.com/b/aBc1/roadmap',
    closed: false,
  },
  {
    id: '5abbe4b7ddc1b351ef961402',
    name: 'Sales leads',
    url: 'https://trello.com/b/aBc2/sales',
    closed: false,
  },
  {
    id: '5abbe4b7ddc1b351ef961403',
    name: 'Old ideas',
    url: 'https://trello.com/b/aBc3/old',
    closed: true,
  },
];

export function trelloService(): DoubledService {
  const tokens = new KeyStore([TOKEN]);
  const refusal = (params: URLSearchParams) => {
    if (params.get('key') !== API_KEY) return { status: 401, text: 'invalid key' };
    if (!tokens.accepts(params.get('token'))) return { status: 401, text: 'invalid token' };
    return null;
  };
  const double = routes({
    'GET api.trello.com /1/members/me/boards': (request) => {
      const params = request.url.searchParams;
      const refused = refusal(params);
      if (refused) return refused;
      const open = BOARDS.filter((board) => params.get('filter') !== 'open' || !board.closed);
      const fields = (params.get('fields') ?? 'all').split(',');
      return json(
        200,
        open.map((board) =>
          fields.includes('all')
            ? board
            : Object.fromEntries(
                Object.entries(board).filter(([name]) => name === 'id' || fields.includes(name)),
              ),
        ),
      );
    },
    'GET api.trello.com /1/members/me': (request) => {
      const refused = refusal(request.url.searchParams);
      if (refused) return refused;
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
        setup: { board: { labels: ['Roadmap', 'Sales leads'] } },
      },
    ],
  };
}
