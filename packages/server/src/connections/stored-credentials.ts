// What a connection keeps (encrypted) to call the service again, and how it is presented to the
// service and, masked, to the user.
import type { AuthMethod } from '@plugboard/contract';
import type { ProviderCredential, TokenSet } from '../provider/provider-client.js';
import type { CleanFields } from './field-validation.js';

export type StoredCredentials =
  { kind: 'fields'; values: CleanFields } | { kind: 'oauth'; tokens: TokenSet };

/**
 * The credential the service checks. Basic methods send their `username` and `password` fields;
 * every other credential method sends its first secret field as the API key.
 */
export function providerCredential(
  method: AuthMethod,
  credentials: StoredCredentials,
): ProviderCredential {
  if (credentials.kind === 'oauth') {
    return { type: 'bearer', accessToken: credentials.tokens.accessToken };
  }
  const { values } = credentials;
  if (method.type === 'basic') {
    return {
      type: 'basic',
      username: String(values.username ?? ''),
      password: String(values.password ?? ''),
    };
  }
  return { type: 'api_key', key: String(values[checkedSecretField(method)] ?? '') };
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
