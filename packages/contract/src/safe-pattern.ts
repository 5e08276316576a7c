// Field patterns come from the catalog and run on what users type, in the server and in the
// browser. JavaScript's backtracking engine takes exponential time on patterns such as `(a+)+$`,
// and no match can be interrupted, so a pattern is refused unless a conservative check of its shape
// shows it cannot blow up. Measured against npm's `safe-regex2` (with its parser `ret`): 4.4 kB
// min+gzip and CommonJS for the browser bundle, and it checks star height (rule 2) only.
//
// The rules, on the pattern's syntax (it must compile with the `u` flag first):
// 1. No backreferences (`\1`, `\k<name>`): matching them is NP-hard in general.
// 2. Star height 1: a quantifier that repeats (`*`, `+`, `{2,}`, `{2,5}`…) may not apply to a
//    group that holds a quantifier or an alternation: `(a+)+`, `(a|aa)*` and `(a?b?)+` are refused.
//    So is the harmless `(?:[a-z0-9-]+\.)+`; write `[a-z0-9][a-z0-9.-]*\.` instead.
// 3. Few ways to split the input: along any path through the pattern, at most
//    MAX_WIDE_QUANTIFIERS quantifiers with a range wider than one (`*`, `+`, `{2,9}`) and at most
//    MAX_OPTIONAL_QUANTIFIERS optional ones (`?`, `{3,4}`). Each can make the engine retry the rest
//    of the pattern at every position, so the worst case grows as the input length to the power of
//    the wide ones; the field checker caps the input at PATTERN_INPUT_MAX code points before
//    matching, which keeps that power bounded in time.
// Safe patterns are refused too (the check looks at shape, not meaning); the reason says which
// rule, so a catalog author can rewrite one.

/** Longest value (in code points) a field pattern ever runs on. */
export const PATTERN_INPUT_MAX = 1024;
const MAX_WIDE_QUANTIFIERS = 2;
const MAX_OPTIONAL_QUANTIFIERS = 3;

/** How many ways a piece of the pattern adds to split the input (rule 3): [wide, optional]. */
type Cost = [wide: number, optional: number];

/** A group being read. */
interface Frame {
  /** The costs of its finished alternatives and, last, of the one being read. */
  alternatives: Cost[];
  /** It holds a quantifier or an alternation, nested groups included. */
  varies: boolean;
  /** Where its `(` is in the pattern. */
  open: number;
}

/** The last atom read, which a quantifier may still apply to. */
interface Atom {
  cost: Cost;
  varies: boolean;
  source: string;
}

/**
 * One token of a pattern that compiled with the u flag: an escape, a class, a group's opening (with
 * its `?:`, `?=`, `?<name>`… prefix), a quantifier (with its lazy `?`), or one character.
 */
const TOKEN =
  /\\(?:[pPu]\{[^}]*\}|u[\da-fA-F]{4}|x[\da-fA-F]{2}|c[A-Za-z]|k<[^>]*>|[^])|\[(?:\\[^]|[^\]\\])*\]|\((?:\?(?:<[=!]|<[^>]*>|[:=!]|[a-z-]+:))?|[*+?]\??|\{(\d+)(,(\d*))?\}\??|[^]/gu;

/** The costliest alternative: only one of them matches at a time. */
const costOf = (frame: Frame): Cost => [
  Math.max(...frame.alternatives.map((cost) => cost[0])),
  Math.max(...frame.alternatives.map((cost) => cost[1])),
];

/** Why `pattern` may not run on user input, or null when it may (see the rules above). */
function shapeProblem(pattern: string): string | null {
  const root: Frame = { alternatives: [[0, 0]], varies: false, open: 0 };
  const stack = [root];
  let atom: Atom | undefined;
  /** Adds the last atom's cost to the alternative being read. */
  const settle = () => {
    const current = stack.at(-1)!.alternatives.at(-1)!;
    current[0] += atom?.cost[0] ?? 0;
    current[1] += atom?.cost[1] ?? 0;
    atom = undefined;
  };
  for (const match of pattern.matchAll(TOKEN)) {
    const [token, min, comma, max] = match;
    const frame = stack.at(-1)!;
    if (/^[*+?{]/.test(token)) {
      if (!atom) continue; // cannot happen in a pattern that compiled with the u flag
      const braces = token[0] === '{';
      const low = braces ? Number(min) : token[0] === '+' ? 1 : 0;
      const high = braces
        ? comma
          ? max
            ? Number(max)
            : Infinity
          : low
        : token[0] === '?'
          ? 1
          : Infinity;
      if (high > 1 && atom.varies) {
        return `a repeated group holds a quantifier or an alternation: ${atom.source}`;
      }
      if (high - low > 1) atom.cost[0]++;
      else if (high - low === 1) atom.cost[1]++;
      if (high !== low) frame.varies = true;
      settle();
      continue;
    }
    settle();
    if (/^\\(?:[1-9]|k<)/.test(token)) return 'a backreference';
    if (token[0] === '(') {
      stack.push({ alternatives: [[0, 0]], varies: false, open: match.index });
    } else if (token === ')') {
      const closed = stack.pop()!;
      stack.at(-1)!.varies ||= closed.varies;
      const source = pattern.slice(closed.open, match.index + 1);
      atom = { cost: costOf(closed), varies: closed.varies, source };
    } else if (token === '|') {
      frame.alternatives.push([0, 0]);
      frame.varies = true;
    } else if (token !== '^' && token !== '$') {
      atom = { cost: [0, 0], varies: false, source: token };
    }
  }
  settle();
  const [wide, optional] = costOf(root);
  if (wide > MAX_WIDE_QUANTIFIERS) {
    return `more than ${MAX_WIDE_QUANTIFIERS} open-ended quantifiers in sequence`;
  }
  if (optional > MAX_OPTIONAL_QUANTIFIERS) {
    return `more than ${MAX_OPTIONAL_QUANTIFIERS} optional parts in sequence`;
  }
  return null;
}

interface CompiledPattern {
  regex: RegExp | null;
  problem: string | null;
}

/** Patterns seen so far; a catalog has a few hundred at most, so a cap only guards memory. */
const compiled = new Map<string, CompiledPattern>();
const CACHE_MAX = 2000;

function compile(pattern: string): CompiledPattern {
  let entry = compiled.get(pattern);
  if (entry) return entry;
  let regex: RegExp | null = null;
  let problem: string | null;
  try {
    // The whole value must match, as the contract says.
    regex = new RegExp(`^(?:${pattern})$`, 'u');
    problem = shapeProblem(pattern);
  } catch {
    problem = 'not a valid regular expression (u flag)';
  }
  entry = { regex: problem ? null : regex, problem };
  if (compiled.size >= CACHE_MAX) compiled.clear();
  compiled.set(pattern, entry);
  return entry;
}

/** Why a field pattern may not run on user input (invalid, or unsafe by shape), or null. */
export function patternProblem(pattern: string): string | null {
  return compile(pattern).problem;
}

/**
 * Whether `value` matches the whole pattern; undefined when the pattern may not run (see
 * patternProblem) or the value is longer than PATTERN_INPUT_MAX code points.
 */
export function matchesSafePattern(pattern: string, value: string): boolean | undefined {
  const { regex } = compile(pattern);
  if (!regex || codePointLength(value) > PATTERN_INPUT_MAX) return undefined;
  return regex.test(value);
}

/** Length in code points, as the contract counts `minLength` and `maxLength`. */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
