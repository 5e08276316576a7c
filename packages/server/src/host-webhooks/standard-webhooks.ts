// Signing per the Standard Webhooks specification (https://www.standardwebhooks.com): the secret is
// `whsec_` + base64 of the key; each attempt carries `webhook-id` (the message id, the same on
// every retry), `webhook-timestamp` (the attempt's Unix seconds) and `webhook-signature`
// (`v1,` + base64 HMAC-SHA256 of `id.timestamp.body` under the key).
import { createHmac } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';
const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;

export class HostWebhookSecretError extends Error {
  constructor() {
    super(
      `PB_HOST_WEBHOOK_SECRET must be ${SECRET_PREFIX} followed by ${MIN_KEY_BYTES}–${MAX_KEY_BYTES} random bytes in base64, e.g. ${SECRET_PREFIX}$(openssl rand -base64 32).`,
    );
    this.name = 'HostWebhookSecretError';
  }
}

/** The signing key inside a `whsec_…` secret; throws HostWebhookSecretError for anything else. */
export function webhookKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : '';
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) throw new HostWebhookSecretError();
  const key = Buffer.from(encoded, 'base64');
  if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) throw new HostWebhookSecretError();
  return key;
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** The three headers of one attempt to send `body` as message `id` at `at` (epoch ms). */
export function signedHeaders(key: Buffer, id: string, at: number, body: string): SignedHeaders {
  const timestamp = String(Math.floor(at / 1000));
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${signature}`,
  };
}
