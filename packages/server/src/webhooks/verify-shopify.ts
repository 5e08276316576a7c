// Shopify signs each delivery: `X-Shopify-Hmac-Sha256` is the base64 HMAC-SHA256 of the raw body,
// keyed with the app's client secret (or, for webhooks made in the Shopify admin, the key shown
// under Settings › Notifications) (shopify.dev, "Verify webhooks").
import { hmacSha256, sameText } from './equal-secrets.js';

export function verifyShopify(headers: Headers, body: Buffer, secret: string): boolean {
  const received = headers.get('x-shopify-hmac-sha256');
  if (!received) return false;
  return sameText(received, hmacSha256(secret, body).toString('base64'));
}
