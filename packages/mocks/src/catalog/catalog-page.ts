// One page of the catalog as `GET /v1/apps` answers it: rank, filter, then cut at the cursor.
// Ranking is core's search index, the one the widget runs locally, so a mocked remote search
// orders apps exactly as the widget's own search and the reference server do.
import type { App, AppPage } from '@plugboard/contract';
import { createSearchIndex, type SearchIndex } from '@plugboard/core/search';
import { toSummary } from './app-summary.js';

export interface CatalogQuery {
  q: string;
  category: string;
  /** Offset decoded from the cursor. */
  offset: number;
  limit: number;
}

/** The catalog as the mock state holds it: a health change swaps an app in `appsByKey` only. */
export interface CatalogSource {
  readonly catalog: readonly App[];
  readonly appsByKey: ReadonlyMap<string, App>;
}

export const DEFAULT_PAGE_SIZE = 500;
export const MAX_PAGE_SIZE = 1000;

/** Cursors are opaque to clients; here they carry the offset of the next page. */
function encodeCursor(offset: number): string {
  return `o${offset}`;
}

export function decodeCursor(cursor: string): number | undefined {
  const match = /^o(\d{1,9})$/.exec(cursor);
  return match ? Number(match[1]) : undefined;
}

/** Built once per catalog (a scenario's seed makes a new array), not per request. */
const indexes = new WeakMap<readonly App[], SearchIndex>();

function searchIndexOf(catalog: readonly App[]): SearchIndex {
  let index = indexes.get(catalog);
  if (!index) {
    index = createSearchIndex(catalog);
    indexes.set(catalog, index);
  }
  return index;
}

const normalize = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

export function catalogPage(
  source: CatalogSource,
  visible: (app: App) => boolean,
  query: CatalogQuery,
): AppPage {
  const category = normalize(query.category.trim());
  const index = searchIndexOf(source.catalog);
  // Ranking is per app, so filtering the ranked catalog orders the rest as searching it would.
  const ranked = index.search(query.q, { limit: index.size }).flatMap((hit) => {
    const app = source.appsByKey.get(hit.app.key);
    const inCategory = !category || app?.categories.some((c) => normalize(c) === category);
    return app && inCategory && visible(app) ? [app] : [];
  });
  const end = query.offset + query.limit;
  return {
    items: ranked.slice(query.offset, end).map(toSummary),
    nextCursor: end < ranked.length ? encodeCursor(end) : null,
    total: ranked.length,
  };
}
