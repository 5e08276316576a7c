import type { AuthField, AuthMethod, FieldValues } from '@plugboard/contract';
import { checkFields, type FieldIssue } from '@plugboard/contract/field-check';
import type { Translate } from '../shared/client-controller.js';

/** What the user typed, by field name: text for inputs and selects, booleans for checkboxes. */
export type FormValues = Record<string, string | boolean>;

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
      break;
    case 'pattern':
      if (field.patternHint) return field.patternHint;
      break;
  }
  return field.placeholder
    ? t('dialog.formatHint', { example: field.placeholder })
    : t('dialog.fieldFormat');
}
