// Checks submitted credential fields against the app's schema with the contract's one field
// checker, as the reference server and the widget do, in the mock's own words.
import type { AuthField, AuthMethod, FieldError } from '@plugboard/contract';
import { checkFields, type FieldIssue, type FieldValue } from '@plugboard/contract/field-check';
import { clip } from '../text.js';

export type SubmittedValue = FieldValue;

const MESSAGE_MAX = 500;

function fieldError(field: AuthField, code: FieldError['code'], message: string): FieldError {
  return { field: field.name, code, message: clip(message, MESSAGE_MAX) };
}

/** An issue in the mock's words (a setup step passes its title and pattern hint as the field). */
export function wordsFor(issue: FieldIssue, field: Pick<AuthField, 'patternHint'>): string {
  switch (issue.code) {
    case 'required':
      return 'This field is required.';
    case 'type':
      return `Expected a ${issue.expected} value.`;
    case 'too_short':
      return `Use at least ${issue.min} characters.`;
    case 'too_long':
      return `Use at most ${issue.max} characters.`;
    case 'too_large':
      return `Choose a file of at most ${issue.maxBytes} bytes.`;
    case 'too_many':
      return `Choose at most ${issue.max}.`;
    case 'invalid_option':
      return 'Choose one of the listed options.';
    case 'pattern':
      return field.patternHint ?? 'This value does not have the expected format.';
    case 'invalid_character':
      return issue.character === undefined
        ? `Remove the invisible character ${issue.codePoint}.`
        : `Remove “${issue.character}” (${issue.codePoint}): it cannot be sent.`;
  }
}

/** The values as the checker cleaned them (trimmed, coerced, defaults), and an error per field. */
export function validateFieldValues(
  method: AuthMethod,
  submitted: Record<string, SubmittedValue>,
): { values: Record<string, SubmittedValue>; errors: FieldError[] } {
  const { values, issues } = checkFields(method, submitted);
  const errors = issues.map((issue) => {
    const field = method.fields.find((candidate) => candidate.name === issue.field)!;
    return fieldError(field, issue.code, wordsFor(issue, field));
  });
  return { values, errors };
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
