// Builds the flat, typed-array tables the search runs on: the browse order first (the popular
// apps can show at once), then the words of every name and alias, a slice of apps at a time so
// the build can run in idle time, and the sorted vocabulary and postings over what is split so
// far. The query side (word-search.ts) only reads the tables, so a keystroke allocates nothing big.
import type { AppSummary } from '@plugboard/contract';
import { foldText, isAscii } from './fold.js';
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

/**
 * Ends each name or alias in a slice's text. Any punctuation would do (it separates words and is
 * not a space, so it joins nothing across texts); a `|` inside a name or alias becomes another.
 */
const FIELD_END = '|';
const STRAY_FIELD_END = /\|/g;
const OTHER_PUNCTUATION = '/';
/** Words and field ends: all a slice needs when no punctuation joins words. */
const ASCII_PIECES = /[a-z0-9]+|\|/g;
const UNICODE_PIECES = /[\p{L}\p{N}]+|\|/gu;
/** A word character, punctuation (no space, no field end), a word character: "at&t", "wi-fi". */
const ASCII_JOINED = /[a-z0-9][^a-z0-9\s|]+[a-z0-9]/;
const UNICODE_JOINED = /[\p{L}\p{N}][^\p{L}\p{N}\s|]+[\p{L}\p{N}]/u;
/** Words (1), field ends (2), spaces (3) and punctuation: to glue joined words as well. */
const ASCII_ALL_PIECES = /([a-z0-9]+)|(\|)|(\s+)|[^a-z0-9\s|]+/g;
const UNICODE_ALL_PIECES = /([\p{L}\p{N}]+)|(\|)|(\s+)|[^\p{L}\p{N}\s|]+/gu;

/**
 * Splits the names and aliases of the ranked apps into words, a slice of apps at a time. Each
 * text gives a field of its words, and one more of its glued words when punctuation joins some
 * ("at&t" → "att", "wi-fi manager" → "wifi manager"), so people can type a brand either way.
 */
export class WordSplitter {
  /** Apps split so far, from the first in browse order. */
  done = 0;
  private readonly idByToken = new Map<string, number>();
  /** Provisional token ids, in order of appearance. */
  private readonly tokenTexts: string[] = [];
  private readonly fieldTokenIds: number[] = [];
  private readonly fieldTokenStart: number[] = [0];
  private readonly fieldAlias: number[] = [];
  private readonly appFieldStart: number[] = [0];

  constructor(private readonly ranked: readonly AppSummary[]) {}

  /** Splits the next `count` apps (fewer at the end). */
  split(count: number): void {
    const from = this.done;
    const to = Math.min(this.ranked.length, from + count);
    // One string for the slice: folding and splitting it natively beats a call per text.
    const textAlias: number[] = [];
    const appTextEnd: number[] = [];
    let text = '';
    for (let app = from; app < to; app++) {
      const { name, aliases } = this.ranked[app]!;
      text += name + FIELD_END;
      textAlias.push(NAME_FIELD);
      // Alias positions fit a byte; nobody gives an app more than 127 other names.
      const aliasCount = Math.min(aliases.length, MAX_ALIASES);
      for (let alias = 0; alias < aliasCount; alias++) {
        text += aliases[alias]! + FIELD_END;
        textAlias.push(alias);
      }
      appTextEnd.push(textAlias.length);
    }
    if ((text.match(STRAY_FIELD_END)?.length ?? 0) !== textAlias.length) {
      text = this.withoutStrayFieldEnds(from, to);
    }
    const folded = foldText(text);
    const ascii = isAscii(folded);
    if ((ascii ? ASCII_JOINED : UNICODE_JOINED).test(folded)) {
      this.splitJoined(folded, ascii, textAlias, appTextEnd);
    } else {
      this.splitPlain(
        folded.match(ascii ? ASCII_PIECES : UNICODE_PIECES) ?? [],
        textAlias,
        appTextEnd,
      );
    }
    this.done = to;
  }

