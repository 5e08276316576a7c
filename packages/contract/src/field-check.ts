// The one check of credential field values against an app's schema, run by the widget before it
// sends, by the mocks and by the reference server. It returns codes with their parameters, never
// words: each side says them in its own (the widget in the user's language). Browser-safe: no
// Node API, no dependency.
import type { AuthField, AuthMethod } from './index.js';
import { codePointLength, matchesSafePattern, PATTERN_INPUT_MAX } from './safe-pattern.js';

export { patternProblem } from './safe-pattern.js';
export {
  assertSafePatterns,
  findUnsafePatterns,
  UnsafePatternError,
  withoutUnsafePatterns,
  type UnsafePattern,
} from './catalog-patterns.js';

export type FieldValue = string | number | boolean;

/** What the user must change in one field. Lengths count code points, as the contract does. */
export type FieldIssue = { field: string } & (
  | { code: 'required' }
  | { code: 'type'; expected: 'text' | 'number' | 'checkbox' | 'email' | 'url' }
  | { code: 'too_short'; min: number }
  | { code: 'too_long'; max: number }
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
 * may hold only visible ASCII and spaces; basic credentials are base64-encoded first.
 */
export function checkFields(
  method: Pick<AuthMethod, 'type' | 'fields'>,
  submitted: Readonly<Record<string, FieldValue | undefined>>,
): FieldCheck {
  const values: Record<string, FieldValue> = {};
  const issues: FieldIssue[] = [];
  for (const field of method.fields) {
    const checked = checkField(field, submitted[field.name], method.type !== 'basic');
    if (!checked) continue;
    if ('issue' in checked) issues.push(checked.issue);
    else values[field.name] = checked.value;
  }
  return { values, issues };
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
  let value = typeof submitted === 'string' ? submitted.trim() : submitted;
  if (isBlank(value)) value = field.default;
  // A required checkbox must be ticked, as in HTML.
  if (isBlank(value) || (field.type === 'checkbox' && field.required && value === false)) {
    return field.required ? issue(field, { code: 'required' }) : null;
  }
  const coerced = coerce(field, value!);
  if (typeof coerced !== 'string') return coerced;
  return checkText(field, coerced, inHeader && field.secret);
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
