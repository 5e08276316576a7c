// The check of setup-step values (a connection's settings) before they are saved, shared like the
// credential field check: text and checkbox steps go through checkFields as fields; select and
// multi-select steps are checked for shape here, and the backend then looks their values up in
// the service's live options (which only it can ask).
import type { AuthField, SetupStep } from './index.js';
import { checkFields, type FieldIssue, type FieldValue } from './field-check.js';

/** What may be sent for a step: text, a checkbox, an option's value, the values of several. */
export type SettingInputValue = string | boolean | string[];

export interface SettingsCheck {
  /** The values to save, by step key: trimmed, typed; blank optional steps left out. */
  values: Record<string, SettingInputValue>;
  /** At most one per step, in step order (`field` is the step key). */
  issues: FieldIssue[];
  /** Keys that name no settings step of the app: a client bug, not a user's mistake. */
  unknownKeys: string[];
}

/** Steps whose values are settings (every type but `webhook_url`). */
export type SettingsStep = Exclude<SetupStep, { type: 'webhook_url' }>;

const OPTION_VALUE_MAX = 500;
const MULTI_SELECT_MAX = 100;

export function isSettingsStep(step: SetupStep): step is SettingsStep {
  return step.type !== 'webhook_url';
}

/** A text or checkbox step as the form field it is, so checkFields (and its wording) apply. */
export function settingsStepField(step: SettingsStep): AuthField {
  const field: AuthField = {
    name: step.key,
    label: step.title,
    type: step.type === 'checkbox' ? 'checkbox' : 'text',
    required: step.required,
    secret: false,
  };
  if (step.type === 'text') {
    const { placeholder, pattern, patternHint, minLength, maxLength } = step;
    Object.assign(
      field,
      Object.fromEntries(
        Object.entries({ placeholder, pattern, patternHint, minLength, maxLength }).filter(
          ([, value]) => value !== undefined,
        ),
      ),
    );
    if (step.default !== undefined) field.default = step.default;
  }
  if (step.type === 'checkbox' && step.default !== undefined) field.default = step.default;
  return field;
}

export function checkSettings(
  steps: readonly SetupStep[],
  submitted: Readonly<Record<string, SettingInputValue | undefined>>,
): SettingsCheck {
  const settingsSteps = steps.filter(isSettingsStep);
  const known = new Set(settingsSteps.map((step) => step.key));
  const values: Record<string, SettingInputValue> = {};
  const issues: FieldIssue[] = [];
  for (const step of settingsSteps) {
    const outcome = checkStep(step, submitted[step.key]);
    if ('issue' in outcome) issues.push(outcome.issue);
    else if (outcome.value !== undefined) values[step.key] = outcome.value;
  }
  const unknownKeys = Object.keys(submitted).filter((key) => !known.has(key));
  return { values, issues, unknownKeys };
}

type StepOutcome = { value: SettingInputValue | undefined } | { issue: FieldIssue };

function checkStep(step: SettingsStep, submitted: SettingInputValue | undefined): StepOutcome {
  const issue = (found: DistributiveOmit<FieldIssue, 'field'>): StepOutcome => ({
    issue: { field: step.key, ...found } as FieldIssue,
  });
  switch (step.type) {
    case 'text':
    case 'checkbox': {
      const field = settingsStepField(step);
      const checked = checkFields({ type: 'custom', fields: [field] }, {
        [step.key]: submitted,
      } as Record<string, FieldValue | undefined>);
      const [found] = checked.issues;
      if (found) return { issue: found };
      const value = checked.values[step.key];
      return { value: value as SettingInputValue | undefined };
    }
    case 'select': {
      if (submitted === undefined || submitted === '') {
        return step.required ? issue({ code: 'required' }) : { value: undefined };
      }
      if (typeof submitted !== 'string') return issue({ code: 'type', expected: 'text' });
      const value = submitted.trim();
      if (value === '') return step.required ? issue({ code: 'required' }) : { value: undefined };
      if (value.length > OPTION_VALUE_MAX) return issue({ code: 'invalid_option' });
      return { value };
    }
    case 'multi_select': {
      if (submitted === undefined || submitted === '') {
        return step.required ? issue({ code: 'required' }) : { value: undefined };
      }
      if (!Array.isArray(submitted) || submitted.some((value) => typeof value !== 'string')) {
        return issue({ code: 'type', expected: 'list' });
      }
      const chosen = [...new Set(submitted.map((value) => value.trim()).filter(Boolean))];
      if (chosen.length === 0) {
        return step.required ? issue({ code: 'required' }) : { value: undefined };
      }
      const max = Math.min(step.maxItems ?? MULTI_SELECT_MAX, MULTI_SELECT_MAX);
      if (chosen.length > max) return issue({ code: 'too_many', max });
      if (chosen.some((value) => value.length > OPTION_VALUE_MAX)) {
        return issue({ code: 'invalid_option' });
      }
      return { value: chosen };
    }
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
