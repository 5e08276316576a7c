// The end user's connections, one store per client shared by every element on the page, so a
// test or an update in one place shows everywhere at once.
import type {
  AuthType,
  Connection,
  DisconnectResult,
  FieldValues,
  TestResult,
  UpdateConnectionRequest,
} from '@plugboard/contract';
import { HttpError, toPlugboardError, type PlugboardError } from '../errors.js';
import type { EventStream } from '../events.js';
import type { HttpClient } from '../http/http-client.js';
import {
  connectionListSchema,
  connectionSchema,
  disconnectResultSchema,
  testResultSchema,
} from '../http/schemas.js';
import { createListeners, type StoreState, type Unsubscribe } from '../listeners.js';
import { createSharedTask } from '../shared-load.js';
import { randomId } from '../random-id.js';

export interface CreateConnectionInput {
  app: string;
  method: AuthType;
  fields: FieldValues;
  label?: string;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface ConnectionStore {
  readonly state: StoreState;
  /** Newest first. */
  readonly items: readonly Connection[];
  readonly error: PlugboardError | undefined;
  /** Loads the list. Concurrent calls share one request. */
  refresh(opts?: RequestOptions): Promise<void>;
  /** Fetches one connection and updates it in `items`. */
  get(id: string, opts?: RequestOptions): Promise<Connection>;
  /**
   * Creates a connection. One Idempotency-Key per call (or the one given, to make a user's
   * second click on "Connect" the same logical create); retries reuse it.
   */
  create(
    input: CreateConnectionInput,
    opts?: RequestOptions & { idempotencyKey?: string },
  ): Promise<Connection>;
  update(id: string, patch: UpdateConnectionRequest, opts?: RequestOptions): Promise<Connection>;
  /**
   * Disconnects. Resolves once the connection is gone, with whether the service also revoked the
   * access (`revocation: 'failed'` and a `message` to show when it did not confirm).
   */
  remove(id: string, opts?: RequestOptions): Promise<DisconnectResult>;
  test(id: string, opts?: RequestOptions): Promise<TestResult>;
  find(id: string): Connection | undefined;
  forApp(appKey: string): readonly Connection[];
  countFor(appKey: string): number;
  /** Puts a connection learnt elsewhere (an OAuth flow) into the list. */
  upsert(connection: Connection): void;
  subscribe(listener: () => void): Unsubscribe;
}

export function createConnectionStore(http: HttpClient, events: EventStream): ConnectionStore {
  const listeners = createListeners();
  let state: StoreState = 'idle';
  let error: PlugboardError | undefined;
  let items: readonly Connection[] = [];

  function upsert(connection: Connection): void {
    const index = items.findIndex((item) => item.id === connection.id);
    items =
      index === -1
        ? [connection, ...items]
        : items.map((item, i) => (i === index ? connection : item));
    listeners.notify();
  }

  function forget(id: string): Connection | undefined {
    const removed = items.find((item) => item.id === id);
    items = items.filter((item) => item.id !== id);
    return removed;
  }

  const sharedRefresh = createSharedTask(async (signal) => {
    const hadList = state === 'ready';
    if (!hadList) {
      state = 'loading';
      listeners.notify();
    }
    try {
      const list = await http.requestData({
        path: 'v1/connections',
        signal,
        schema: connectionListSchema,
      });
      items = list.items;
      state = 'ready';
      error = undefined;
    } catch (caught) {
      const failure = toPlugboardError(caught);
      // Aborted by every caller: nothing failed. Otherwise keep any list we already show.
      if (failure.code !== 'aborted') error = failure;
      state = hadList ? 'ready' : failure.code === 'aborted' ? 'idle' : 'error';
      throw failure;
    } finally {
      listeners.notify();
    }
  });

  async function requestConnection(
    path: string,
    init: { method: 'GET' | 'POST' | 'PATCH'; body?: unknown; idempotencyKey?: string },
    opts: RequestOptions,
  ): Promise<Connection> {
    const connection = await http.requestData({
      path,
      ...init,
      signal: opts.signal,
      schema: connectionSchema,
    });
    upsert(connection);
    return connection;
  }

  return {
    get state() {
      return state;
    },
    get items() {
      return items;
    },
    get error() {
      return error;
    },
    refresh: (opts = {}) => sharedRefresh(opts.signal),
    get: (id, opts = {}) => requestConnection(connectionPath(id), { method: 'GET' }, opts),

    async create(input, opts = {}) {
      const idempotencyKey = opts.idempotencyKey ?? randomId();
      try {
        return await requestConnection(
          'v1/connections',
          { method: 'POST', body: input, idempotencyKey },
          opts,
        );
      } catch (caught) {
        // The account is connected already: show that connection in the list too.
        const existing =
          caught instanceof HttpError ? caught.problem.existingConnection : undefined;
        if (existing) upsert(existing);
        throw caught;
      }
    },

    async update(id, patch, opts = {}) {
      const connection = await requestConnection(
        connectionPath(id),
        { method: 'PATCH', body: patch },
        opts,
      );
      events.emit('updated', { app: connection.app, connectionId: connection.id });
      return connection;
    },

    async remove(id, opts = {}) {
      const result = await http.requestData({
        method: 'DELETE',
        path: connectionPath(id),
        signal: opts.signal,
        schema: disconnectResultSchema,
      });
      const removed = forget(id);
      listeners.notify();
      events.emit('removed', {
        app: removed?.app,
        connectionId: id,
        revocation: result.revocation,
      });
      return result;
    },

    async test(id, opts = {}) {
      const result = await http.requestData({
        method: 'POST',
        path: `${connectionPath(id)}/test`,
        signal: opts.signal,
        schema: testResultSchema,
      });
      upsert(result.connection);
      events.emit('tested', {
        app: result.connection.app,
        connectionId: id,
        ok: result.ok,
        status: result.status,
      });
      return result;
    },

    find: (id) => items.find((item) => item.id === id),
    forApp: (appKey) => items.filter((item) => item.app === appKey),
    countFor: (appKey) => items.reduce((count, item) => count + (item.app === appKey ? 1 : 0), 0),
    upsert,
    subscribe: listeners.subscribe,
  };
}

function connectionPath(id: string): string {
  return `v1/connections/${encodeURIComponent(id)}`;
}
