// Stripe signs each delivery with the endpoint's signing secret (`whsec_…`):
// `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">[,v1=…][,v0=…]`.
// Any v1 signature may match (Stripe sends several while a secret rotates); other schemes are
// ignored; the timestamp must be within Stripe's default tolerance of 5 minutes
// (docs.stripe.com/webhooks/signatures, "Verify manually").
import { hmacSha256, sameText } from './equal-secrets.js';

const STRIPE_TOLERANCE_MS = 5 * 60 * 1000;

export function verifyStripe(headers: Headers, body: Buffer, secret: string, now: number): boolean {
  const parts = (headers.get('stripe-signature') ?? '').split(',').map((part) => {
    const separator = part.indexOf('=');
    return [part.slice(0, separator).trim(), part.slice(separator + 1).trim()] as const;
  });
  const timestamp = parts.find(([key]) => key === 't')?.[1];
  const signatures = parts.filter(([key]) => key === 'v1').map(([, value]) => value);
  if (!timestamp || !/^\d+$/.test(timestamp) || signatures.length === 0) return false;
  if (Math.abs(now - Number(timestamp) * 1000) > STRIPE_TOLERANCE_MS) return false;
  const expected = hmacSha256(secret, Buffer.concat([Buffer.from(`${timestamp}.`), body])).toString(
    'hex',
  );
  // Every candidate is compared, so the time taken says nothing about which one matched.
  return signatures.map((signature) => sameText(signature, expected)).includes(true);
}