  /** The slice's text again, with the field-end mark inside names and aliases replaced. */
  private withoutStrayFieldEnds(from: number, to: number): string {
    let text = '';
    for (let app = from; app < to; app++) {
      const { name, aliases } = this.ranked[app]!;
      text += name.replace(STRAY_FIELD_END, OTHER_PUNCTUATION) + FIELD_END;
      const aliasCount = Math.min(aliases.length, MAX_ALIASES);
      for (let alias = 0; alias < aliasCount; alias++)
        text += aliases[alias]!.replace(STRAY_FIELD_END, OTHER_PUNCTUATION) + FIELD_END;
    }
    return text;
  }

  private splitPlain(pieces: readonly string[], textAlias: number[], appTextEnd: number[]): void {
    let textIndex = 0;
    let app = 0;
    let fieldStart = this.fieldTokenIds.length;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (piece !== FIELD_END) {
        this.fieldTokenIds.push(this.tokenId(piece));
        continue;
      }
      this.endField(fieldStart, textAlias[textIndex]!);
      fieldStart = this.fieldTokenIds.length;
      if (++textIndex === appTextEnd[app]) {
        this.appFieldStart.push(this.fieldAlias.length);
        app++;
      }
    }
  }

  private splitJoined(folded: string, ascii: boolean, textAlias: number[], appTextEnd: number[]) {
    let textIndex = 0;
    let app = 0;
    let fieldStart = this.fieldTokenIds.length;
    /** Each space-separated chunk's words, glued; and whether punctuation joined two words. */
    let glued: string[] = [];
    let chunk = '';
    let joined = false;
    let afterWord = false;
    let afterWordAndPunctuation = false;
    for (const [, word, end, space] of folded.matchAll(
      ascii ? ASCII_ALL_PIECES : UNICODE_ALL_PIECES,
    )) {
      if (word !== undefined) {
        this.fieldTokenIds.push(this.tokenId(word));
        joined ||= afterWordAndPunctuation;
        chunk += word;
        afterWord = true;
        afterWordAndPunctuation = false;
        continue;
      }
      if (end === undefined && space === undefined) {
        afterWordAndPunctuation = afterWord;
        afterWord = false;
        continue;
      }
      if (chunk) glued.push(chunk);
      chunk = '';
      afterWord = afterWordAndPunctuation = false;
      if (end === undefined) continue;
      const alias = textAlias[textIndex]!;
      this.endField(fieldStart, alias);
      if (joined) {
        for (const word of glued) this.fieldTokenIds.push(this.tokenId(word));
        this.endField(this.fieldTokenIds.length - glued.length, alias);
      }
      fieldStart = this.fieldTokenIds.length;
      glued = [];
      joined = false;
      if (++textIndex === appTextEnd[app]) {
        this.appFieldStart.push(this.fieldAlias.length);
        app++;
      }
    }
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

  /** Closes the field whose token ids start at `start`; a text without words has none. */
  private endField(start: number, alias: number): void {
    if (this.fieldTokenIds.length === start) return;
    this.fieldTokenStart.push(this.fieldTokenIds.length);
    this.fieldAlias.push(alias);
  }

  /** The tables over the apps split so far. */
  tables(): SearchTables {
    const { tokenTexts, fieldTokenIds } = this;
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
    const appFieldStart = Int32Array.from(this.appFieldStart);
    const fieldTokenStart = Int32Array.from(this.fieldTokenStart);
    const { postingStart, postings } = buildPostings(
      tokens.length,
      appFieldStart,
      fieldTokenStart,
      fieldTokens,
    );
    return {
      ranked: this.done === this.ranked.length ? this.ranked : this.ranked.slice(0, this.done),
      tokens: createTokenTable(tokens),
      postingStart,
      postings,
      appFieldStart,
      fieldTokenStart,
      fieldTokens,
      fieldAlias: Int8Array.from(this.fieldAlias),
    };
  }
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
