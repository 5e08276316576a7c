// WooCommerce, from woocommerce.github.io/woocommerce-rest-api-docs: consumer key and secret as
// HTTP Basic over HTTPS on the store's own site, the system status resource, and WordPress REST
// errors `{ code, message, data: { status } }`.
import { basic, json, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const KEY = `ck_${'0123456789'.repeat(4)}`;
const SECRET = `cs_${'abcdef0123'.repeat(4)}`;

export function woocommerceService(): DoubledService {
  const keys = new KeyStore([SECRET]);
  const double = routes({
    'GET shop.acme.dev /wp-json/wc/v3/system_status': (request) => {
      const pair = basic(request);
      if (pair?.user !== KEY || !keys.accepts(pair.password)) {
        return json(401, {
          code: 'woocommerce_rest_cannot_view',
          message: 'Sorry, you cannot list resources.',
          data: { status: 401 },
        });
      }
      return json(200, {
        environment: {
          home_url: 'https://shop.acme.dev',
          site_url: 'https://shop.acme.dev',
          version: '9.4.0',
          wp_version: '6.7',
        },
        settings: { currency: 'EUR' },
      });
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'woocommerce',
        host: {},
        credentials: [
          {
            method: 'custom',
            fields: { storeUrl: 'https://shop.acme.dev', consumerKey: KEY, consumerSecret: SECRET },
            wrongFields: {
              storeUrl: 'https://shop.acme.dev',
              consumerKey: KEY,
              consumerSecret: `cs_${'f'.repeat(40)}`,
            },
            label: 'https://shop.acme.dev',
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
