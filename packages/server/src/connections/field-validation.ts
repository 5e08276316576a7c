// Checks submitted credential fields against the app's schema before anything reaches the
// service: required, type, pattern, select options, lengths. Strings are trimmed first.
import type { AuthField, AuthMethod, FieldError, FieldValues } from '@plugboard/contract';

export type FieldValue = string | number | boolean;
export type CleanFields = Record<string, FieldValue>;

export interface FieldValidation {
  values: CleanFields;
  errors: FieldError[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isBlank(value: FieldValue | undefined): boolean {
  return value === undefined || (typeof value === 'string' && value === '');
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

function error(field: AuthField, code: FieldError['code'], message: string): FieldError {
  return { field: field.name, code, message };
}

/** The value coerced to the field's type, or a `type` error. */
function coerce(field: AuthField, value: FieldValue): FieldValue | FieldError {
  switch (field.type) {
    case 'checkbox':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      return error(field, 'type', `${field.label} must be on or off.`);
    case 'number': {
      const number = typeof value === 'number' ? value : Number(value);
      if (typeof value === 'boolean' || value === '' || !Number.isFinite(number)) {
        return error(field, 'type', `${field.label} must be a number.`);
      }
      return number;
    }
    default:
      if (typeof value !== 'string') return error(field, 'type', `${field.label} must be text.`);
      if (field.type === 'email' && !EMAIL.test(value)) {
        return error(field, 'type', `${field.label} must be an email address.`);
      }
      if (field.type === 'url' && !isHttpUrl(value)) {
        return error(field, 'type', `${field.label} must be a web address (https://…).`);
      }
      return value;
  }
}

function checkText(field: AuthField, value: string): FieldError | null {
  const length = [...value].length;
  if (field.minLength !== undefined && length < field.minLength) {
    return error(
      field,
      'too_short',
      `${field.label} must be at least ${field.minLength} characters.`,
    );
  }
  if (field.maxLength !== undefined && length > field.maxLength) {
    return error(
      field,
      'too_long',
      `${field.label} must be at most ${field.maxLength} characters.`,
    );
  }
  if (field.options && !field.options.some((option) => option.value === value)) {
    return error(field, 'invalid_option', `Choose one of the options for ${field.label}.`);
  }
  if (field.pattern && !new RegExp(`^(?:${field.pattern})$`, 'u').test(value)) {
    const hint = field.patternHint ?? 'It does not have the expected format.';
    return error(field, 'pattern', `${field.label}: ${hint}`);
  }
  return null;
}

export function validateFields(method: AuthMethod, submitted: FieldValues): FieldValidation {
  const values: CleanFields = {};
  const errors: FieldError[] = [];
  for (const field of method.fields) {
    let value: FieldValue | undefined = submitted[field.name];
    if (typeof value === 'string') value = value.trim();
    if (isBlank(value) && field.default !== undefined) value = field.default;
    if (isBlank(value)) {
      if (field.required) errors.push(error(field, 'required', `${field.label} is required.`));
      continue;
    }
    const coerced = coerce(field, value!);
    if (typeof coerced === 'object') {
      errors.push(coerced);
      continue;
    }
    const problem = typeof coerced === 'string' ? checkText(field, coerced) : null;
    if (problem) errors.push(problem);
    else values[field.name] = coerced;
  }
  return { values, errors };
}
