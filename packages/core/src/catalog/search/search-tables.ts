// Builds the flat, typed-array tables the search runs on: the browse order first (the popular
// apps can show at once), then the words of every name and alias, a slice of apps at a time so
// the build can run in idle time, and the sorted vocabulary and postings over what is split so
// far. The query side (word-search.ts) only reads the tables, so a keystroke allocates nothing big.
import type { AppSummary } from '@plugboard/contract';
import { foldText, gluedWords, isAscii, splitWords } from './fold.js';
import { orderByKeyThenText, orderByText } from './sort-order.js';
import { createTokenTable, type TokenTable } from './token-table.js';

/** `fieldAlias` value of a field that is the app's name (or its glued spelling). */
export const NAME_FIELD = -1;
const MAX_ALIASES = 127;

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

/**
 * Browse order: popularity (higher first), then folded name. Only names whose popularity another
 * app shares are folded here; plain indexed loops, as this runs before the JIT has warmed up.
 */
export function rankApps(apps: readonly AppSummary[]): readonly AppSummary[] {
  // A catalog from the server comes most popular first: checking costs one pass.
  if (isRanked(apps)) return apps;
  let maxPopularity = 0;
  for (let i = 0; i < apps.length; i++)
    maxPopularity = Math.max(maxPopularity, apps[i]!.popularity);
  const keys = new Float64Array(apps.length);
  for (let i = 0; i < apps.length; i++) keys[i] = maxPopularity - apps[i]!.popularity;
  const order = orderByKeyThenText(keys, (i) => foldText(apps[i]!.name));
  const ranked = new Array<AppSummary>(apps.length);
  for (let i = 0; i < order.length; i++) ranked[i] = apps[order[i]!]!;
  return ranked;
}

/** Already in browse order: popularity never rises, and equal ones go by folded name. */
function isRanked(apps: readonly AppSummary[]): boolean {
  for (let i = 1; i < apps.length; i++) {
    const before = apps[i - 1]!.popularity;
    const after = apps[i]!.popularity;
    if (before > after) continue;
    // A rise, or NaN (never in order), or a tie whose names are out of order.
    if (!(before === after) || foldText(apps[i - 1]!.name) > foldText(apps[i]!.name)) return false;
  }
  return true;
}

/**
 * The first `count` apps of the browse order (rankApps) without sorting the rest: the apps as
 * popular as the count-th most popular one, sorted. For the picker's first screen.
 */
export function topApps(apps: readonly AppSummary[], count: number): readonly AppSummary[] {
  const popularity = new Float64Array(apps.length);
  let finite = true;
  for (let i = 0; i < apps.length; i++) {
    const value = (popularity[i] = apps[i]!.popularity);
    finite &&= value - value === 0; // not NaN, not infinite
  }
  const threshold = popularity.slice().sort()[apps.length - count];
  // Few apps, or popularity that is not a number: sorting them all is as quick, and as right.
  if (threshold === undefined || !finite) return rankApps(apps).slice(0, count);
  const candidates: AppSummary[] = [];
  for (let i = 0; i < apps.length; i++) {
    if (popularity[i]! >= threshold) candidates.push(apps[i]!);
  }
  return rankApps(candidates).slice(0, count);
}

/**
 * Splits the names and aliases of the ranked apps into words, a slice of apps at a time. Each
 * text gives a field of its words, and one more of its glued words when punctuation joins some
 * ("at&t" → "att", "wi-fi manager" → "wifi manager"), so people can type a brand either way.
 */
export class WordSplitter {
  /** Apps split so far, from the first in browse order. */
  done = 0;
  /** The apps split so far, in browse order. */
  private readonly ranked: AppSummary[] = [];
  private readonly idByToken = new Map<string, number>();
  /** Provisional token ids, in order of appearance. */
  private readonly tokenTexts: string[] = [];
  private readonly fieldTokenIds: number[] = [];
  private readonly fieldTokenStart: number[] = [0];
  private readonly fieldAlias: number[] = [];
  private readonly appFieldStart: number[] = [0];

