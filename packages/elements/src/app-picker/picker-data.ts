import type { ReactiveControllerHost } from 'lit';
import type { AppSummary } from '@plugboard/contract';
import type { PlugboardError, SearchIndex } from '@plugboard/core';
import type { ClientController } from '../shared/client-controller.js';
import { loadInBackground } from '../shared/load-in-background.js';
import { OnlineRetry } from '../shared/online-retry.js';
import { whenIdle } from '../shared/when-idle.js';
import { pickerResults, PickerResults, type SearchSource } from './picker-results.js';
import { recentAppKeys } from './recent-apps.js';
import { RemoteSearch } from './remote-search.js';
import { searchIndexFor } from './search-index-cache.js';

/**
 * Work on the word index per idle callback: well inside a frame, so typing never waits. A keystroke
 * that comes while it is still being built is answered from the most popular apps (searchSoFar).
 */
const IDLE_SLICE_MS = 8;

/** What the user asked for, as the picker's properties say. */
export interface PickerInputs {
  /** The host's static catalog, if it gave one. */
  apps: readonly AppSummary[] | undefined;
  /** Trimmed. */
  query: string;
  category: string | undefined;
  /** The host's recent apps, if it gave them (else those chosen in this page session). */
  recent: readonly string[] | undefined;
}

/**
 * Where the apps come from: the host's static list (searched here), the shared catalog (loaded
 * whole and searched locally), or the server (a catalog too big to hold, with a query).
 */
export type PickerSourceKind = 'static' | 'catalog' | 'remote';

/** What the picker shows besides (or instead of) the results. */
export type PickerStatus =
  /** A server search failed: shown even above instant matches, which are only popular apps. */
  | { kind: 'search-error'; error: PlugboardError }
  | { kind: 'config-error'; error: PlugboardError }
  | { kind: 'load-error'; error: PlugboardError; retriesWhenOnline: boolean }
  | { kind: 'loading' }
  /** Nothing among the most popular apps, and the rest are not indexed yet (see searchSoFar). */
  | { kind: 'searching' }
  | { kind: 'empty' }
  | { kind: 'results' };

/**
 * The picker's data: picks the source for the inputs, starts what it needs (the catalog, the
 * connections for the badges, a server search), and keeps the results, searching again only when
 * an input changed (scrolling re-renders every frame).
 */
export class PickerData {
  results: PickerResults = PickerResults.empty;
  private inputs: PickerInputs = {
    apps: undefined,
    query: '',
    category: undefined,
    recent: undefined,
  };
  private readonly remote: RemoteSearch;
  private readonly onlineRetry: OnlineRetry;
  private resultInputs: unknown[] | undefined;
  /** The index being built in idle time, until the element leaves the page (see prepareWhenIdle). */
  private preparing: { index: SearchIndex; signal: AbortSignal } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: ClientController,
  ) {
    this.remote = new RemoteSearch(host);
    this.onlineRetry = new OnlineRetry(host);
  }

  get kind(): PickerSourceKind {
    if (this.inputs.apps) return 'static';
    const catalog = this.client.client?.catalog;
    return catalog?.searchMode === 'remote' && this.inputs.query !== '' ? 'remote' : 'catalog';
  }

  /** Call from `willUpdate`: starts what the inputs need and updates `results`. */
  update(inputs: PickerInputs): void {
    this.inputs = inputs;
    this.startLoads();
    this.updateResults();
  }

  status(): PickerStatus {
    const kind = this.kind;
    if (kind !== 'static' && this.remote.error)
      return { kind: 'search-error', error: this.remote.error };
    if (this.results.length > 0) return { kind: 'results' };
    if (this.results.partial) return { kind: 'searching' };
    if (kind === 'static') return { kind: 'empty' };
    const configError = this.client.error;
    if (configError) return { kind: 'config-error', error: configError };
    const catalog = this.client.client?.catalog;
    if (catalog?.state === 'error' && catalog.error)
      return {
        kind: 'load-error',
        error: catalog.error,
        retriesWhenOnline: this.onlineRetry.waiting,
      };
    if (!catalog || catalog.state === 'idle' || catalog.state === 'loading' || this.remote.pending)
      return { kind: 'loading' };
    return { kind: 'empty' };
  }

  categories(): string[] {
    return this.source()?.index.categories() ?? [];
  }

  /**
   * Once the list has painted, the word index is built in idle time, a slice per idle callback,
   * rather than at the first key; results found before it was complete are searched again.
   */
  prepareWhenIdle(): void {
    const index = this.source()?.index;
    const { signal } = this.client;
    if (!index || index.prepared || signal.aborted) return;
    if (this.preparing?.index === index && !this.preparing.signal.aborted) return;
    const preparing = (this.preparing = { index, signal });
    const step = (): void => {
      if (this.preparing !== preparing) return;
      if (!index.prepareFor(IDLE_SLICE_MS)) {
        whenIdle(step, signal);
        return;
      }
      this.preparing = undefined;
      // Searching the complete index again is a task of its own, not more of this callback's.
      whenIdle(() => this.host.requestUpdate(), signal);
    };
    whenIdle(step, signal);
  }

  /** Loads the shared catalog; after a network failure, again once the browser is back online. */
  loadCatalog(): void {
    // Read at each try: the client may have changed by the time the browser is back online.
    this.onlineRetry.run(async () => {
      await this.client.client?.catalog.load({ signal: this.client.signal });
    });
  }

  /** Sends the failed server search again. */
  retrySearch(): void {
    const catalog = this.client.client?.catalog;
    this.remote.cancel();
    if (catalog) this.remote.request(catalog, this.inputs.query, this.inputs.category);
  }

  private startLoads(): void {
    const client = this.client.client;
    const { signal } = this.client;
    if (!client || signal.aborted) return;
    if (!this.inputs.apps && client.catalog.state === 'idle') this.loadCatalog();
    if (client.connections.state === 'idle')
      loadInBackground(client.connections.refresh({ signal }));
    if (this.kind === 'remote') {
      this.remote.request(client.catalog, this.inputs.query, this.inputs.category);
    } else {
      this.remote.cancel();
    }
  }

  private updateResults(): void {
    const { apps, query, category } = this.inputs;
    const catalog = this.client.client?.catalog;
    const recent = this.inputs.recent ?? recentAppKeys(this.client.client);
    const remote = this.kind === 'remote' ? this.remote.resultsFor(query, category) : undefined;
    const source = remote ? undefined : this.source();
    const inputs = () => [
      apps ?? catalog?.apps,
      query,
      category,
      recent,
      remote,
      source?.index.prepared,
    ];
    const now = inputs();
    if (this.resultInputs?.every((value, index) => value === now[index])) return;
    if (remote) {
      this.results = PickerResults.ofApps([], remote);
    } else {
      // Until a server answer is in, instant matches among the popular apps held locally.
      this.results = source ? pickerResults(source, query, category, recent) : PickerResults.empty;
    }
    // Read after searching: the first search of a small catalog completes its index.
    this.resultInputs = inputs();
  }

  private source(): SearchSource | undefined {
    const { apps } = this.inputs;
    if (apps) return { index: searchIndexFor(apps), find: (key) => findApp(apps, key) };
    const catalog = this.client.client?.catalog;
    if (!catalog || catalog.apps.length === 0) return undefined;
    return { index: searchIndexFor(catalog.apps), find: (key) => catalog.find(key) };
  }
}

/** Only recent apps are looked up by key: a few lookups, not worth a map of every app. */
function findApp(apps: readonly AppSummary[], key: string): AppSummary | undefined {
  return apps.find((app) => app.key === key);
}
