// Field patterns come from the catalog and run on what users type, in the server and in the
// browser. JavaScript's backtracking engine takes exponential time on patterns such as `(a+)+$`,
// and no match can be interrupted, so a pattern is refused unless a conservative check of its shape
// shows it cannot blow up. Measured against npm's `safe-regex2` (with its parser `ret`): 4.4 kB
// min+gzip and CommonJS for the browser bundle, and it checks only the first rule below.
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

/** What a piece of the pattern adds to the ways of splitting the input (rule 3). */
interface Cost {
  wide: number;
  optional: number;
}

/** A group being read: its finished alternatives and the one in progress. */
interface Frame {
  alternatives: Cost[];
  current: Cost;
  /** A quantifier anywhere inside, nested groups included. */
  quantified: boolean;
  /** An alternation anywhere inside, nested groups included. */
  alternated: boolean;
  /** Where the group's `(` is in the pattern. */
  open: number;
}

/** The last atom read, which a quantifier may still apply to. */
interface Atom {
  cost: Cost;
  quantified: boolean;
  alternated: boolean;
  /** The source of the atom, for the reason given. */
  source: string;
}

const newFrame = (open: number): Frame => ({
  alternatives: [],
  current: { wide: 0, optional: 0 },
  quantified: false,
  alternated: false,
  open,
});

/** `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`, `(?i:`: what opens a group before its body. */
const GROUP_PREFIX = /^\((?:\?(?:<[=!]|<[^>]*>|[:=!]|[a-z-]+:))?/;

/** The costliest alternative: only one of them matches at a time. */
function costOf(frame: Frame): Cost {
  const all = [...frame.alternatives, frame.current];
  return {
    wide: Math.max(...all.map((cost) => cost.wide)),
    optional: Math.max(...all.map((cost) => cost.optional)),
  };
}

/** Index just past the `close` that ends what starts at `from` (escapes skipped). */
function skipPast(pattern: string, from: number, close: string): number {
  for (let i = from; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === close) return i + 1;
  }
  return pattern.length;
}

/** `{n}`, `{n,}` or `{n,m}` at `at`: its bounds and where it ends. */
function readBraces(pattern: string, at: number): { min: number; max: number; end: number } {
  const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at, at + 24))!;
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
  return { min, max, end: at + match[0].length };
}

/** Why `pattern` may not run on user input, or null when it may (see the rules above). */
function shapeProblem(pattern: string): string | null {
  const stack: Frame[] = [newFrame(0)];
  let atom: Atom | undefined;
  const frame = () => stack.at(-1)!;
  const flush = () => {
    if (!atom) return;
    frame().current.wide += atom.cost.wide;
    frame().current.optional += atom.cost.optional;
    atom = undefined;
  };
  const plain = (source: string): Atom => ({
    cost: { wide: 0, optional: 0 },
    quantified: false,
    alternated: false,
    source,
  });

  for (let i = 0; i < pattern.length;) {
    const char = pattern[i]!;
    if (char === '*' || char === '+' || char === '?' || char === '{') {
      const { min, max, end } =
        char === '{'
          ? readBraces(pattern, i)
          : { min: char === '+' ? 1 : 0, max: char === '?' ? 1 : Infinity, end: i + 1 };
      i = pattern[end] === '?' ? end + 1 : end; // a lazy quantifier backtracks just the same
      if (!atom) continue; // cannot happen in a pattern that compiled with the u flag
      if (max > 1 && (atom.quantified || atom.alternated)) {
        return `it repeats ${atom.source}, which itself ${atom.quantified ? 'repeats' : 'has alternatives'}`;
      }
      if (max - min > 1) atom.cost.wide++;
      else if (max - min === 1) atom.cost.optional++;
      if (max !== min) frame().quantified = true;
      flush();
      continue;
    }
    flush();
    if (char === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'it has a backreference';
      const end =
        (next === 'p' || next === 'P' || next === 'u') && pattern[i + 2] === '{'
          ? skipPast(pattern, i + 3, '}')
          : next === 'u'
            ? i + 6
            : next === 'x'
              ? i + 4
              : next === 'c'
                ? i + 3
                : i + 2;
      atom = plain(pattern.slice(i, end));
      i = end;
    } else if (char === '[') {
      const end = skipPast(pattern, pattern[i + 1] === ']' ? i + 2 : i + 1, ']');
      atom = plain(pattern.slice(i, end));
      i = end;
    } else if (char === '(') {
      const prefix = GROUP_PREFIX.exec(pattern.slice(i, i + 40))![0];
      if (prefix === '(' && pattern[i + 1] === '?')
        return 'it has a group this check does not know';
      stack.push(newFrame(i));
      i += prefix.length;
    } else if (char === ')') {
      const closed = stack.pop()!;
      atom = {
        cost: costOf(closed),
        quantified: closed.quantified,
        alternated: closed.alternated,
        source: pattern.slice(closed.open, i + 1),
      };
      frame().quantified ||= closed.quantified;
      frame().alternated ||= closed.alternated;
      i++;
    } else if (char === '|') {
      frame().alternatives.push(frame().current);
      frame().current = { wide: 0, optional: 0 };
      frame().alternated = true;
      i++;
    } else {
      atom = char === '^' || char === '$' ? undefined : plain(char);
      i++;
    }
  }
  flush();
  const total = costOf(stack[0]!);
  if (total.wide > MAX_WIDE_QUANTIFIERS) {
    return `it has more than ${MAX_WIDE_QUANTIFIERS} open-ended repeats in sequence`;
  }
  if (total.optional > MAX_OPTIONAL_QUANTIFIERS) {
    return `it has more than ${MAX_OPTIONAL_QUANTIFIERS} optional parts in sequence`;
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
    problem = 'it is not a valid regular expression (u flag)';
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
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}
