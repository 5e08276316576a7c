// Twilio, from twilio.com/docs: HTTP Basic with the Account SID and auth token, the Account
// resource, and error 20003 (`Authenticate`) on 401.
import { basic, json, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const SID = `AC${'0123456789abcdef'.repeat(2)}`;
const TOKEN = 'abcdef0123456789'.repeat(2);

export function twilioService(): DoubledService {
  const keys = new KeyStore([TOKEN]);
  const double = routes({
    [`GET api.twilio.com /2010-04-01/Accounts/${SID}.json`]: (request) => {
      const pair = basic(request);
      if (pair?.user !== SID || !keys.accepts(pair.password)) {
        return json(401, {
          code: 20003,
          message: 'Authenticate',
          more_info: 'https://www.twilio.com/docs/errors/20003',
          status: 401,
        });
      }
      return json(200, {
        sid: SID,
        friendly_name: 'Acme Production',
        status: 'active',
        type: 'Full',
        owner_account_sid: SID,
      });
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'twilio',
        host: {},
        credentials: [
          {
            method: 'custom',
            fields: { accountSid: SID, authToken: TOKEN },
            wrongFields: { accountSid: SID, authToken: 'f'.repeat(32) },
            label: 'Acme Production',
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
