// Builds the flat, typed-array tables the search runs on. Built once per catalog; the query
// side (index.ts) only reads them, so a keystroke allocates nothing big.
import type { AppSummary } from '@plugboard/contract';
import { foldText, gluedWords, isAscii, splitWords } from './fold.js';
import { orderByKeyThenText, orderByText } from './sort-order.js';
import { createTokenTable, type TokenTable } from './token-table.js';

/** `fieldAlias` value of a field that is the app's name (or its glued spelling). */
export const NAME_FIELD = -1;
const MAX_ALIASES = 127;

/** The catalog in browse order, enough to list the popular apps before the word tables exist. */
export interface RankedApps {
  /** Popularity (higher first), then folded name. */
  readonly ranked: readonly AppSummary[];
  /** `ranked[i].name`, folded. */
  readonly foldedNames: readonly string[];
}

export interface SearchTables {
  /** Apps in browse order: popularity (higher first), then folded name. */
  readonly ranked: readonly AppSummary[];
  /** Every distinct folded word, sorted, so a prefix is one contiguous range of ids. */
  readonly tokens: TokenTable;
  /** Apps (ranked indices) having token `t`: `postings[postingStart[t] .. postingStart[t+1])`. */
  readonly postingStart: Int32Array;
  readonly postings: Int32Array;
  /** Fields of app `a`: `appFieldStart[a] .. appFieldStart[a+1]`. A field is a name or an alias. */
  readonly appFieldStart: Int32Array;
  /** Token ids of field `f`, in reading order: `fieldTokens[fieldTokenStart[f] .. [f+1])`. */
  readonly fieldTokenStart: Int32Array;
  readonly fieldTokens: Int32Array;
  /** NAME_FIELD, or the index of the alias in `app.aliases`. */
  readonly fieldAlias: Int8Array;
}

/** Browse order: popularity (higher first), then folded name. */
export function rankApps(apps: readonly AppSummary[]): RankedApps {
  const folded = apps.map((app) => foldText(app.name));
  let maxPopularity = 0;
  for (const app of apps) maxPopularity = Math.max(maxPopularity, app.popularity);
  const order = orderByKeyThenText(
    apps.map((app) => maxPopularity - app.popularity),
    folded,
  );
  return {
    ranked: Array.from(order, (i) => apps[i]!),
    foldedNames: Array.from(order, (i) => folded[i]!),
  };
}

export function buildSearchTables({ ranked, foldedNames }: RankedApps): SearchTables {
  // First pass: provisional token ids in order of appearance.
  const idByToken = new Map<string, number>();
  const tokenTexts: string[] = [];
  const fieldTokenIds: number[] = [];
  const fieldTokenStart: number[] = [0];
  const fieldAlias: number[] = [];
  const appFieldStart: number[] = [0];
  const addField = (words: readonly string[], alias: number) => {
    if (words.length === 0) return;
    for (const word of words) {
      let id = idByToken.get(word);
      if (id === undefined) {
        id = tokenTexts.length;
        idByToken.set(word, id);
        tokenTexts.push(word);
      }
      fieldTokenIds.push(id);
    }
    fieldTokenStart.push(fieldTokenIds.length);
    fieldAlias.push(alias);
  };
  // Each text gives a field of its words, and one more of its glued words when punctuation
  // joins some ("at&t" → "att").
  const addText = (folded: string, alias: number) => {
    const ascii = isAscii(folded);
    addField(splitWords(folded, ascii), alias);
    const glued = gluedWords(folded, ascii);
    if (glued) addField(glued, alias);
  };
  for (let app = 0; app < ranked.length; app++) {
    addText(foldedNames[app]!, NAME_FIELD);
    const { aliases } = ranked[app]!;
    // Alias positions fit a byte; nobody gives an app more than 127 other names.
    const aliasCount = Math.min(aliases.length, MAX_ALIASES);
    for (let alias = 0; alias < aliasCount; alias++) addText(foldText(aliases[alias]!), alias);
    appFieldStart.push(fieldAlias.length);
  }

  // Sort the vocabulary (in the order of `<`, as the binary search compares) and renumber,
  // so a prefix maps to a range of ids.
  const tokenOrder = orderByText(tokenTexts);
  const tokens = Array.from(tokenOrder, (id) => tokenTexts[id]!);
  const sortedId = new Int32Array(tokens.length);
  for (let sorted = 0; sorted < tokens.length; sorted++) sortedId[tokenOrder[sorted]!] = sorted;
  const fieldTokens = new Int32Array(fieldTokenIds.length);
  for (let i = 0; i < fieldTokenIds.length; i++) fieldTokens[i] = sortedId[fieldTokenIds[i]!]!;

  const appFields = new Int32Array(appFieldStart);
  const fieldStarts = new Int32Array(fieldTokenStart);
  const { postingStart, postings } = buildPostings(
    tokens.length,
    appFields,
    fieldStarts,
    fieldTokens,
  );

  return {
    ranked,
    tokens: createTokenTable(tokens),
    postingStart,
    postings,
    appFieldStart: appFields,
    fieldTokenStart: fieldStarts,
    fieldTokens,
    fieldAlias: new Int8Array(fieldAlias),
  };
}

/**
 * Apps per token, in rank order, by a counting sort: apps are visited in rank order, so each
 * token's bucket fills already sorted.
 */
function buildPostings(
  tokenCount: number,
  appFieldStart: Int32Array,
  fieldTokenStart: Int32Array,
  fieldTokens: Int32Array,
): { postingStart: Int32Array; postings: Int32Array } {
  // Upper bounds first (a word repeated within one app is counted, then skipped below).
  const postingStart = new Int32Array(tokenCount + 1);
  for (let i = 0; i < fieldTokens.length; i++) postingStart[fieldTokens[i]! + 1]!++;
  for (let t = 0; t < tokenCount; t++) postingStart[t + 1]! += postingStart[t]!;
  const fill = postingStart.slice(0, tokenCount);
  const postings = new Int32Array(fieldTokens.length);
  for (let app = 0; app + 1 < appFieldStart.length; app++) {
    const to = fieldTokenStart[appFieldStart[app + 1]!]!;
    for (let i = fieldTokenStart[appFieldStart[app]!]!; i < to; i++) {
      const token = fieldTokens[i]!;
      const at = fill[token]!;
      if (at > postingStart[token]! && postings[at - 1] === app) continue; // same word twice
      postings[at] = app;
      fill[token] = at + 1;
    }
  }
  return compactPostings(postingStart, fill, postings);
}

/** Closes the gaps that skipped repeats left at the end of buckets. */
function compactPostings(
  bucketStart: Int32Array,
  bucketEnd: Int32Array,
  postings: Int32Array,
): { postingStart: Int32Array; postings: Int32Array } {
  const postingStart = new Int32Array(bucketStart.length);
  let count = 0;
  for (let t = 0; t < bucketEnd.length; t++) {
    postings.copyWithin(count, bucketStart[t]!, bucketEnd[t]!);
    count += bucketEnd[t]! - bucketStart[t]!;
    postingStart[t + 1] = count;
  }
  return { postingStart, postings: postings.slice(0, count) };
}
