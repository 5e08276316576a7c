// The one check of credential field values against an app's schema, run by the widget before it
// sends, by the mocks and by the reference server. It returns codes with their parameters, never
// words: each side says them in its own (the widget in the user's language). Browser-safe: no
// Node API, no dependency.
import type { AuthField, AuthMethod } from './index.js';
import { codePointLength, matchesSafePattern, PATTERN_INPUT_MAX } from './safe-pattern.js';

export { patternProblem } from './safe-pattern.js';
export {
  checkSettings,
  isSettingsStep,
  settingsStepField,
  type SettingInputValue,
  type SettingsCheck,
  type SettingsStep,
} from './settings-check.js';
export {
  assertSafePatterns,
  findUnsafePatterns,
  UnsafePatternError,
  withoutUnsafePatterns,
  type UnsafePattern,
} from './catalog-patterns.js';

/** A field's value: text, a number, a checkbox, or the chosen values of a multi-select. */
export type FieldValue = string | number | boolean | string[];

/** What the user must change in one field. Lengths count code points, as the contract does. */
export type FieldIssue = { field: string } & (
  | { code: 'required' }
  | { code: 'type'; expected: 'text' | 'number' | 'checkbox' | 'email' | 'url' | 'list' }
  | { code: 'too_short'; min: number }
  | { code: 'too_long'; max: number }
  /** A file above the field's `maxBytes` (UTF-8 bytes of its text). */
  | { code: 'too_large'; maxBytes: number }
  /** More chosen options than a multi-select takes. */
  | { code: 'too_many'; max: number }
  | { code: 'invalid_option' }
  | { code: 'pattern' }
  /**
   * A character a secret sent in an HTTP header cannot hold (most often an invisible one pasted
   * along). `codePoint` is its `U+XXXX` notation; `character` the character itself when visible.
   */
  | { code: 'invalid_character'; codePoint: string; character?: string }
);

export interface FieldCheck {
  /** The values to use: strings trimmed, types coerced, defaults for blanks, blanks left out. */
  values: Record<string, FieldValue>;
  /** At most one issue per field, in schema order. */
  issues: FieldIssue[];
}

/** Longest text any field takes, whatever its schema says. */
const FIELD_TEXT_MAX = 8192;
/** Largest file a `file` field takes (its default `maxBytes`). */
export const FILE_BYTES_MAX = 8192;
/** Most options a multi-select holds. */
const MULTI_SELECT_MAX = 100;
/** An e-mail address's longest (RFC 5321). */
const EMAIL_MAX = 254;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Visible ASCII and the space: what an HTTP header value can carry unchanged. */
const HEADER_SAFE = /^[\x20-\x7e]*$/;
const INVISIBLE = /^[\p{C}\p{Z}\p{M}]$/u;

type Check = { value: FieldValue } | { issue: FieldIssue };

/**
 * Checks every field of `method` in `submitted` (names the method does not know are ignored).
 * Secrets of every method but `basic` travel as HTTP header values (API keys, tokens), so they
 * may hold only visible ASCII and spaces; basic credentials are base64-encoded first. A field
 * hidden by its `visibleWhen` is skipped: never required, its value left out.
 */
export function checkFields(
  method: Pick<AuthMethod, 'type' | 'fields'>,
  submitted: Readonly<Record<string, FieldValue | undefined>>,
): FieldCheck {
  const values: Record<string, FieldValue> = {};
  const issues: FieldIssue[] = [];
  for (const field of method.fields) {
    if (!isFieldVisible(field, method.fields, submitted)) continue;
    const checked = checkField(field, submitted[field.name], method.type !== 'basic');
    if (!checked) continue;
    if ('issue' in checked) issues.push(checked.issue);
    else values[field.name] = checked.value;
  }
  return { values, issues };
}

/**
 * Whether `field` is shown with these values: it has no `visibleWhen`, or the field it names is
 * itself shown and holds (one of) the given value(s). Values compare as text, so a checkbox's
 * `true` matches `'true'` from a form post; a blank value falls back to the field's default.
 */
export function isFieldVisible(
  field: AuthField,
  fields: readonly AuthField[],
  submitted: Readonly<Record<string, FieldValue | undefined>>,
  seen: ReadonlySet<string> = new Set(),
): boolean {
  const condition = field.visibleWhen;
  if (!condition) return true;
  const controller = fields.find((candidate) => candidate.name === condition.field);
  // A condition on an unknown field, or a loop, hides the field rather than guessing.
  if (!controller || seen.has(field.name)) return false;
  if (!isFieldVisible(controller, fields, submitted, new Set([...seen, field.name]))) return false;
  let value = submitted[controller.name];
  if (typeof value === 'string') value = value.trim();
  if (value === undefined || value === '') value = controller.default;
  if (value === undefined || Array.isArray(value)) return false;
  const wanted = Array.isArray(condition.equals) ? condition.equals : [condition.equals];
  return wanted.some((candidate) => String(candidate) === String(value));
}

/**
 * Whether a non-empty `text` fails the field's pattern: for a format hint shown while typing.
 * False when the field has no pattern, or one that may not run (see patternProblem).
 */
