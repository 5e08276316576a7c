// Server-side catalog search for `GET /v1/apps?q=`: accent- and case-insensitive matching on
// names and aliases, best match first, popularity breaking ties.
import type { AppSummary } from '@plugboard/contract';

function normalizeText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** 0 when nothing matches; higher is better. */
function matchScore(query: string, candidate: string): number {
  const text = normalizeText(candidate);
  if (text === query) return 4;
  if (text.startsWith(query)) return 3;
  if (text.split(' ').some((word) => word.startsWith(query))) return 2;
  if (text.replaceAll(' ', '').includes(query.replaceAll(' ', ''))) return 1;
  return 0;
}

export function searchApps<T extends AppSummary>(apps: readonly T[], rawQuery: string): T[] {
  const query = normalizeText(rawQuery);
  if (!query) return [...apps];
  const scored: Array<{ app: T; score: number }> = [];
  for (const app of apps) {
    const score = Math.max(
      matchScore(query, app.name),
      ...app.aliases.map((alias) => matchScore(query, alias) - 0.5),
    );
    if (score > 0) scored.push({ app, score });
  }
  scored.sort((a, b) => b.score - a.score || b.app.popularity - a.app.popularity);
  return scored.map((entry) => entry.app);
}
