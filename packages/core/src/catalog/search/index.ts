// Local catalog search for the app picker: word-start prefixes over names and aliases,
// accents folded, one typo forgiven on longer words, ranked in tiers then by popularity.
// Nothing is built up front: `top()` finds the picker's first screen without sorting the catalog;
// the word tables are built by the first search that needs them, or earlier, whole by `prepare()`
// or a slice of apps at a time by `prepareFor()` in idle time, in browse order (the head of it
// first, found without sorting the whole catalog), while `searchSoFar()` answers a keystroke that
// comes before the end from that head: the most popular apps.
import type { AppSummary } from '@plugboard/contract';
import { foldText, splitWords } from './fold.js';
import { rankApps, topApps, WordSplitter } from './search-tables.js';
import { createWordSearch, MAX_WORDS, type SearchHit, type WordSearch } from './word-search.js';
export { SCORE, type SearchHit } from './word-search.js';

export interface SearchOptions {
  category?: string;
  /** Most hits returned; default 50. */
  limit?: number;
}

/** What `searchSoFar` answers: the hits so far, and whether the whole catalog was searched. */
export interface PartialSearch {
  hits: SearchHit[];
  /** False while the word tables are being built: the hits are among the most popular apps only. */
  complete: boolean;
}

export interface SearchIndex {
  search(query: string, opts?: SearchOptions): SearchHit[];
  /**
   * Answers now, however far the build is: while the word tables are incomplete, ranks only the
   * head of the browse order (the HEAD most popular apps, split first if the build has not got
   * there yet; a catalog no bigger is indexed whole), so a keystroke during a sliced build costs a
   * search over those apps, never a build of the tables over everything split so far.
   */
  searchSoFar(query: string, opts?: SearchOptions): PartialSearch;
  /** Every category of the catalog, sorted. */
  categories(): string[];
  readonly size: number;
  /** The apps in browse order: most popular first. Sorts the catalog the first time it is read. */
  readonly ranked: readonly AppSummary[];
  /**
   * The first `count` apps of `ranked`, found without sorting the whole catalog while it is not
   * sorted yet: the picker's first screen.
   */
  top(count: number): readonly AppSummary[];
  /** Builds the word tables now, so that no search has to. */
  prepare(): void;
  /**
   * Builds the word tables for about `budgetMs`, e.g. in an idle callback: one slice of apps at
   * least, or, once every app is split, the complete tables alone. True once they are complete.
   */
  prepareFor(budgetMs: number): boolean;
  /** The word tables are complete: `search` answers without building. */
  readonly prepared: boolean;
}

const DEFAULT_LIMIT = 50;
/** Apps split per step of prepareFor: a few milliseconds of work before the JIT has warmed up. */
const SLICE = 512;
/** The head of the browse order: split before the whole catalog is sorted, and what a keystroke
 *  during the build is answered from (see searchSoFar). */
export const HEAD = 2048;

export function createSearchIndex(apps: readonly AppSummary[]): SearchIndex {
  // Sorted on first use: the picker shows its first screen from `top` before that, and the word
  // tables start with the head of the browse order (HEAD apps), which needs no full sort either.
  let sorted: readonly AppSummary[] | undefined;
  let head: readonly AppSummary[] | undefined;
  const ranked = () => (sorted ??= rankApps(apps));
  // The splitter's growing arrays are dropped once the complete tables are built.
  let splitter: WordSplitter | undefined = new WordSplitter();
  let complete: WordSearch | undefined;
  /** The tables over the head, for searchSoFar until the complete ones are built. */
  let headSearch: WordSearch | undefined;
  let categories: string[] | undefined; // computed on first use: the picker may never ask

  /** Splits the next slice of apps; the catalog is sorted first once past its head. */
  function splitSlice(splitting: WordSplitter): void {
    if (sorted || splitting.done >= HEAD) splitting.split(ranked(), SLICE);
    else splitting.split((head ??= topApps(apps, HEAD)), SLICE);
  }

  function finish(): WordSearch {
    if (complete) return complete;
    const splitting = splitter!;
    while (splitting.done < apps.length) splitSlice(splitting);
    complete = createWordSearch(splitting.tables());
    splitter = undefined;
    headSearch = undefined;
    head = undefined;
    return complete;
  }

  function soFar(): WordSearch {
    if (complete) return complete;
    if (apps.length <= HEAD) return finish(); // the head is the whole catalog
    const splitting = splitter!;
    while (splitting.done < HEAD) splitSlice(splitting);
    return (headSearch ??= createWordSearch(splitting.tables(HEAD)));
  }

  function query(text: string, opts: SearchOptions) {
    const limit = Math.max(0, Math.floor(opts.limit ?? DEFAULT_LIMIT));
    return { words: splitWords(foldText(text)).slice(0, MAX_WORDS), limit };
  }

  return {
    search(text, opts = {}) {
      const { words, limit } = query(text, opts);
      if (words.length === 0) return browse(ranked(), opts.category, limit);
      return limit === 0 ? [] : finish()(words, opts.category, limit);
    },
    searchSoFar(text, opts = {}) {
      const { words, limit } = query(text, opts);
      if (words.length === 0)
        return { hits: browse(ranked(), opts.category, limit), complete: true };
      const hits = limit > 0 ? soFar()(words, opts.category, limit) : [];
      return { hits, complete: complete !== undefined };
    },
    prepare: () => void finish(),
    prepareFor(budgetMs) {
      if (complete) return true;
      const splitting = splitter!;
      // The complete tables are a step of their own: after a budget of slices they would make
      // one call twice as long.
      if (splitting.done === apps.length) {
        finish();
        return true;
      }
      const start = performance.now();
      do splitSlice(splitting);
      while (splitting.done < apps.length && performance.now() - start < budgetMs);
      return false;
    },
    get prepared() {
      return complete !== undefined;
    },
    categories: () => {
      categories ??= allCategories(apps);
      return [...categories];
    },
    get ranked() {
      return ranked();
    },
    top: (count) => (sorted ? sorted.slice(0, count) : topApps(apps, count)),
    get size() {
      return apps.length;
    },
  };
}

/** The apps in browse order (most popular first), in `category` when given. */
function browse(
  ranked: readonly AppSummary[],
  category: string | undefined,
  limit: number,
): SearchHit[] {
  const hits: SearchHit[] = [];
  for (let i = 0; i < ranked.length && hits.length < limit; i++) {
    const app = ranked[i]!;
    if (category === undefined || app.categories.includes(category)) hits.push({ app, score: 0 });
  }
  return hits;
}

/**
 * Every category once, sorted. Indexed loops: this runs while the picker first renders, before the
 * JIT has warmed up, and for…of over 10,000 apps cost several times more there.
 */
function allCategories(apps: readonly AppSummary[]): string[] {
  const found = new Set<string>();
  for (let i = 0; i < apps.length; i++) {
    const { categories } = apps[i]!;
    for (let j = 0; j < categories.length; j++) found.add(categories[j]!);
  }
  return [...found].sort();
}
