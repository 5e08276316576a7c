// One page of the catalog as `GET /v1/apps` answers it: filter, rank, then cut at the cursor.
import type { AppPage, AppSummary } from '@plugboard/contract';

export interface CatalogQuery {
  q: string;
  category: string;
  /** Offset decoded from the cursor. */
  offset: number;
  limit: number;
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

const normalize = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** 0 = no match; higher = better. Name prefix beats word prefix beats substring and aliases. */
function matchScore(app: AppSummary, query: string): number {
  const name = normalize(app.name);
  if (name.startsWith(query)) return 4;
  if (name.split(/\s+/).some((word) => word.startsWith(query))) return 3;
  if (app.aliases.some((alias) => normalize(alias).startsWith(query))) return 2;
  if (name.includes(query) || app.key.includes(query)) return 1;
  return 0;
}

export function catalogPage(apps: readonly AppSummary[], query: CatalogQuery): AppPage {
  const q = normalize(query.q.trim());
  const category = normalize(query.category.trim());
  const inCategory = category
    ? apps.filter((app) => app.categories.some((c) => normalize(c) === category))
    : apps;
  const ranked = inCategory
    .map((app) => ({ app, score: q ? matchScore(app, q) : 1 }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || b.app.popularity - a.app.popularity)
    .map((entry) => entry.app);
  const end = query.offset + query.limit;
  return {
    items: ranked.slice(query.offset, end),
    nextCursor: end < ranked.length ? encodeCursor(end) : null,
    total: ranked.length,
  };
}
