import type { AppSummary } from '@plugboard/contract';
import type { SearchHit } from '@plugboard/core';

/** One row of the picker. */
export interface PickerResult {
  app: AppSummary;
  /** Shown first on an empty search because the user chose it recently. */
  recent: boolean;
}

/** What the picker searches: core's catalog store or an index over static `apps`. */
export interface SearchSource {
  search(query: string, opts: { category?: string; limit?: number }): SearchHit[];
  find(appKey: string): AppSummary | undefined;
  /** Apps in the source, so a search can return every match (the list is virtualised). */
  readonly size: number;
  /** Gets the source ready for the first keystroke (the picker calls it once it has painted). */
  prepare(): void;
}

/**
 * The rows for a query: every match, best first; for an empty query the recently chosen apps,
 * then the rest by popularity. A category filter applies to both.
 */
export function pickerResults(
  source: SearchSource,
  query: string,
  category: string | undefined,
  recentKeys: readonly string[],
): PickerResult[] {
  const limit = source.size;
  if (query.trim() !== '') {
    return source
      .search(query, { category, limit })
      .map((hit) => ({ app: hit.app, recent: false }));
  }
  const recent = recentKeys
    .map((key) => source.find(key))
    .filter(
      (app): app is AppSummary =>
        app !== undefined && (category === undefined || app.categories.includes(category)),
    );
  const recentKeySet = new Set(recent.map((app) => app.key));
  const popular = source
    .search('', { category, limit })
    .filter((hit) => !recentKeySet.has(hit.app.key))
    .map((hit) => ({ app: hit.app, recent: false }));
  return [...recent.map((app) => ({ app, recent: true })), ...popular];
}
