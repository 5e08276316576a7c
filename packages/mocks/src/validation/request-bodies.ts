// Shape checks for the JSON bodies the connection endpoints accept (the contract's request
// schemas), answering with a plain reason the 400 problem carries.
import type { AuthType } from '@plugboard/contract';
import { isPlainObject } from '../http/responses.js';
import type { SubmittedValue } from './field-values.js';

/** The contract's AppKey pattern. */
export const APP_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

const AUTH_TYPES: readonly AuthType[] = ['oauth2', 'api_key', 'token', 'basic', 'custom'];

export interface CredentialPatch {
  label?: string;
  method?: AuthType;
  fields?: Record<string, SubmittedValue>;
}

export interface CreateBody extends CredentialPatch {
  app: string;
  method: AuthType;
  fields: Record<string, SubmittedValue>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export function unexpectedKeys(
  body: Record<string, unknown>,
  allowed: readonly string[],
): string[] {
  return Object.keys(body).filter((key) => !allowed.includes(key));
}

const isScalar = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value);

/** Text, numbers, booleans, or (a multi-select) a list of at most 100 strings. */
function isFieldValues(value: unknown): value is Record<string, SubmittedValue> {
  return (
    isPlainObject(value) &&
    Object.keys(value).length <= 50 &&
    Object.values(value).every(
      (v) =>
        isScalar(v) ||
        (Array.isArray(v) && v.length <= 100 && v.every((item) => typeof item === 'string')),
    )
  );
}

function parsePatchFields(body: Record<string, unknown>): Parsed<CredentialPatch> {
  const { label, method, fields } = body;
  if (label !== undefined && (typeof label !== 'string' || label.length > 200))
    return { ok: false, reason: 'label must be a string of at most 200 characters.' };
  if (method !== undefined && !AUTH_TYPES.includes(method as AuthType))
    return { ok: false, reason: `method must be one of ${AUTH_TYPES.join(', ')}.` };
  if (fields !== undefined && !isFieldValues(fields))
    return {
      ok: false,
      reason: 'fields must map at most 50 names to strings, numbers, booleans or lists of strings.',
    };
  return {
    ok: true,
    value: {
      ...(label === undefined ? {} : { label: label as string }),
      ...(method === undefined ? {} : { method: method as AuthType }),
      ...(fields === undefined ? {} : { fields: fields as Record<string, SubmittedValue> }),
    },
  };
}

export function parseCreateBody(body: unknown): Parsed<CreateBody> {
  if (!isPlainObject(body)) return { ok: false, reason: 'The body must be a JSON object.' };
  const extra = unexpectedKeys(body, ['app', 'method', 'label', 'fields']);
  if (extra.length > 0) return { ok: false, reason: `Unexpected properties: ${extra.join(', ')}.` };
  if (typeof body.app !== 'string') return { ok: false, reason: 'app is required.' };
  if (body.method === undefined || body.fields === undefined)
    return { ok: false, reason: 'method and fields are required.' };
  const rest = parsePatchFields(body);
  if (!rest.ok) return rest;
  return {
    ok: true,
    value: { ...rest.value, app: body.app, method: rest.value.method!, fields: rest.value.fields! },
  };
}

export function parsePatchBody(body: unknown): Parsed<CredentialPatch> {
  if (!isPlainObject(body)) return { ok: false, reason: 'The body must be a JSON object.' };
  const extra = unexpectedKeys(body, ['method', 'label', 'fields']);
  if (extra.length > 0) return { ok: false, reason: `Unexpected properties: ${extra.join(', ')}.` };
  if (Object.keys(body).length === 0) return { ok: false, reason: 'Send at least one property.' };
  return parsePatchFields(body);
}
