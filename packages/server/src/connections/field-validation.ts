// Checks submitted credential fields against the app's schema before anything reaches the
// service, with the contract's one field checker (the widget and the mocks run the same), and
// words each issue for the API's `errors` list.
import type { AuthField, AuthMethod, FieldError, FieldValues } from '@plugboard/contract';
import { checkFields, type FieldIssue, type FieldValue } from '@plugboard/contract/field-check';

export type CleanFields = Record<string, FieldValue>;

export interface FieldValidation {
  values: CleanFields;
  errors: FieldError[];
}

const MESSAGE_MAX = 500;

const expectedType: Record<Extract<FieldIssue, { code: 'type' }>['expected'], string> = {
  text: 'must be text',
  number: 'must be a number',
  checkbox: 'must be on or off',
  email: 'must be an email address',
  url: 'must be a web address (https://…)',
  list: 'must be a list of choices',
};

/** An issue in words, for a field or a setup step (which has a label and maybe a pattern hint). */
export function describeIssue(
  issue: FieldIssue,
  field: Pick<AuthField, 'label' | 'patternHint'>,
): string {
  const { label } = field;
  switch (issue.code) {
    case 'required':
      return `${label} is required.`;
    case 'type':
      return `${label} ${expectedType[issue.expected]}.`;
    case 'too_short':
      return `${label} must be at least ${issue.min} characters.`;
    case 'too_long':
      return `${label} must be at most ${issue.max} characters.`;
    case 'too_large':
      return `${label}: the file must be at most ${issue.maxBytes} bytes.`;
    case 'too_many':
      return `${label}: choose at most ${issue.max}.`;
    case 'invalid_option':
      return `Choose one of the options for ${label}.`;
    case 'pattern':
      return `${label}: ${field.patternHint ?? 'It does not have the expected format.'}`;
    case 'invalid_character':
      return issue.character === undefined
        ? `${label} contains an invisible character ${issue.codePoint}, often copied along with it. Remove it, or paste the value again.`
        : `${label} contains “${issue.character}” (${issue.codePoint}), which it cannot hold. Check that you copied the right value.`;
  }
}

export function validateFields(method: AuthMethod, submitted: FieldValues): FieldValidation {
  const { values, issues } = checkFields(method, submitted);
  const errors = issues.map((issue): FieldError => {
    const field = method.fields.find((candidate) => candidate.name === issue.field)!;
    return {
      field: issue.field,
      code: issue.code,
      message: describeIssue(issue, field).slice(0, MESSAGE_MAX),
    };
  });
  return { values, errors };
}
