import type { AppSummary } from '@plugboard/contract';
import type { PartialSearch, SearchIndex } from '@plugboard/core';

/** Rows the picker can show before the catalog is sorted: a screen of the grid and then some. */
const FIRST_SCREEN = 64;

/** One row of the picker. */
export interface PickerResult {
  app: AppSummary;
  /** Shown first on an empty search because the user chose it recently. */
  recent: boolean;
}

/**
 * The picker's rows, read by index. Only the rows in view are ever read, so a list of 10,000
 * apps costs no more than a list of ten: the rows wrap the index's own arrays.
 */
export class PickerResults {
  static readonly empty = PickerResults.ofApps([], []);

  private constructor(
    /** Recently chosen apps, shown first. */
    private readonly recent: readonly AppSummary[],
    private readonly restLength: number,
    /** The other apps, best first. */
    private readonly restAt: (index: number) => AppSummary,
    /** Searched while the word index was incomplete: only among the most popular apps. */
    readonly partial = false,
  ) {}

  static ofApps(recent: readonly AppSummary[], apps: readonly AppSummary[]): PickerResults {
    return new PickerResults(recent, apps.length, (index) => apps[index]!);
  }

  /**
   * Every app in browse order. The first screen comes from `index.top`, so the catalog is sorted
   * only when a row further down is read (the index usually did it in idle time by then).
   */
  static browsing(index: SearchIndex): PickerResults {
    let top: readonly AppSummary[] | undefined;
    return new PickerResults([], index.size, (row) => {
      top ??= index.top(FIRST_SCREEN);
      return row < top.length ? top[row]! : index.ranked[row]!;
    });
  }

  static ofHits({ hits, complete }: PartialSearch): PickerResults {
    return new PickerResults([], hits.length, (index) => hits[index]!.app, !complete);
  }

  get length(): number {
    return this.recent.length + this.restLength;
  }

  at(index: number): PickerResult | undefined {
    if (index < 0 || index >= this.length) return undefined;
    if (index < this.recent.length) return { app: this.recent[index]!, recent: true };
    return { app: this.restAt(index - this.recent.length), recent: false };
  }
}

/** What the picker searches: an index of the catalog or of the host's static `apps`. */
export interface SearchSource {
  readonly index: SearchIndex;
  find(appKey: string): AppSummary | undefined;
}

/**
 * The rows for a query: every match, best first (while the word index is still being built, among
 * the most popular apps: see SearchIndex.searchSoFar); for an empty query the recently chosen apps,
 * then the rest by popularity. A category filter applies to both.
 */
export function pickerResults(
  { index, find }: SearchSource,
  query: string,
  category: string | undefined,
  recentKeys: readonly string[],
): PickerResults {
  if (query.trim() !== '') {
    return PickerResults.ofHits(index.searchSoFar(query, { category, limit: index.size }));
  }
  const inCategory = (app: AppSummary) =>
    category === undefined || app.categories.includes(category);
  const recent = recentKeys
    .map(find)
    .filter((app): app is AppSummary => app !== undefined && inCategory(app));
  // The common case, all apps and none chosen yet, reads the browse order as it is.
  if (recent.length === 0 && category === undefined) return PickerResults.browsing(index);
  const recentKeySet = new Set(recent.map((app) => app.key));
  const popular = index.ranked.filter((app) => !recentKeySet.has(app.key) && inCategory(app));
  return PickerResults.ofApps(recent, popular);
}
