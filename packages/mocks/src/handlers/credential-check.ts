// What create and update share: the submitted method and fields go through the app's schema,
// the (mock) service, and the duplicate-account check, in the order the real server uses.
import type { App, AuthMethod, AuthType, Connection, FieldValues } from '@plugboard/contract';
import { appForSession } from '../catalog/session-apps.js';
import type { MockContext } from '../context.js';
import { problemAnswer, type Answer } from '../http/responses.js';
import { isProviderDown } from '../state/app-health.js';
import { credentialHint } from '../state/connection-factory.js';
import type { MockSession } from '../state/mock-state.js';
import { accountIdentity, accountLabel, rejectedSecrets } from '../validation/credentials.js';
import {
  scenarioFieldErrors,
  unknownFieldNames,
  validateFieldValues,
  type SubmittedValue,
} from '../validation/field-values.js';

export const PROVIDER_RETRY_AFTER_S = 30;

export interface AcceptedCredentials {
  ok: true;
  app: App;
  method: AuthMethod;
  account: string;
  label: string;
  hint: string | null;
  /** The non-secret fields, as the connection returns them. */
  fields: FieldValues;
}

export type CredentialCheck = AcceptedCredentials | { ok: false; answer: Answer };

function secretHint(method: AuthMethod, values: Record<string, SubmittedValue>): string | null {
  const secret = method.fields.find((field) => field.secret);
  if (!secret) return null;
  // The end of a key file is the same in every file: it tells nothing.
  if (secret.type === 'textarea' || secret.type === 'file') return '••••';
  return credentialHint(String(values[secret.name] ?? ''));
}

function publicFields(method: AuthMethod, values: Record<string, SubmittedValue>): FieldValues {
  return Object.fromEntries(
    method.fields
      .filter((field) => !field.secret && values[field.name] !== undefined)
      .map((field) => [field.name, values[field.name]!]),
  );
}

/**
 * As on the real server, an update whose secrets are all blank keeps the stored ones, but only
 * while every other field keeps its saved value. (The mock keeps no secrets: the account stays.)
 */
function keepsStoredSecrets(
  method: AuthMethod,
  submitted: Record<string, SubmittedValue>,
  current: Connection | undefined,
): boolean {
  if (!current?.fields || current.method !== method.type) return false;
  const blank = (value: SubmittedValue | undefined) => String(value ?? '').trim() === '';
  const secrets = method.fields.filter((field) => field.secret);
  if (secrets.length === 0 || !secrets.every((field) => blank(submitted[field.name]))) return false;
  const relaxed = {
    ...method,
    fields: method.fields.map((field) => ({ ...field, required: false })),
  };
  const { values } = validateFieldValues(relaxed, submitted);
  const canonical = (fields: FieldValues) =>
    JSON.stringify(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : 1)));
  return canonical(publicFields(method, values)) === canonical(current.fields);
}

export function checkCredentials(
  ctx: MockContext,
  requestId: string,
  session: MockSession | undefined,
  submission: { app: string; method: AuthType; fields: Record<string, SubmittedValue> },
  replacing?: Connection,
): CredentialCheck {
  const fail = (answer: Answer): CredentialCheck => ({ ok: false, answer });
  const found = appForSession(ctx, requestId, session, submission.app);
  if (!found.ok) return fail(found.answer);
  const { app } = found;
  if (submission.method === 'oauth2')
    return fail(
      problemAnswer(
        requestId,
        400,
        'bad_request',
        'OAuth apps connect through POST /v1/oauth/flows.',
      ),
    );
  const method = app.authMethods.find((candidate) => candidate.type === submission.method);
  if (!method)
    return fail(
      problemAnswer(requestId, 422, 'validation_failed', 'This app does not offer that method.', {
        errors: [
          { field: 'method', code: 'invalid_option', message: 'Choose a method the app offers.' },
        ],
      }),
    );
  const unknown = unknownFieldNames(method, submission.fields);
  if (unknown.length > 0)
    return fail(
      problemAnswer(
        requestId,
        400,
        'bad_request',
        `Unknown fields: ${unknown.join(', ').slice(0, 500)}.`,
      ),
    );
  const kept = keepsStoredSecrets(method, submission.fields, replacing);
  const checkedMethod = kept
    ? { ...method, fields: method.fields.map((field) => ({ ...field, required: false })) }
    : method;
  const { values, errors: fieldErrors } = validateFieldValues(checkedMethod, submission.fields);
  const errors =
    ctx.state.scenario === 'validation-errors' ? scenarioFieldErrors(method) : fieldErrors;
  if (errors.length > 0)
    return fail(
      problemAnswer(requestId, 422, 'validation_failed', 'Check the highlighted fields.', {
        errors,
      }),
    );
  if (isProviderDown(app))
    return fail(
      problemAnswer(
        requestId,
        503,
        'provider_unavailable',
        `${app.name.slice(0, 200)} is not responding.`,
        {
          retryAfter: PROVIDER_RETRY_AFTER_S,
        },
      ),
    );
  const rejected = rejectedSecrets(method, values);
  if (rejected.length > 0)
    return fail(
      problemAnswer(
        requestId,
        422,
        'credentials_rejected',
        'The service did not accept these credentials.',
        {
          errors: rejected,
        },
      ),
    );
  const account =
    (kept && replacing && ctx.state.accounts.get(replacing.id)) ||
    accountIdentity(app.key, method, values);
  const existing = ctx.state.connections.find(
    (connection) =>
      connection.id !== replacing?.id && ctx.state.accounts.get(connection.id) === account,
  );
  if (existing)
    return fail(
      problemAnswer(requestId, 409, 'duplicate_account', 'This account is already connected.', {
        existingConnection: existing,
      }),
    );
  return {
    ok: true,
    app,
    method,
    account,
    label: kept && replacing ? replacing.label : accountLabel(method, values),
    hint: kept && replacing ? (replacing.credentialHint ?? null) : secretHint(method, values),
    fields: publicFields(method, values),
  };
}
