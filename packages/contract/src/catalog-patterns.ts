// Unsafe field patterns are refused when a catalog is read, before any user types: the reference
// server and the mocks refuse the whole catalog (its author must fix it), the widget drops the
// pattern from an app it reads (the user can still connect; the backend checks again).
import type { App, AuthType } from './index.js';
import { patternProblem } from './safe-pattern.js';

export interface UnsafePattern {
  app: string;
  /** The auth method, or `setup` for a text setup step (`field` is then the step key). */
  method: AuthType | 'setup';
  field: string;
  pattern: string;
  /** Why it may not run, in words (see patternProblem). */
  problem: string;
}

/** A catalog holds field patterns that may not run on user input. */
export class UnsafePatternError extends Error {
  override readonly name = 'UnsafePatternError';

  constructor(readonly patterns: readonly UnsafePattern[]) {
    const listed = patterns
      .map(
        (found) =>
          `${found.app} › ${found.method} › ${found.field}: /${found.pattern}/ (${found.problem})`,
      )
      .join('; ');
    super(`The catalog has field patterns that could freeze a check of user input: ${listed}`);
  }
}

export function findUnsafePatterns(apps: readonly App[]): UnsafePattern[] {
  const found: UnsafePattern[] = [];
  for (const app of apps) {
    for (const method of app.authMethods) {
      for (const field of method.fields) {
        const problem = field.pattern === undefined ? null : patternProblem(field.pattern);
        if (problem) {
          found.push({
            app: app.key,
            method: method.type,
            field: field.name,
            pattern: field.pattern!,
            problem,
          });
        }
      }
    }
    for (const step of app.setupSteps) {
      const problem = step.type === 'text' && step.pattern ? patternProblem(step.pattern) : null;
      if (problem && step.type === 'text') {
        found.push({
          app: app.key,
          method: 'setup',
          field: step.key,
          pattern: step.pattern!,
          problem,
        });
      }
    }
  }
  return found;
}

/** Throws UnsafePatternError, naming every unsafe pattern, unless there is none. */
export function assertSafePatterns(apps: readonly App[]): void {
  const found = findUnsafePatterns(apps);
  if (found.length > 0) throw new UnsafePatternError(found);
}

const isUnsafe = (pattern: string | undefined) =>
  pattern !== undefined && patternProblem(pattern) !== null;

/** The app without the patterns that may not run (the same object when it has none). */
export function withoutUnsafePatterns(app: App): App {
  const risky =
    app.authMethods.some((method) => method.fields.some((f) => isUnsafe(f.pattern))) ||
    app.setupSteps.some((step) => step.type === 'text' && isUnsafe(step.pattern));
  if (!risky) return app;
  return {
    ...app,
    setupSteps: app.setupSteps.map((step) => {
      if (step.type !== 'text' || !isUnsafe(step.pattern)) return step;
      const { pattern: _unsafe, ...rest } = step;
      return rest;
    }),
    authMethods: app.authMethods.map((method) => ({
      ...method,
      fields: method.fields.map((field) => {
        if (!isUnsafe(field.pattern)) return field;
        const { pattern: _unsafe, ...rest } = field;
        return rest;
      }),
    })),
  };
}
