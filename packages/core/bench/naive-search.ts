// The simplest thing that could work: a substring filter over folded names and aliases,
// ordered by popularity. The floor every real index must beat on relevance.
import type { AppSummary } from '@plugboard/contract';
import { foldText } from '../src/catalog/search/fold.js';

export function createNaiveSearch(apps: readonly AppSummary[]) {
  const ranked = [...apps].sort((a, b) => b.popularity - a.popularity);
  const texts = ranked.map((app) => foldText([app.name, ...app.aliases].join(' ')));
  return {
    search(query: string, limit = 50): AppSummary[] {
      const needle = foldText(query.trim());
      const hits: AppSummary[] = [];
      for (let i = 0; i < texts.length && hits.length < limit; i++) {
        if (texts[i]!.includes(needle)) hits.push(ranked[i]!);
      }
      return hits;
    },
  };
}
