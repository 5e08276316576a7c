// Checks one webhook delivery the way its app's service authenticates it (webhook-signatures.ts).
import type { StoredCredentials } from '../connections/stored-credentials.js';
import { verifyBasicAuth } from './verify-basic-auth.js';
import { verifyShopify } from './verify-shopify.js';
import { verifySlack } from './verify-slack.js';
import { verifyStripe } from './verify-stripe.js';
import type { WebhookBasicAuth } from './webhook-basic-auth.js';
import {
  webhookSignatureOf,
  type SigningSecretSource,
} from '@plugboard/contract/webhook-signatures';

export interface Delivery {
  headers: Headers;
  /** The exact bytes received: signatures cover the raw body. */
  body: Buffer;
  now: number;
}

export interface DeliveryTarget {
  app: string;
  hookId: string;
  credentials: StoredCredentials | null;
}

export interface DeliveryKeys {
  basicAuth: WebhookBasicAuth;
  /** Per app: the signing secret of the platform's own app at the service. */
  configuredSecrets: Readonly<Record<string, string>>;
}

function signingSecret(
  source: SigningSecretSource,
  target: DeliveryTarget,
  keys: DeliveryKeys,
): string | undefined {
  if ('configured' in source) return keys.configuredSecrets[target.app];
  const { credentials } = target;
  const value = credentials?.kind === 'fields' ? credentials.values[source.field] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * True when the delivery carries what its service signs it with, or when the app's service
 * signs nothing (the URL is the capability). A scheme without a secret to check refuses.
 */
export function isAuthenticDelivery(
  delivery: Delivery,
  target: DeliveryTarget,
  keys: DeliveryKeys,
): boolean {
  const signature = webhookSignatureOf(target.app);
  if (!signature) return true;
  if (signature.scheme === 'basic_auth') {
    return verifyBasicAuth(delivery.headers, keys.basicAuth(target.hookId));
  }
  const secret = signingSecret(signature.secret, target, keys);
  if (!secret) return false;
  switch (signature.scheme) {
    case 'stripe':
      return verifyStripe(delivery.headers, delivery.body, secret, delivery.now);
    case 'shopify':
      return verifyShopify(delivery.headers, delivery.body, secret);
    case 'slack':
      return verifySlack(delivery.headers, delivery.body, secret, delivery.now);
  }
}
