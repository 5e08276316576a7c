// What a connection keeps (encrypted) to call the service again, and how it is presented to the
// service and, masked, to the user.
import type { AuthMethod, FieldValues } from '@plugboard/contract';
import { checkFields } from '@plugboard/contract/field-check';
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

/**
 * The field the service checks, where a rejection is reported to the user: the first secret one
 * given a value (with `values`), else the first secret one, else the first field.
 */
export function checkedSecretField(
  method: Pick<AuthMethod, 'fields'>,
  values?: Readonly<Record<string, unknown>>,
): string {
  const secrets = method.fields.filter((field) => field.secret);
  const filled = values && secrets.find((field) => values[field.name] !== undefined);
  return (filled ?? secrets[0] ?? method.fields[0])?.name ?? 'apiKey';
}

/** `••••123`: enough for the user to recognise a key, useless to anyone else. */
export function credentialHint(method: AuthMethod, credentials: StoredCredentials): string | null {
  if (credentials.kind === 'oauth') return null;
  const name = checkedSecretField(method, credentials.values);
  const field = method.fields.find((candidate) => candidate.name === name);
  const value = String(credentials.values[name] ?? '');
  // The end of a key file or PEM block is the same in every file: it tells nothing.
  if (value.length < 8 || field?.type === 'textarea' || field?.type === 'file') return '••••';
  return `••••${value.slice(-3)}`;
}

/** The fields that are not secret, as saved: shown filled in when the user updates. */
export function publicFieldsOf(method: AuthMethod, values: CleanFields): FieldValues {
  return Object.fromEntries(
    method.fields
      .filter((field) => !field.secret && values[field.name] !== undefined)
      .map((field) => [field.name, values[field.name]!]),
  );
}

/**
 * An update that leaves a secret blank keeps the stored one, but only while every other field
 * keeps its saved value: a changed address (or account) must never receive the stored key.
 */
export function withStoredSecrets(
  method: AuthMethod,
  submitted: FieldValues,
  stored: StoredCredentials | null,
  savedPublicFields: FieldValues | null,
): FieldValues {
  if (stored?.kind !== 'fields' || !savedPublicFields) return submitted;
  const secrets = method.fields.filter((field) => field.secret);
  const blank = secrets.filter((field) => !String(submitted[field.name] ?? '').trim());
  if (blank.length === 0) return submitted;
  const relaxed = {
    ...method,
    fields: method.fields.map((field) => ({ ...field, required: false })),
  };
  const unchanged =
    canonical(publicFieldsOf(method, checkFields(relaxed, submitted).values)) ===
    canonical(savedPublicFields);
  if (!unchanged) return submitted;
  const kept = { ...submitted };
  for (const field of blank) {
    const value = stored.values[field.name];
    if (value !== undefined) kept[field.name] = value;
  }
  return kept;
}

function canonical(values: FieldValues): string {
  return JSON.stringify(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : 1)));
}
