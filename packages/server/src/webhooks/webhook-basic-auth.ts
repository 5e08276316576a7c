// The HTTP basic auth a connection's webhook must carry, for services that send it (Pipedrive).
// Derived from the hook id with a key of this server, so nothing more is stored; the setup step
// shows it to the user, who enters it with the URL. Rotating the encryption key changes it.
import { createHmac, hkdfSync } from 'node:crypto';
import type { BasicCredentials } from './verify-basic-auth.js';

const WEBHOOK_USERNAME = 'plugboard';

export type WebhookBasicAuth = (hookId: string) => BasicCredentials;

export function webhookBasicAuth(encryptionKey: Buffer): WebhookBasicAuth {
  const key = Buffer.from(
    hkdfSync('sha256', encryptionKey, Buffer.alloc(0), 'plugboard webhook basic auth', 32),
  );
  return (hookId) => ({
    username: WEBHOOK_USERNAME,
    password: createHmac('sha256', key).update(hookId).digest('base64url'),
  });
}
