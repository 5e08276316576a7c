import type { AppSummary } from '@plugboard/contract';
import { createSearchIndex, type SearchIndex } from '@plugboard/core';

// One index per catalog array, shared by every picker on the page: the catalog store hands out
// the same array until the catalog changes, and a host's static `apps` are one array too.
const indexes = new WeakMap<readonly AppSummary[], SearchIndex>();

export function searchIndexFor(apps: readonly AppSummary[]): SearchIndex {
  let index = indexes.get(apps);
  if (!index) {
    index = createSearchIndex(apps);
    indexes.set(apps, index);
  }
  return index;
}
