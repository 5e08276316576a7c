// What a connection keeps (encrypted) to call the service again, and how it is presented to the
// service and, masked, to the user.
import type { AuthMethod } from '@plugboard/contract';
import type { ProviderCredential, TokenSet } from '../provider/provider-client.js';
import type { CleanFields } from './field-validation.js';

export type StoredCredentials =
  { kind: 'fields'; values: CleanFields } | { kind: 'oauth'; tokens: TokenSet };

/** The credential the service checks; its provider definition says how it is presented. */
export function providerCredential(
  method: AuthMethod,
  credentials: StoredCredentials,
): ProviderCredential {
  if (credentials.kind === 'oauth' || method.type === 'oauth2') {
    if (credentials.kind !== 'oauth') throw new Error('An OAuth method needs OAuth tokens.');
    return { type: 'oauth', tokens: credentials.tokens };
  }
  return { type: 'fields', method: method.type, values: credentials.values };
}

/** The field the service's answer is about: where a rejection is reported to the user. */
export function checkedSecretField(method: AuthMethod): string {
  const secret = method.fields.find((field) => field.secret);
  return (secret ?? method.fields[0])?.name ?? 'apiKey';
}

/** `••••123`: enough for the user to recognise a key, useless to anyone else. */
export function credentialHint(method: AuthMethod, credentials: StoredCredentials): string | null {
  if (credentials.kind === 'oauth') return null;
  const value = String(credentials.values[checkedSecretField(method)] ?? '');
  if (value.length < 8) return '••••';
  return `••••${value.slice(-3)}`;
}
