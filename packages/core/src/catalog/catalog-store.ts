// The app catalog, loaded once per client and shared by every picker on the page. Small catalogs
// are loaded whole (every page, revalidated with ETags) for the picker to search locally with
// `createSearchIndex(catalog.apps)` (search/index.ts; the index is code a page showing only its
// connections never needs); above REMOTE_SEARCH_THRESHOLD apps only the first (most popular) page
// is kept and searches go to the server through `searchRemote`.
import type { AppPage, AppSummary } from '@plugboard/contract';
import { linkedController } from '../abort.js';
import { PlugboardError, toPlugboardError } from '../errors.js';
import type { HttpClient } from '../http/http-client.js';
import { appPageSchema } from '../http/schemas.js';
import { createListeners, type StoreState, type Unsubscribe } from '../listeners.js';
import { createSharedTask } from '../shared-load.js';
import type { SearchHit, SearchOptions } from './search/index.js';

export type CatalogSearchMode = 'local' | 'remote';

/** Above this many apps the catalog is searched on the server. */
export const REMOTE_SEARCH_THRESHOLD = 20_000;
const PAGE_SIZE = 500;
const REMOTE_RESULT_LIMIT = 50;

export interface RemoteSearchResult {
  readonly query: string;
  readonly category: string | undefined;
  readonly hits: readonly SearchHit[];
  /** Matches on the server across all pages. */
  readonly total: number;
}

export interface CatalogStore {
  readonly state: StoreState;
  /** The last load error; kept alongside stale data when a revalidation fails. */
  readonly error: PlugboardError | undefined;
  /** Every app (local mode), or the most popular first page (remote mode), popular first. */
  readonly apps: readonly AppSummary[];
  /** Apps in the catalog according to the backend. */
  readonly total: number;
  readonly searchMode: CatalogSearchMode;
  /** The newest remote search's answer; never replaced by an older, slower one. */
  readonly remoteResult: RemoteSearchResult | undefined;
  /** Loads every page, or revalidates them with If-None-Match. Concurrent calls share one load. */
  load(opts?: { signal?: AbortSignal }): Promise<void>;
  /** Server-side search. Resolves null when a newer call superseded this one. */
  searchRemote(
    query: string,
    opts?: SearchOptions & { signal?: AbortSignal },
  ): Promise<RemoteSearchResult | null>;
  find(appKey: string): AppSummary | undefined;
  subscribe(listener: () => void): Unsubscribe;
}

interface CachedPage {
  readonly etag: string | undefined;
  readonly page: AppPage;
}

export function createCatalogStore(http: HttpClient): CatalogStore {
  const listeners = createListeners();
  /** Keyed by the cursor that fetched the page ('' for the first), for If-None-Match. */
  const pageCache = new Map<string, CachedPage>();
  let state: StoreState = 'idle';
  let error: PlugboardError | undefined;
  let apps: readonly AppSummary[] = [];
  let total = 0;
  let searchMode: CatalogSearchMode = 'local';
  let remoteResult: RemoteSearchResult | undefined;
  let remoteTicket = 0;
  let remoteController: AbortController | undefined;

  async function fetchPage(
    cursor: string,
    signal: AbortSignal,
  ): Promise<{ page: AppPage; changed: boolean }> {
    const cached = pageCache.get(cursor);
    const response = await http.request({
      path: 'v1/apps',
      query: { cursor: cursor || undefined, limit: PAGE_SIZE },
      ifNoneMatch: cached?.etag,
      signal,
      schema: appPageSchema,
    });
    if (response.notModified) {
      if (!cached) {
        throw new PlugboardError(
          'malformed',
          'The backend answered 304 for a page it never sent.',
          {
            requestId: response.requestId,
          },
        );
      }
      return { page: cached.page, changed: false };
    }
    pageCache.set(cursor, { etag: response.etag, page: response.data });
    return { page: response.data, changed: true };
  }

  async function loadAllPages(signal: AbortSignal): Promise<void> {
    const collected: AppSummary[] = [];
    const seenCursors = new Set<string>();
    let anyChanged = state !== 'ready';
    let cursor = '';
    let first = true;
    let mode: CatalogSearchMode = 'local';
    let pageTotal = 0;
    for (;;) {
      const { page, changed } = await fetchPage(cursor, signal);
      anyChanged ||= changed;
      collected.push(...page.items);
      if (first) {
        pageTotal = page.total;
        first = false;
        if (page.total > REMOTE_SEARCH_THRESHOLD) {
          mode = 'remote';
          break;
        }
      }
      // A repeated cursor would loop forever on a buggy backend.
      if (!page.nextCursor || seenCursors.has(page.nextCursor)) break;
      seenCursors.add(page.nextCursor);
      cursor = page.nextCursor;
    }
    if (!anyChanged && mode === searchMode) return;
    apps = uniqueByKey(collected);
    total = pageTotal;
    searchMode = mode;
  }

  const sharedLoad = createSharedTask(async (signal) => {
    const hadData = state === 'ready';
    if (!hadData) {
      state = 'loading';
      listeners.notify();
    }
    try {
      await loadAllPages(signal);
      state = 'ready';
      error = undefined;
    } catch (caught) {
      const failure = toPlugboardError(caught);
      // Everyone waiting gave up: nothing failed, the store is simply as it was.
      if (failure.code === 'aborted') {
        state = hadData ? 'ready' : 'idle';
        throw failure;
      }
      error = failure;
      // A failed revalidation keeps the catalog the user is already searching.
      state = hadData ? 'ready' : 'error';
      throw failure;
    } finally {
      listeners.notify();
    }
  });

  return {
    get state() {
      return state;
    },
    get error() {
      return error;
    },
    get apps() {
      return apps;
    },
    get total() {
      return total;
    },
    get searchMode() {
      return searchMode;
    },
    get remoteResult() {
      return remoteResult;
    },
    load: (opts = {}) => sharedLoad(opts.signal),
    find: (appKey) => apps.find((app) => app.key === appKey),
    subscribe: listeners.subscribe,

    async searchRemote(query, opts = {}) {
      const ticket = ++remoteTicket;
      // The older request's answer would be dropped anyway: stop downloading it.
      remoteController?.abort();
      const { controller, dispose } = linkedController([opts.signal]);
      remoteController = controller;
      try {
        const response = await http.request({
          path: 'v1/apps',
          query: {
            q: query.trim(),
            category: opts.category,
            limit: opts.limit ?? REMOTE_RESULT_LIMIT,
          },
          signal: controller.signal,
          schema: appPageSchema,
        });
        if (ticket !== remoteTicket || response.notModified) return null;
        const items = response.data.items;
        remoteResult = {
          query,
          category: opts.category,
          // The server ranks best first; the score keeps that order for callers that sort.
          hits: items.map((app, rank) => ({ app, score: items.length - rank })),
          total: response.data.total,
        };
        listeners.notify();
        return remoteResult;
      } catch (caught) {
        if (ticket !== remoteTicket) return null;
        throw toPlugboardError(caught);
      } finally {
        dispose();
        if (remoteController === controller) remoteController = undefined;
      }
    },
  };
}

function uniqueByKey(apps: readonly AppSummary[]): AppSummary[] {
  const byKey = new Map<string, AppSummary>();
  // Pages can shift while we read them: the same app may appear twice, keep its first place.
  for (const app of apps) if (!byKey.has(app.key)) byKey.set(app.key, app);
  return [...byKey.values()];
}
