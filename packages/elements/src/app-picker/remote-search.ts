import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toPlugboardError, type CatalogStore, type PlugboardError } from '@plugboard/core';
import type { AppSummary } from '@plugboard/contract';

/** Typing pauses this long before a server search starts: one request per word, not per key. */
const REMOTE_DEBOUNCE_MS = 200;

interface SearchKey {
  query: string;
  category: string | undefined;
}

function sameSearch(key: SearchKey | undefined, query: string, category: string | undefined) {
  return key !== undefined && key.query === query && key.category === category;
}

interface RemoteAnswer {
  query: string;
  category: string | undefined;
  apps: readonly AppSummary[];
}

/**
 * Server-side search for catalogs too big to hold in the page. Debounced; each new query aborts
 * the one in flight, and an answer is used only while it still matches what the user typed, so
 * a slow old response can never replace a newer one. A search that failed is not sent again by
 * itself (the host asks for the current query on every update): only a new query or a Retry
 * (`cancel()` then `request()`) sends it.
 */
export class RemoteSearch implements ReactiveController {
  /** An error of the latest search, for the element to show with a Retry. */
  error: PlugboardError | undefined;
  private answer: RemoteAnswer | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: AbortController | undefined;
  private wanted: SearchKey | undefined;
  /** The search `error` belongs to. */
  private failed: SearchKey | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Server results for exactly this query and category, or undefined while they are pending. */
  resultsFor(query: string, category: string | undefined): readonly AppSummary[] | undefined {
    const answer = this.answer;
    return answer && answer.query === query && answer.category === category
      ? answer.apps
      : undefined;
  }

  get pending(): boolean {
    return this.wanted !== undefined;
  }

  /**
   * Asks for `query` (debounced); a no-op when that answer is already here or on its way, or
   * when that very search just failed.
   */
  request(catalog: CatalogStore, query: string, category: string | undefined): void {
    if (this.resultsFor(query, category)) return;
    if (sameSearch(this.wanted, query, category) || sameSearch(this.failed, query, category))
      return;
    this.cancel();
    this.wanted = { query, category };
    this.timer = setTimeout(() => void this.run(catalog, query, category), REMOTE_DEBOUNCE_MS);
  }

  /** Stops the pending search and forgets a failed one (the query was cleared, or Retry). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.inFlight?.abort();
    this.inFlight = undefined;
    this.wanted = undefined;
    this.failed = undefined;
    this.error = undefined;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.cancel();
  }

  private async run(catalog: CatalogStore, query: string, category: string | undefined) {
    const controller = new AbortController();
    this.inFlight = controller;
    try {
      const result = await catalog.searchRemote(query, { category, signal: controller.signal });
      if (this.inFlight !== controller || !result) return;
      this.answer = { query, category, apps: result.hits.map((hit) => hit.app) };
    } catch (error) {
      if (this.inFlight !== controller) return;
      this.error = toPlugboardError(error);
      this.failed = { query, category };
    }
    this.inFlight = undefined;
    this.wanted = undefined;
    this.host.requestUpdate();
  }
}
