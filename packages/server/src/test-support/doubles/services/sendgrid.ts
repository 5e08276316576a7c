// SendGrid (Twilio), from twilio.com/docs/sendgrid: Bearer API keys, /v3/user/username, and
// `{ errors: [{ field, message }] }` answers (401 `authorization required`).
import { bearer, json, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const KEY = `SG.${'a'.repeat(22)}.${'b'.repeat(43)}`;

export function sendgridService(): DoubledService {
  const keys = new KeyStore([KEY]);
  const double = routes({
    'GET api.sendgrid.com /v3/user/username': (request) =>
      keys.accepts(bearer(request))
        ? json(200, { username: 'acme-mail', user_id: 4180 })
        : json(401, { errors: [{ field: null, message: 'authorization required' }] }),
  });
  return {
    double,
    scenarios: [
      {
        app: 'sendgrid',
        host: {},
        credentials: [
          {
            method: 'api_key',
            fields: { apiKey: KEY },
            wrongFields: { apiKey: `SG.${'z'.repeat(22)}.${'y'.repeat(43)}` },
            label: 'acme-mail',
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
