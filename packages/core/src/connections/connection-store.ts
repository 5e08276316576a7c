// The end user's connections, one store per client shared by every element on the page, so a
// test or an update in one place shows everywhere at once.
import type {
  AuthType,
  Connection,
  DisconnectResult,
  FieldValues,
  SettingInput,
  SetupOptionPage,
  SetupVerification,
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
  setupOptionPageSchema,
  setupVerificationSchema,
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

/** A page of a select step's options: the search text, and the page's cursor (none: the first). */
export interface SetupOptionsQuery {
  q?: string;
  cursor?: string | null;
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
  /** One page of a select setup step's options, fetched live from the service (never cached). */
  setupOptions(
    id: string,
    stepKey: string,
    query?: SetupOptionsQuery,
    opts?: RequestOptions,
  ): Promise<SetupOptionPage>;
  /** Saves the setup choices (every step: one left out is cleared). Emits `settings_saved`. */
  saveSettings(
    id: string,
    settings: Record<string, SettingInput>,
    opts?: RequestOptions,
  ): Promise<Connection>;
  /** Checks a setup step as saved. Emits `setup_verified`. */
  verifySetup(id: string, stepKey: string, opts?: RequestOptions): Promise<SetupVerification>;
  find(id: string): Connection | undefined;
  forApp(appKey: string): readonly Connection[];
  countFor(appKey: string): number;
  /** Puts a connection learnt elsewhere (an OAuth flow, the live channel) into the list. */
  upsert(connection: Connection): void;
  /** Takes a connection out of the list without asking the backend: it was removed elsewhere. */
  drop(id: string): void;
  subscribe(listener: () => void): Unsubscribe;
}

/** What the live channel needs beyond the public store. */
export interface ConnectionStoreInternals {
  /**
   * Resolves once this page's own writes in flight (create, update, remove, test, settings) have
   * answered; undefined when none is. A live event that arrives meanwhile may be their echo.
   */
  writesSettled(): Promise<void> | undefined;
  /** How many writes this page has started so far: a list read across one may show its result. */
  readonly writesStarted: number;
}

export function createConnectionStore(
  http: HttpClient,
  events: EventStream,
): ConnectionStore & ConnectionStoreInternals {
  const listeners = createListeners();
  let state: StoreState = 'idle';
  let error: PlugboardError | undefined;
  let items: readonly Connection[] = [];
  const writes = new Set<Promise<unknown>>();
  let writesStarted = 0;

  /** Runs one of this page's writes, tracked until it answers (or fails). */
  function write<T>(run: () => Promise<T>): Promise<T> {
    writesStarted += 1;
    const running = run();
    const tracked = running.then(
      () => undefined,
      () => undefined,
    );
    writes.add(tracked);
    void tracked.then(() => writes.delete(tracked));
    return running;
  }

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
    init: { method: 'GET' | 'POST' | 'PATCH' | 'PUT'; body?: unknown; idempotencyKey?: string },
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

    create: (input, opts = {}) =>
      write(async () => {
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
      }),

    update: (id, patch, opts = {}) =>
      write(async () => {
        const connection = await requestConnection(
          connectionPath(id),
          { method: 'PATCH', body: patch },
          opts,
        );
        events.emit('updated', { app: connection.app, connectionId: connection.id });
        return connection;
      }),

    remove: (id, opts = {}) =>
      write(async () => {
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
      }),

    test: (id, opts = {}) =>
      write(async () => {
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
      }),

    setupOptions(id, stepKey, query = {}, opts = {}) {
      const params = new URLSearchParams();
      if (query.q) params.set('q', query.q);
      if (query.cursor) params.set('cursor', query.cursor);
      const search = params.size > 0 ? `?${params}` : '';
      return http.requestData({
        path: `${setupPath(id, stepKey)}/options${search}`,
        signal: opts.signal,
        schema: setupOptionPageSchema,
      });
    },

    saveSettings: (id, settings, opts = {}) =>
      write(async () => {
        const connection = await requestConnection(
          `${connectionPath(id)}/settings`,
          { method: 'PUT', body: { settings } },
          opts,
        );
        events.emit('settings_saved', { app: connection.app, connectionId: connection.id });
        return connection;
      }),

    async verifySetup(id, stepKey, opts = {}) {
      const result = await http.requestData({
        method: 'POST',
        path: `${setupPath(id, stepKey)}/verify`,
        signal: opts.signal,
        schema: setupVerificationSchema,
      });
      const app = items.find((item) => item.id === id)?.app;
      if (app)
        events.emit('setup_verified', { app, connectionId: id, step: stepKey, ok: result.ok });
      return result;
    },

    find: (id) => items.find((item) => item.id === id),
    forApp: (appKey) => items.filter((item) => item.app === appKey),
    countFor: (appKey) => items.reduce((count, item) => count + (item.app === appKey ? 1 : 0), 0),
    upsert,
    get writesStarted() {
      return writesStarted;
    },
    writesSettled: () =>
      writes.size === 0 ? undefined : Promise.all(writes).then(() => undefined),
    drop(id) {
      if (forget(id)) listeners.notify();
    },
    subscribe: listeners.subscribe,
  };
}

function connectionPath(id: string): string {
  return `v1/connections/${encodeURIComponent(id)}`;
}

function setupPath(id: string, stepKey: string): string {
  return `${connectionPath(id)}/setup/${encodeURIComponent(stepKey)}`;
}
