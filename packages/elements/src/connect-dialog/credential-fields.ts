import type { AuthField, AuthMethod, FieldValues } from '@plugboard/contract';
import { checkFields, type FieldIssue } from '@plugboard/contract/field-check';
import type { Translate } from '../shared/client-controller.js';

/**
 * What the user typed, by field name: text for inputs, selects and files (the file's contents),
 * booleans for checkboxes, the chosen values of a multi-select.
 */
export type FormValues = Record<string, string | boolean | string[]>;

/**
 * Defaults from the schema, so an untouched form submits what the app expects; an update starts
 * from the connection's saved non-secret fields instead.
 */
export function initialValues(fields: readonly AuthField[], saved: FieldValues = {}): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = field.secret ? undefined : (saved[field.name] ?? field.default);
    if (field.type === 'checkbox') values[field.name] = value === true || value === 'true';
    else if (field.type === 'multi_select') values[field.name] = Array.isArray(value) ? value : [];
    else values[field.name] = value === undefined || Array.isArray(value) ? '' : String(value);
  }
  return values;
}

/** True when the user changed anything from where the form started ("discard what you typed?"). */
export function hasUserInput(
  fields: readonly AuthField[],
  values: FormValues,
  saved: FieldValues = {},
): boolean {
  const start = initialValues(fields, saved);
  return fields.some((field) => String(values[field.name]) !== String(start[field.name]));
}

/**
 * The contract's field check, as the backend runs it: the request body's `fields` (trimmed, typed,
 * empty optional fields left out) and an issue per field that has one.
 */
export function checkForm(
  method: Pick<AuthMethod, 'type' | 'fields'>,
  values: FormValues,
): { fields: FieldValues; issues: Map<string, FieldIssue> } {
  const checked = checkFields(method, values);
  return {
    fields: checked.values,
    issues: new Map(checked.issues.map((issue) => [issue.field, issue])),
  };
}

/** The `<input type>` for a schema field type (select and checkbox render their own controls). */
export function inputType(field: AuthField): 'text' | 'password' | 'url' | 'email' | 'number' {
  if (field.secret || field.type === 'password') return 'password';
  if (field.type === 'url' || field.type === 'email' || field.type === 'number') return field.type;
  return 'text';
}

/** The words for a client-side issue: the app's own format hint first, where it has one. */
export function problemMessage(field: AuthField, issue: FieldIssue, t: Translate): string {
  switch (issue.code) {
    case 'required':
      return t('dialog.fieldMissing', { field: field.label });
    case 'too_short':
      return t('dialog.fieldTooShort', { min: issue.min });
    case 'too_long':
      return t('dialog.fieldTooLong', { max: issue.max });
    case 'too_large':
      return t('dialog.fileTooLarge', { max: byteSize(issue.maxBytes) });
    case 'too_many':
      return t('dialog.fieldTooMany', { max: issue.max });
    case 'invalid_option':
      return t('dialog.fieldOption');
    case 'invalid_character':
      return issue.character === undefined
        ? t('dialog.fieldInvisibleCharacter', { codePoint: issue.codePoint })
        : t('dialog.fieldCharacter', { character: issue.character, codePoint: issue.codePoint });
    case 'type':
      if (issue.expected === 'email') return t('dialog.fieldEmail');
      if (issue.expected === 'url') return t('dialog.fieldUrl');
      if (issue.expected === 'number') return t('dialog.fieldNumber');
      if (issue.expected === 'list') return t('dialog.fieldList');
      break;
    case 'pattern':
      if (field.patternHint) return field.patternHint;
      break;
  }
  return field.placeholder
    ? t('dialog.formatHint', { example: field.placeholder })
    : t('dialog.fieldFormat');
}

/** A size as people read it: `8 KB`, `512 bytes` (KB of 1,024 bytes, as file dialogs show). */
export function byteSize(bytes: number): string {
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}
