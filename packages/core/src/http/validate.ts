// The few validators the response schemas need, written here because a schema library cost over
// 1 kB min+gzip more in the script-tag bundle. An object keeps only its declared keys; a key may be
// missing only when its schema is `optional`; every issue is recorded with its dot path, in the
// words "items.0.name: Invalid type: Expected string but received 5".

/** Checks a value and returns what the caller may keep (objects rebuilt with the declared keys). */
export interface Schema<T> {
  /** How accepted values are named in messages: `string`, `("a" | "b")`, `Array`… */
  readonly expects: string;
  /** Problems found go to `issues` as "path: message"; the return value is then meaningless. */
  run(value: unknown, path: string, issues: string[]): T;
}

/** A schema whose key may be missing from its object. */
export interface OptionalSchema<T> extends Schema<T | undefined> {
  readonly optional: true;
}

type Output<S> = S extends Schema<infer T> ? T : never;
type Entries = Record<string, Schema<unknown>>;
type OptionalKeys<E extends Entries> = {
  [K in keyof E]: E[K] extends OptionalSchema<unknown> ? K : never;
}[keyof E];
type ObjectOutput<E extends Entries> = {
  [K in Exclude<keyof E, OptionalKeys<E>>]: Output<E[K]>;
} & { [K in OptionalKeys<E>]?: Output<E[K]> };

/** The value as the message shows it: strings quoted, objects by their constructor's name. */
function shown(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value !== 'object' && typeof value !== 'function') return String(value);
  return (value && Object.getPrototypeOf(value)?.constructor?.name) ?? 'null';
}

function child(path: string, key: string | number): string {
  return path ? `${path}.${key}` : String(key);
}

function report(issues: string[], path: string, kind: string, expects: string, value: unknown) {
  issues.push(
    `${path || '(root)'}: Invalid ${kind}: Expected ${expects} but received ${shown(value)}`,
  );
}

/** A schema that keeps the value as it is when `accepts` says so. */
function accepting<T>(expects: string, accepts: (value: unknown) => boolean): Schema<T> {
  return {
    expects,
    run(value, path, issues) {
      if (!accepts(value)) report(issues, path, 'type', expects, value);
      return value as T;
    },
  };
}

export const string = () => accepting<string>('string', (value) => typeof value === 'string');
export const number = () =>
  accepting<number>('number', (value) => typeof value === 'number' && !Number.isNaN(value));
export const boolean = () => accepting<boolean>('boolean', (value) => typeof value === 'boolean');
/** Only `undefined`: the body of a 204 answer. */
export const absent = () => accepting<undefined>('undefined', (value) => value === undefined);
export const unknown = () => accepting<unknown>('unknown', () => true);

function oneOf(expects: string[]): string {
  return expects.length > 1 ? `(${expects.join(' | ')})` : (expects[0] ?? 'never');
}

/** One of the given strings. */
export function picklist<const T extends readonly string[]>(options: T): Schema<T[number]> {
  return accepting<T[number]>(oneOf(options.map((option) => `"${option}"`)), (value) =>
    options.includes(value as string),
  );
}

/** The first option that accepts the value. */
export function union<const S extends readonly Schema<unknown>[]>(
  options: S,
): Schema<Output<S[number]>> {
  const expects = oneOf(options.map((option) => option.expects));
  return {
    expects,
    run(value, path, issues) {
      for (const option of options) {
        const own: string[] = [];
        const output = option.run(value, path, own);
        if (!own.length) return output as Output<S[number]>;
      }
      report(issues, path, 'type', expects, value);
      return value as Output<S[number]>;
    },
  };
}

export function optional<T>(wrapped: Schema<T>): OptionalSchema<T> {
  return {
    expects: `(${wrapped.expects} | undefined)`,
    optional: true,
    run: (value, path, issues) => (value === undefined ? value : wrapped.run(value, path, issues)),
  };
}

export function nullable<T>(wrapped: Schema<T>): Schema<T | null> {
  return {
    expects: `(${wrapped.expects} | null)`,
    run: (value, path, issues) => (value === null ? value : wrapped.run(value, path, issues)),
  };
}

function isArray(value: unknown, path: string, issues: string[]): value is unknown[] {
  if (Array.isArray(value)) return true;
  report(issues, path, 'type', 'Array', value);
  return false;
}

export function array<T>(item: Schema<T>): Schema<T[]> {
  return {
    expects: 'Array',
    run: (value, path, issues) =>
      isArray(value, path, issues)
        ? value.map((entry, index) => item.run(entry, child(path, index), issues))
        : [],
  };
}

/** An array that drops the items `item` rejects instead of failing as a whole. */
export function readableItems<T>(item: Schema<T>): Schema<T[]> {
  return {
    expects: 'Array',
    run: (value, path, issues) =>
      isArray(value, path, issues)
        ? value.flatMap((entry) => {
            const own: string[] = [];
            const output = item.run(entry, '', own);
            return own.length ? [] : [output];
          })
        : [],
  };
}

/** An object of any keys (at most `max`), each value checked by `value`. */
export function record<T>(value: Schema<T>, max = 100): Schema<Record<string, T>> {
  return {
    expects: 'Object',
    run(input, path, issues) {
      const output: Record<string, T> = {};
      if (!input || typeof input !== 'object' || Array.isArray(input)) {
        report(issues, path, 'type', 'Object', input);
        return output;
      }
      const entries = Object.entries(input);
      if (entries.length > max) report(issues, path, 'size', `at most ${max} keys`, entries.length);
      for (const [key, item] of entries) output[key] = value.run(item, child(path, key), issues);
      return output;
    },
  };
}

/** An object with the declared keys only: unknown keys are dropped, so newer backends still pass. */
export function object<E extends Entries>(entries: E): Schema<ObjectOutput<E>> {
  return {
    expects: 'Object',
    run(value, path, issues) {
      const output: Record<string, unknown> = {};
      if (!value || typeof value !== 'object') {
        report(issues, path, 'type', 'Object', value);
        return output as ObjectOutput<E>;
      }
      for (const [key, schema] of Object.entries(entries)) {
        const keyPath = child(path, key);
        if (key in value) {
          output[key] = schema.run((value as Record<string, unknown>)[key], keyPath, issues);
        } else if (!('optional' in schema)) {
          report(issues, keyPath, 'key', `"${key}"`, undefined);
        }
      }
      return output as ObjectOutput<E>;
    },
  };
}
