// Checks submitted credential fields against the app's schema the way the reference server does:
// required, type, length, pattern (the whole value, `u` flag) and select options, per field.
import type { AuthField, AuthMethod, FieldError } from '@plugboard/contract';
import { clip } from '../text.js';

export type SubmittedValue = string | number | boolean;

const MESSAGE_MAX = 500;

function isEmpty(value: SubmittedValue | undefined): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '');
}

function typeMatches(field: AuthField, value: SubmittedValue): boolean {
  if (field.type === 'checkbox') return typeof value === 'boolean';
  if (field.type === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === 'string';
}

function fieldError(field: AuthField, code: FieldError['code'], message: string): FieldError {
  return { field: field.name, code, message: clip(message, MESSAGE_MAX) };
}

function checkString(field: AuthField, value: string): FieldError | undefined {
  if (field.minLength !== undefined && value.length < field.minLength)
    return fieldError(field, 'too_short', `Use at least ${field.minLength} characters.`);
  if (field.maxLength !== undefined && value.length > field.maxLength)
    return fieldError(field, 'too_long', `Use at most ${field.maxLength} characters.`);
  if (field.options && !field.options.some((option) => option.value === value))
    return fieldError(field, 'invalid_option', 'Choose one of the listed options.');
  if (field.pattern && !new RegExp(`^(?:${field.pattern})$`, 'u').test(value))
    return fieldError(
      field,
      'pattern',
      field.patternHint ?? 'This value does not have the expected format.',
    );
  return undefined;
}

function checkField(
  field: AuthField,
  submitted: SubmittedValue | undefined,
): FieldError | undefined {
  const value = isEmpty(submitted) ? field.default : submitted;
  if (isEmpty(value)) {
    return field.required ? fieldError(field, 'required', 'This field is required.') : undefined;
  }
  if (!typeMatches(field, value!))
    return fieldError(field, 'type', `Expected a ${field.type} value.`);
  return typeof value === 'string' ? checkString(field, value) : undefined;
}

export function validateFieldValues(
  method: AuthMethod,
  values: Record<string, SubmittedValue>,
): FieldError[] {
  return method.fields.flatMap((field) => checkField(field, values[field.name]) ?? []);
}

/** Names the method does not know: a client bug, not a user mistake. */
export function unknownFieldNames(
  method: AuthMethod,
  values: Record<string, SubmittedValue>,
): string[] {
  const known = new Set(method.fields.map((field) => field.name));
  return Object.keys(values).filter((name) => !known.has(name));
}

/** What `validation-errors` answers: every field rejected, whatever was typed. */
export function scenarioFieldErrors(method: AuthMethod): FieldError[] {
  return method.fields.map((field) =>
    fieldError(
      field,
      field.secret ? 'rejected' : 'pattern',
      field.secret
        ? 'The service did not accept this value.'
        : (field.patternHint ?? 'This value does not have the expected format.'),
    ),
  );
}
