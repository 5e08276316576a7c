// Shopify, from shopify.dev: a custom app's Admin API token in X-Shopify-Access-Token on the
// store's myshopify.com domain, shop.json, and `{ errors: '[API] Invalid API key or access token…' }`.
import { json, routes } from '../service-double.js';
import { KeyStore, type DoubledService } from '../scenario.js';

const TOKEN = 'shpat_0123456789abcdef0123456789abcdef';

export function shopifyService(): DoubledService {
  const keys = new KeyStore([TOKEN]);
  const double = routes({
    'GET acme.myshopify.com /admin/api/2025-07/shop.json': (request) => {
      const token = request.headers['x-shopify-access-token'];
      return keys.accepts(typeof token === 'string' ? token : null)
        ? json(200, {
            shop: {
              id: 548380009,
              name: 'Acme Store',
              email: 'jane@acme.com',
              domain: 'shop.acme.com',
              myshopify_domain: 'acme.myshopify.com',
            },
          })
        : json(401, {
            errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
          });
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'shopify',
        host: {},
        credentials: [
          {
            method: 'custom',
            fields: { shopDomain: 'acme.myshopify.com', accessToken: TOKEN },
            wrongFields: {
              shopDomain: 'acme.myshopify.com',
              accessToken: `shpat_${'f'.repeat(32)}`,
            },
            label: 'jane@acme.com',
          },
        ],
        revokeKeys: keys.revokeAll,
      },
    ],
  };
}
