// The search implementations compared by search.bench.ts, behind one small interface.
import uFuzzy from '@leeoniya/ufuzzy';
import type { AppSummary } from '@plugboard/contract';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { foldText } from '../src/catalog/search/fold.js';
import { createSearchIndex } from '../src/catalog/search/index.js';
import { createNaiveSearch } from './naive-search.js';

const LIMIT = 50;

export interface BuiltEngine {
  /** Keys of the hits, best first, at most LIMIT. */
  search(query: string): string[];
}

export interface Engine {
  name: string;
  /** What a bundle of this engine imports (measured with esbuild). */
  bundleEntry: string;
  build(apps: readonly AppSummary[]): BuiltEngine;
}

const SRC_SEARCH = new URL('../src/catalog/search/index.ts', import.meta.url).pathname;
const NAIVE = new URL('./naive-search.ts', import.meta.url).pathname;

const ours: Engine = {
  name: 'ours',
  bundleEntry: `export { createSearchIndex } from ${JSON.stringify(SRC_SEARCH)};`,
  build(apps) {
    const index = createSearchIndex(apps);
    index.prepare(); // the whole build: word tables included
    return { search: (query) => index.search(query, { limit: LIMIT }).map((hit) => hit.app.key) };
  },
};

const ufuzzy: Engine = {
  name: 'uFuzzy',
  bundleEntry: `export { default } from '@leeoniya/ufuzzy';`,
  build(apps) {
    // Most popular first, so uFuzzy's ties (and its unranked large result sets) favour them.
    const ranked = [...apps].sort((a, b) => b.popularity - a.popularity);
    const haystack = uFuzzy.latinize(ranked.map((app) => [app.name, ...app.aliases].join(' ')));
    const fuzzy = new uFuzzy({
      intraMode: 1 as uFuzzy.IntraMode, // single error per term
      intraIns: 1,
      intraSub: 1,
      intraTrn: 1,
      intraDel: 1,
    });
    return {
      search(query) {
        const [idxs, info, order] = fuzzy.search(haystack, uFuzzy.latinize(query), 1, 1000);
        if (!idxs) return [];
        const best = info && order ? order.map((i) => info.idx[i]!) : idxs;
        return best.slice(0, LIMIT).map((i) => ranked[i]!.key);
      },
    };
  },
};

const minisearch: Engine = {
  name: 'MiniSearch',
  bundleEntry: `export { default } from 'minisearch';`,
  build(apps) {
    const index = new MiniSearch<{ id: number; name: string; aliases: string }>({
      fields: ['name', 'aliases'],
      processTerm: (term) => foldText(term),
      searchOptions: {
        prefix: true,
        fuzzy: 1,
        combineWith: 'AND',
        boost: { name: 2 },
        // A light popularity boost, as the picker needs for ties.
        boostDocument: (id) => 1 + Math.log10(1 + apps[id as number]!.popularity) / 20,
      },
    });
    index.addAll(apps.map((app, id) => ({ id, name: app.name, aliases: app.aliases.join(' ') })));
    return {
      search: (query) =>
        index
          .search(query)
          .slice(0, LIMIT)
          .map((result) => apps[result.id as number]!.key),
    };
  },
};

const fuse: Engine = {
  name: 'Fuse.js',
  bundleEntry: `export { default } from 'fuse.js';`,
  build(apps) {
    const index = new Fuse(apps, {
      keys: [
        { name: 'name', weight: 2 },
        { name: 'aliases', weight: 1 },
      ],
      ignoreLocation: true,
      ignoreDiacritics: true,
    });
    return {
      search: (query) => index.search(query, { limit: LIMIT }).map((result) => result.item.key),
    };
  },
};

const naive: Engine = {
  name: 'naive includes',
  bundleEntry: `export { createNaiveSearch } from ${JSON.stringify(NAIVE)};`,
  build(apps) {
    const index = createNaiveSearch(apps);
    return { search: (query) => index.search(query, LIMIT).map((app) => app.key) };
  },
};

export const engines: readonly Engine[] = [ours, ufuzzy, minisearch, fuse, naive];
