import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { PlugboardError, type CatalogStore } from '@plugboard/core';
import { RemoteSearch } from './remote-search.js';

/** Longer than the search's debounce, twice over. */
const SETTLE_MS = 500;
/** waitUntil's default (1 s) is tight on a busy machine. */
const WAIT = { timeout: 4000 };

/** A catalog whose server search always fails, recording each query it was asked. */
function failingCatalog(): { queries: string[]; catalog: CatalogStore } {
  const queries: string[] = [];
  const catalog: Pick<CatalogStore, 'searchRemote'> = {
    async searchRemote(query) {
      queries.push(query);
      throw new PlugboardError('network', 'The backend could not be reached.');
    },
  };
  return { queries, catalog: catalog as CatalogStore };
}

/** Like <app-picker>: every update asks the search for the query in the box. */
class PickerLikeHost implements ReactiveControllerHost {
  query = 'kite chat';
  readonly search: RemoteSearch;
  readonly updateComplete = Promise.resolve(true);

  constructor(private readonly catalog: CatalogStore) {
    this.search = new RemoteSearch(this);
  }

  addController(): void {}

  removeController(): void {}

  requestUpdate(): void {
    this.search.request(this.catalog, this.query, undefined);
  }
}

describe('RemoteSearch', () => {
  it('keeps a failed search as an error instead of sending it again on every update', async () => {
    const { queries, catalog } = failingCatalog();
    const host = new PickerLikeHost(catalog);
    const { search } = host;
    host.requestUpdate();
    await waitUntil(() => search.error, 'the search did not fail', WAIT);
    await aTimeout(SETTLE_MS);
    expect(queries).to.deep.equal(['kite chat']);
    expect(search.error?.code).to.equal('network');
    expect(search.pending).to.equal(false);
  });

  it('sends a failed search again on Retry (cancel, then request) and for another query', async () => {
    const { queries, catalog } = failingCatalog();
    const host = new PickerLikeHost(catalog);
    const { search } = host;
    host.requestUpdate();
    await waitUntil(() => search.error, 'the search did not fail', WAIT);

    search.cancel();
    expect(search.error).to.equal(undefined);
    host.requestUpdate();
    await waitUntil(() => queries.length === 2, 'Retry did not search again', WAIT);
    await waitUntil(() => search.error, 'the retried search did not fail', WAIT);

    host.query = 'kite';
    host.requestUpdate();
    await waitUntil(() => queries.length === 3, 'a new query was not searched', WAIT);
    await aTimeout(SETTLE_MS);
    expect(queries).to.deep.equal(['kite chat', 'kite chat', 'kite']);
  });
});
