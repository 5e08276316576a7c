import type { AuthField, FieldValues } from '@plugboard/contract';
import type { Translate } from '../shared/client-controller.js';

/** What the user typed, by field name: text for inputs and selects, booleans for checkboxes. */
export type FormValues = Record<string, string | boolean>;

/** A client-side problem with one field, with what its message needs. */
export interface FieldProblem {
  kind: 'required' | 'pattern' | 'too_short' | 'too_long';
  params?: Record<string, string | number>;
}

/** Defaults from the schema, so an untouched form submits what the app expects. */
export function initialValues(fields: readonly AuthField[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (field.type === 'checkbox') values[field.name] = field.default === true;
    else values[field.name] = field.default === undefined ? '' : String(field.default);
  }
  return values;
}

/** True when the user changed anything from the defaults (the "discard what you typed?" test). */
export function hasUserInput(fields: readonly AuthField[], values: FormValues): boolean {
  const defaults = initialValues(fields);
  return fields.some((field) => values[field.name] !== defaults[field.name]);
}

/**
 * Whether the whole value matches the field's pattern. An invalid pattern from the server must not
 * lock the user out, so it counts as a match (the server validates again).
 */
export function matchesPattern(field: AuthField, value: string): boolean {
  if (!field.pattern || value === '') return true;
  try {
    return new RegExp(`^(?:${field.pattern})$`, 'u').test(value);
  } catch {
    return true;
  }
}

/** The first problem with one value, in the order a user fixes them. */
function validateField(field: AuthField, value: string | boolean | undefined): FieldProblem | null {
  if (field.type === 'checkbox') {
    return field.required && value !== true ? { kind: 'required' } : null;
  }
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return field.required ? { kind: 'required' } : null;
  if (field.minLength !== undefined && text.length < field.minLength) {
    return { kind: 'too_short', params: { min: field.minLength } };
  }
  if (field.maxLength !== undefined && text.length > field.maxLength) {
    return { kind: 'too_long', params: { max: field.maxLength } };
  }
  if (!matchesPattern(field, text)) return { kind: 'pattern' };
  return null;
}

/** Problems for every field that has one, in schema order. */
export function validateForm(
  fields: readonly AuthField[],
  values: FormValues,
): Map<string, FieldProblem> {
  const problems = new Map<string, FieldProblem>();
  for (const field of fields) {
    const problem = validateField(field, values[field.name]);
    if (problem) problems.set(field.name, problem);
  }
  return problems;
}

/**
 * The request body's `fields`: values trimmed (pasted keys often carry a newline), numbers as
 * numbers, empty optional fields left out.
 */
export function toFieldValues(fields: readonly AuthField[], values: FormValues): FieldValues {
  const out: FieldValues = {};
  for (const field of fields) {
    const value = values[field.name];
    if (typeof value === 'boolean') {
      out[field.name] = value;
      continue;
    }
    const text = (value ?? '').trim();
    if (text === '') continue;
    out[field.name] =
      field.type === 'number' && Number.isFinite(Number(text)) ? Number(text) : text;
  }
  return out;
}

/** The `<input type>` for a schema field type (select and checkbox render their own controls). */
export function inputType(field: AuthField): 'text' | 'password' | 'url' | 'email' | 'number' {
  if (field.secret || field.type === 'password') return 'password';
  if (field.type === 'url' || field.type === 'email' || field.type === 'number') return field.type;
  return 'text';
}

/** The words for a client-side problem: the app's own format hint first, where it has one. */
export function problemMessage(field: AuthField, problem: FieldProblem, t: Translate): string {
  switch (problem.kind) {
    case 'required':
      return t('dialog.fieldMissing', { field: field.label });
    case 'too_short':
      return t('dialog.fieldTooShort', problem.params);
    case 'too_long':
      return t('dialog.fieldTooLong', problem.params);
    case 'pattern':
      if (field.patternHint) return field.patternHint;
      return field.placeholder
        ? t('dialog.formatHint', { example: field.placeholder })
        : t('dialog.fieldFormat');
  }
}
