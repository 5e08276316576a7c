// Typo tolerance: is the query one edit away from the start of a word?
// Words are read in place from the packed token text (`text[start..end)`), without slicing.

/** True when `query[qi..]` is spelled exactly at `text[ti..end)` (the word may go on). */
function restMatches(query: string, qi: number, text: string, ti: number, end: number): boolean {
  if (end - ti < query.length - qi) return false;
  for (; qi < query.length; qi++, ti++) {
    if (query.charCodeAt(qi) !== text.charCodeAt(ti)) return false;
  }
  return true;
}

/**
 * True when some prefix of the word `text[start..end)` is at most one edit (insertion, deletion,
 * substitution or transposition of neighbours) from `query`: "slak" fits "slack", "hubsopt"
 * fits "hubspot".
 */
export function isWithinOneEditOfPrefix(
  query: string,
  text: string,
  start = 0,
  end = text.length,
): boolean {
  const length = end - start;
  const shared = Math.min(query.length, length);
  let i = 0;
  while (i < shared && query.charCodeAt(i) === text.charCodeAt(start + i)) i++;
  if (i === query.length) return true; // plain prefix
  if (i === length) return query.length - i === 1; // one extra letter at the end
  const at = start + i;
  return (
    restMatches(query, i + 1, text, at + 1, end) || // substitution
    restMatches(query, i + 1, text, at, end) || // extra letter in the query
    restMatches(query, i, text, at + 1, end) || // missing letter in the query
    (query.charCodeAt(i) === text.charCodeAt(at + 1) &&
      query.charCodeAt(i + 1) === text.charCodeAt(at) &&
      restMatches(query, i + 2, text, at + 2, end)) // swapped neighbours
  );
}
