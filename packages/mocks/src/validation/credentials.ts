// The mock's stand-in for asking the service whether the credentials work. Like the demo
// provider, it knows two accounts: each demo key signs in to one of them.
import type { AuthField, AuthMethod, FieldError } from '@plugboard/contract';
import type { SubmittedValue } from './field-values.js';

/** The demo key of the first account, which every mock (and demo) service accepts. */
export const DEMO_KEY = 'demo-key-123';

/** The demo accounts, by the key that signs in to them; ids as the demo workspace knows them. */
export const DEMO_ACCOUNTS = [
  { key: DEMO_KEY, id: 'demo-user', name: 'Demo account' },
  { key: 'demo-key-456', id: 'demo-user-2', name: 'Alex Rivera' },
] as const;

export type DemoAccount = (typeof DEMO_ACCOUNTS)[number];

/**
 * The account a secret signs in to: its demo key, or for a key file (several lines, a JSON file)
 * the demo key inside it, as the demo provider reads it.
 */
function accountOfSecret(
  field: AuthField,
  value: SubmittedValue | undefined,
): DemoAccount | undefined {
  const text = typeof value === 'string' ? value : '';
  const multiline = field.type === 'textarea' || field.type === 'file';
  const key = multiline ? /demo-key-[0-9]+/.exec(text)?.[0] : text;
  return DEMO_ACCOUNTS.find((account) => key === account.key);
}

export function rejectedSecrets(
  method: AuthMethod,
  values: Record<string, SubmittedValue>,
): FieldError[] {
  return method.fields
    .filter((field) => field.secret && values[field.name] !== undefined)
    .filter((field) => !accountOfSecret(field, values[field.name]))
    .map((field) => ({
      field: field.name,
      code: 'rejected',
      message: 'The service did not accept this value.',
    }));
}

/** The demo account the credentials sign in to (the first one without a secret to tell). */
function accountOf(method: AuthMethod, values: Record<string, SubmittedValue>): DemoAccount {
  const secret = method.fields.find((field) => field.secret && values[field.name] !== undefined);
  return (secret && accountOfSecret(secret, values[secret.name])) ?? DEMO_ACCOUNTS[0];
}

/**
 * The account the credentials sign in to: the same demo account with the same non-secret values
 * is the same account. Ends with `#` and the demo account id (see demoAccountIdOf).
 */
export function accountIdentity(
  appKey: string,
  method: AuthMethod,
  values: Record<string, SubmittedValue>,
): string {
  const visible = method.fields
    .filter((field) => !field.secret)
    .map((field) => `${field.name}=${String(values[field.name] ?? field.default ?? '')}`);
  return `${[appKey, ...visible].join('|')}#${accountOf(method, values).id}`;
}

/** The demo account id at the end of an account identity; the first account for seeds. */
export function demoAccountIdOf(identity: string | undefined): DemoAccount['id'] {
  return identity?.endsWith(`#${DEMO_ACCOUNTS[1].id}`) ? DEMO_ACCOUNTS[1].id : DEMO_ACCOUNTS[0].id;
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
  const { name } = accountOf(method, values);
  return visible.length > 0 ? `${name} (${visible.join(', ')})` : name;
}
