// The mock's stand-in for asking the service whether the credentials work.
import type { AuthMethod, FieldError } from '@plugboard/contract';
import type { SubmittedValue } from './field-values.js';

/** The one secret every mock (and demo) service accepts. */
export const DEMO_KEY = 'demo-key-123';

export function rejectedSecrets(
  method: AuthMethod,
  values: Record<string, SubmittedValue>,
): FieldError[] {
  return method.fields
    .filter((field) => field.secret && values[field.name] !== DEMO_KEY)
    .map((field) => ({
      field: field.name,
      code: 'rejected',
      message: 'The service did not accept this value.',
    }));
}

/** The account the credentials sign in to: the same non-secret values mean the same account. */
export function accountIdentity(
  appKey: string,
  method: AuthMethod,
  values: Record<string, SubmittedValue>,
): string {
  const visible = method.fields
    .filter((field) => !field.secret)
    .map((field) => `${field.name}=${String(values[field.name] ?? field.default ?? '')}`);
  return [appKey, ...visible].join('|');
}

/** The account name a service would report for these credentials. */
export function accountLabel(method: AuthMethod, values: Record<string, SubmittedValue>): string {
  const email = method.fields.find(
    (field) => field.type === 'email' && typeof values[field.name] === 'string',
  );
  if (email) return String(values[email.name]);
  const visible = method.fields
    .filter(
      (field) =>
        !field.secret && typeof values[field.name] === 'string' && values[field.name] !== '',
    )
    .map((field) => String(values[field.name]));
  return visible.length > 0 ? `Demo account (${visible.join(', ')})` : 'Demo account';
}
