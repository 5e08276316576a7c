// The sorted vocabulary, packed into one string with offsets: thousands of small strings cost
// about four times the memory of their characters.
import { isWithinOneEditOfPrefix } from './one-edit.js';

export interface TokenTable {
  readonly count: number;
  /** First token id not below `text` (code-unit order): a prefix's range is two of these. */
  lowerBound(text: string): number;
  /** Token `id` is exactly `text`. */
  equals(id: number, text: string): boolean;
  /** Token `id` starts with `prefix`. */
  hasPrefix(id: number, prefix: string): boolean;
  /** Token `id` starts with `query` give or take one typo. */
  nearPrefix(id: number, query: string): boolean;
}

/** `sortedTokens` must be sorted in code-unit order. */
export function createTokenTable(sortedTokens: readonly string[]): TokenTable {
  const text = sortedTokens.join('');
  const start = new Int32Array(sortedTokens.length + 1);
  for (let id = 0; id < sortedTokens.length; id++) {
    start[id + 1] = start[id]! + sortedTokens[id]!.length;
  }
  const count = sortedTokens.length;

  function compare(id: number, other: string): number {
    const from = start[id]!;
    const length = start[id + 1]! - from;
    const shared = Math.min(length, other.length);
    for (let i = 0; i < shared; i++) {
      const difference = text.charCodeAt(from + i) - other.charCodeAt(i);
      if (difference !== 0) return difference;
    }
    return length - other.length;
  }

  return {
    count,
    lowerBound(other) {
      let lo = 0;
      let hi = count;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compare(mid, other) < 0) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
    equals: (id, other) => id < count && compare(id, other) === 0,
    hasPrefix(id, prefix) {
      const from = start[id]!;
      if (id >= count || start[id + 1]! - from < prefix.length) return false;
      return text.startsWith(prefix, from);
    },
    nearPrefix: (id, query) => isWithinOneEditOfPrefix(query, text, start[id]!, start[id + 1]!),
  };
}