  /**
   * Splits the next `count` apps of `browseOrder` (fewer at its end): the whole browse order, or
   * only its head (see topApps) until the catalog is sorted.
   */
  split(browseOrder: readonly AppSummary[], count: number): void {
    const to = Math.min(browseOrder.length, this.done + count);
    for (let app = this.done; app < to; app++) {
      this.ranked.push(browseOrder[app]!);
      const { name, aliases } = browseOrder[app]!;
      this.addText(foldText(name), NAME_FIELD);
      // Alias positions fit a byte; nobody gives an app more than 127 other names.
      const aliasCount = Math.min(aliases.length, MAX_ALIASES);
      for (let alias = 0; alias < aliasCount; alias++)
        this.addText(foldText(aliases[alias]!), alias);
      this.appFieldStart.push(this.fieldAlias.length);
    }
    this.done = to;
  }

  private addText(folded: string, alias: number): void {
    const ascii = isAscii(folded);
    this.addField(splitWords(folded, ascii), alias);
    const glued = gluedWords(folded, ascii);
    if (glued) this.addField(glued, alias);
  }

  private addField(words: readonly string[], alias: number): void {
    if (words.length === 0) return;
    for (let i = 0; i < words.length; i++) this.fieldTokenIds.push(this.tokenId(words[i]!));
    this.fieldTokenStart.push(this.fieldTokenIds.length);
    this.fieldAlias.push(alias);
  }

  private tokenId(word: string): number {
    let id = this.idByToken.get(word);
    if (id === undefined) {
      id = this.tokenTexts.length;
      this.idByToken.set(word, id);
      this.tokenTexts.push(word);
    }
    return id;
  }

  /** The tables over the first `appCount` apps split (all so far by default). */
  tables(appCount = this.done): SearchTables {
    const appFieldStart = Int32Array.from(prefix(this.appFieldStart, appCount + 1));
    const fieldCount = appFieldStart[appCount]!;
    const fieldTokenStart = Int32Array.from(prefix(this.fieldTokenStart, fieldCount + 1));
    const fieldTokenIds = prefix(this.fieldTokenIds, fieldTokenStart[fieldCount]!);
    // Ids go by first appearance, so the words of the first apps have the first ids.
    let tokenCount = this.tokenTexts.length;
    if (appCount < this.done) {
      tokenCount = 0;
      for (let i = 0; i < fieldTokenIds.length; i++)
        tokenCount = Math.max(tokenCount, fieldTokenIds[i]! + 1);
    }
    const tokenTexts = prefix(this.tokenTexts, tokenCount);
    // Sort the vocabulary (in the order of `<`, as the binary search compares) and renumber,
    // so a prefix maps to a range of ids.
    const tokenOrder = orderByText(tokenTexts);
    const tokens = new Array<string>(tokenOrder.length);
    const sortedId = new Int32Array(tokenOrder.length);
    for (let sorted = 0; sorted < tokenOrder.length; sorted++) {
      tokens[sorted] = tokenTexts[tokenOrder[sorted]!]!;
      sortedId[tokenOrder[sorted]!] = sorted;
    }
    const fieldTokens = new Int32Array(fieldTokenIds.length);
    for (let i = 0; i < fieldTokenIds.length; i++) fieldTokens[i] = sortedId[fieldTokenIds[i]!]!;
    const { postingStart, postings } = buildPostings(
      tokens.length,
      appFieldStart,
      fieldTokenStart,
      fieldTokens,
    );
    return {
      ranked: this.ranked.slice(0, appCount),
      tokens: createTokenTable(tokens),
      postingStart,
      postings,
      appFieldStart,
      fieldTokenStart,
      fieldTokens,
      fieldAlias: Int8Array.from(prefix(this.fieldAlias, fieldCount)),
    };
  }
}

/** The first `length` items; the array itself when that is all of it (no copy of the whole). */
function prefix<T>(items: T[], length: number): T[] {
  return length === items.length ? items : items.slice(0, length);
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
