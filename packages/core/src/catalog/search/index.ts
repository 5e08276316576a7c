// Local catalog search for the app picker: word-start prefixes over names and aliases,
// accents folded, one typo forgiven on longer words, ranked in tiers then by popularity.
// The browse order is ready at once (the popular apps show while the picker first renders); the
// word tables are built by the first search that has words, or earlier by `prepare()`.
import type { AppSummary } from '@plugboard/contract';
import { foldText, splitWords } from './fold.js';
import { buildSearchTables, rankApps, type RankedApps } from './search-tables.js';
import { createWordSearch, MAX_WORDS, type SearchHit, type WordSearch } from './word-search.js';

export { SCORE, type SearchHit } from './word-search.js';

export interface SearchOptions {
  category?: string;
  /** Most hits returned; default 50. */
  limit?: number;
}
export interface SearchIndex {
  search(query: string, opts?: SearchOptions): SearchHit[];
  /** Every category of the catalog, sorted. */
  categories(): string[];
  readonly size: number;
  /** Builds the word tables now, e.g. while the page is idle, so the first keystroke need not. */
  prepare(): void;
}

const DEFAULT_LIMIT = 50;

export function createSearchIndex(apps: readonly AppSummary[]): SearchIndex {
  // The folded names are needed only to build the word tables: dropped once they are built.
  let unbuilt: RankedApps | undefined = rankApps(apps);
  const { ranked } = unbuilt;
  let wordSearch: WordSearch | undefined;
  const words = (): WordSearch => {
    if (!wordSearch) {
      wordSearch = createWordSearch(buildSearchTables(unbuilt!));
      unbuilt = undefined;
    }
    return wordSearch;
  };
  let categories: string[] | undefined; // computed on first use: the picker may never ask

  return {
    search(query, opts = {}) {
      const limit = Math.max(0, Math.floor(opts.limit ?? DEFAULT_LIMIT));
      const queryWords = splitWords(foldText(query)).slice(0, MAX_WORDS);
      if (queryWords.length === 0) return browse(ranked, opts.category, limit);
      return limit === 0 ? [] : words()(queryWords, opts.category, limit);
    },
    prepare: () => void words(),
    categories: () => {
      categories ??= allCategories(ranked);
      return [...categories];
    },
    get size() {
      return ranked.length;
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
