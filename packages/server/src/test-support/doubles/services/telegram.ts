// Telegram Bot API, from core.telegram.org/bots/api: the bot token inside the path
// (`/bot<token>/getMe`), `{ ok, result }` answers, and `{ ok: false, error_code: 401,
// description: 'Unauthorized' }` for a revoked or unknown token.
import { json, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const TOKEN = '7123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

export function telegramService(): DoubledService {
  const keys = new KeyStore([TOKEN]);
  const double = routes({
    'GET api.telegram.org /bot*': (request) => {
      const match = /^\/bot([^/]+)\/getMe$/.exec(decodeURIComponent(request.url.pathname));
      if (!match) return json(404, { ok: false, error_code: 404, description: 'Not Found' });
      if (!keys.accepts(match[1]))
        return json(401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return json(200, {
        ok: true,
        result: {
          id: 7123456789,
          is_bot: true,
          first_name: 'Acme Bot',
          username: 'acme_bot',
          can_join_groups: true,
        },
      });
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'telegram-bot',
        host: {},
        credentials: [
          {
            method: 'token',
            fields: { token: TOKEN },
            wrongFields: { token: '7123456789:AAwrongwrongwrongwrongwrongwrongwrong' },
            label: '@acme_bot',
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