export function failsPattern(field: AuthField, text: string): boolean {
  return (
    Boolean(field.pattern) && text !== '' && matchesSafePattern(field.pattern!, text) === false
  );
}

/** The value to keep, an issue, or null for a blank optional field. */
function checkField(
  field: AuthField,
  submitted: FieldValue | undefined,
  inHeader: boolean,
): Check | null {
  if (field.type === 'multi_select') return checkChoices(field, submitted);
  let value = typeof submitted === 'string' ? submitted.trim() : submitted;
  if (isBlank(value)) value = field.default;
  // A required checkbox must be ticked, as in HTML.
  if (isBlank(value) || (field.type === 'checkbox' && field.required && value === false)) {
    return field.required ? issue(field, { code: 'required' }) : null;
  }
  const coerced = coerce(field, value!);
  if (typeof coerced !== 'string') return coerced;
  if (field.type === 'file') {
    const maxBytes = Math.min(field.maxBytes ?? FILE_BYTES_MAX, FILE_BYTES_MAX);
    if (utf8Length(coerced) > maxBytes) return issue(field, { code: 'too_large', maxBytes });
  }
  // Several lines (a PEM key, a JSON file) are read by the backend, never sent as a header.
  const headerBound = inHeader && field.secret && !isMultiline(field);
  return checkText(field, coerced, headerBound);
}

function isMultiline(field: AuthField): boolean {
  return field.type === 'textarea' || field.type === 'file';
}

/** A multi-select: an array of distinct option values, at least one when required. */
function checkChoices(field: AuthField, submitted: FieldValue | undefined): Check | null {
  if (submitted === undefined || submitted === '') {
    return field.required ? issue(field, { code: 'required' }) : null;
  }
  if (!Array.isArray(submitted) || submitted.some((value) => typeof value !== 'string')) {
    return issue(field, { code: 'type', expected: 'list' });
  }
  const chosen = [...new Set(submitted.map((value) => value.trim()).filter(Boolean))];
  if (chosen.length === 0) return field.required ? issue(field, { code: 'required' }) : null;
  if (chosen.length > MULTI_SELECT_MAX) {
    return issue(field, { code: 'too_many', max: MULTI_SELECT_MAX });
  }
  if (field.options && chosen.some((value) => !field.options!.some((o) => o.value === value))) {
    return issue(field, { code: 'invalid_option' });
  }
  return { value: chosen };
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function isBlank(value: FieldValue | undefined): boolean {
  return value === undefined || value === '';
}

function issue(field: AuthField, found: DistributiveOmit<FieldIssue, 'field'>): Check {
  return { issue: { field: field.name, ...found } as FieldIssue };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Numbers and checkboxes as such (from text too: form posts send text); text stays to check. */
function coerce(field: AuthField, value: FieldValue): Check | string {
  if (Array.isArray(value)) {
    const expected = field.type === 'checkbox' || field.type === 'number' ? field.type : 'text';
    return issue(field, { code: 'type', expected });
  }
  switch (field.type) {
    case 'checkbox':
      if (typeof value === 'boolean') return { value };
      if (value === 'true' || value === 'false') return { value: value === 'true' };
      return issue(field, { code: 'type', expected: 'checkbox' });
    case 'number': {
      const number = typeof value === 'number' ? value : Number(value);
      if (typeof value === 'boolean' || !Number.isFinite(number)) {
        return issue(field, { code: 'type', expected: 'number' });
      }
      return { value: number };
    }
    default:
      return typeof value === 'string' ? value : issue(field, { code: 'type', expected: 'text' });
  }
}

/** Checks in the order a user fixes them; the length cap comes before any pattern runs. */
function checkText(field: AuthField, text: string, headerBound: boolean): Check {
  const length = codePointLength(text);
  const max = Math.min(
    field.maxLength ?? FIELD_TEXT_MAX,
    FIELD_TEXT_MAX,
    field.pattern ? PATTERN_INPUT_MAX : FIELD_TEXT_MAX,
    field.type === 'email' ? EMAIL_MAX : FIELD_TEXT_MAX,
  );
  if (length > max) return issue(field, { code: 'too_long', max });
  if (field.minLength !== undefined && length < field.minLength) {
    return issue(field, { code: 'too_short', min: field.minLength });
  }
  if (headerBound && !HEADER_SAFE.test(text)) return issue(field, unsafeCharacter(text));
  if (field.type === 'email' && !EMAIL.test(text)) {
    return issue(field, { code: 'type', expected: 'email' });
  }
  if (field.type === 'url' && !isWebAddress(text)) {
    return issue(field, { code: 'type', expected: 'url' });
  }
  if (field.options && !field.options.some((option) => option.value === text)) {
    return issue(field, { code: 'invalid_option' });
  }
  if (failsPattern(field, text)) return issue(field, { code: 'pattern' });
  return { value: text };
}

/** The first character outside HEADER_SAFE, named so a user can find it. */
function unsafeCharacter(text: string): DistributiveOmit<FieldIssue, 'field'> {
  const character = [...text].find((char) => !HEADER_SAFE.test(char))!;
  const codePoint = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return INVISIBLE.test(character)
    ? { code: 'invalid_character', codePoint }
    : { code: 'invalid_character', codePoint, character };
}

function isWebAddress(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
