// The live channel: one server-sent events stream per client (GET /v1/events, read with fetch so
// the session token stays in a header), shared by every element that needs it and open only
// while one does. Its events update the connection store and go out on the ordered event
// stream as `connection_changed`. A dropped stream reconnects with backoff and `Last-Event-ID`;
// a stream that cannot open, or opens but says nothing (a proxy that buffers), is replaced by
// polling the list until it can.
import type { ConnectionStatus, LiveEvent } from '@plugboard/contract';
import { linkedController, sleep as abortableSleep } from '../abort.js';
import type { ConnectionStore, ConnectionStoreInternals } from '../connections/connection-store.js';
import { HttpError, toPlugboardError } from '../errors.js';
import type { ConnectionChange, EventStream } from '../events.js';
import type { HttpClient } from '../http/http-client.js';
import { check, liveEventSchema } from '../http/schemas.js';
import { createListeners, type Unsubscribe } from '../listeners.js';
import { applyLiveEvent, changesBetween } from './connection-changes.js';
import { parseJson, readLiveStream, type StreamEnd, type StreamWatch } from './live-stream.js';

/**
 * `closed`: nothing holds it; `connecting`: opening the stream, or waiting to open it again;
 * `open`: live; `polling`: the stream cannot open or stays silent, so the list is polled;
 * `stopped`: the session is over or the origin is refused (until every holder let go).
 */
export type LiveState = 'closed' | 'connecting' | 'open' | 'polling' | 'stopped';

export interface LiveChannel {
  readonly state: LiveState;
  /**
   * Keeps the channel open until the returned function is called (calling it again does
   * nothing). The first holder opens it; it closes `lingerMs` after the last one let go, so an
   * element moved in the page does not reopen it.
   */
  hold(): () => void;
  /** Called on every change of `state`. */
  subscribe(listener: () => void): Unsubscribe;
}

export interface LiveTiming extends StreamWatch {
  /** How often the list is polled while the stream cannot be used. */
  readonly pollMs: number;
  /** First reconnection delay; doubles per failed attempt (with jitter) up to `retryMaxMs`. */
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  /** Failed attempts in a row before polling starts (a buffered stream starts it at once). */
  readonly failuresBeforePolling: number;
  readonly lingerMs: number;
}

const DEFAULT_LIVE_TIMING: LiveTiming = {
  readyTimeoutMs: 5_000,
  silenceMarginMs: 5_000,
  pollMs: 5_000,
  retryBaseMs: 1_000,
  retryMaxMs: 60_000,
  failuresBeforePolling: 2,
  lingerMs: 1_000,
};

interface Attempt {
  readonly end: StreamEnd | 'unsupported' | 'stopped';
  readonly retryAfterMs?: number;
}

export function createLiveChannel(deps: {
  http: HttpClient;
  store: ConnectionStore & ConnectionStoreInternals;
  events: EventStream;
  timing?: Partial<LiveTiming>;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}): LiveChannel {
  const { http, store, events } = deps;
  const sleep = deps.sleep ?? abortableSleep;
  const timing: LiveTiming = { ...DEFAULT_LIVE_TIMING, ...deps.timing };
  const random = deps.random ?? Math.random;
  const listeners = createListeners();
  let state: LiveState = 'closed';
  let holders = 0;
  let run: AbortController | undefined;
  let lingerTimer: ReturnType<typeof setTimeout> | undefined;
  /** Where a reconnect resumes; kept across closes, so reopening replays what was missed. */
  let lastEventId: string | undefined;
  let serverRetryMs: number | undefined;

  function setState(next: LiveState): void {
    if (state === next) return;
    state = next;
    listeners.notify();
  }

  function tell(
    change: ConnectionChange,
    { app, id, status }: { app: string; id: string; status?: ConnectionStatus },
    via: 'live' | 'poll',
  ): void {
    const detail = { change, app, connectionId: id, via };
    events.emit('connection_changed', {
      ...detail,
      status: change === 'deleted' ? undefined : status,
    });
  }

  /**
   * Live events wait while the list is read again (it may be older than they are) and while this
   * page's own writes are answered (they may be their echoes); then they apply in order.
   */
  let held: [name: string, data: string][] | undefined;
  let holds = 0;

  function holdEventsUntil(done: Promise<unknown>): void {
    holds += 1;
    held ??= [];
    void done.finally(() => {
      holds -= 1;
      if (holds > 0) return;
      const waiting = held ?? [];
      held = undefined;
      for (const [name, data] of waiting) onLiveEvent(name, data);
    });
  }

  /** Reads the list again and tells what changed since the last one (polling, or a `reset`). */
  async function resync(signal: AbortSignal): Promise<'stopped' | undefined> {
    // An element shows the failed load with its own Retry: polling must not make it flicker.
    if (store.state === 'error') return undefined;
    const before = store.state === 'ready' ? store.items : undefined;
    const writesAtStart = store.writesStarted;
    const ownWriteInFlight = store.writesSettled() !== undefined;
    const reread = (async () => {
      await store.refresh({ signal });
      // A write of this page that overlapped the read would look like a change made elsewhere:
      // the list is applied, but nothing is told this time.
      if (ownWriteInFlight || store.writesStarted !== writesAtStart) return;
      for (const { change, connection } of before ? changesBetween(before, store.items) : []) {
        tell(change, connection, 'poll');
      }
    })();
    holdEventsUntil(reread.catch(() => undefined));
    try {
      await reread;
    } catch (caught) {
      // Anything but the end of the session is worth another try at the next poll.
      return toPlugboardError(caught).code === 'session_expired' ? 'stopped' : undefined;
    }
    return undefined;
  }

  function onLiveEvent(name: string, data: string): void {
    if (!name.startsWith('connection.')) return;
    const writes = store.writesSettled();
    if (writes) holdEventsUntil(writes);
    if (held) {
      held.push([name, data]);
      return;
    }
    const parsed = check(liveEventSchema, parseJson(data));
    if (!parsed.ok || parsed.value.type !== name) return;
    const event: LiveEvent = parsed.value;
    if (!applyLiveEvent(store, event)) return;
    const change = event.type.slice('connection.'.length) as ConnectionChange;
    tell(
      change,
      { app: event.app, id: event.connectionId, status: event.connection?.status },
      'live',
    );
  }

  async function streamOnce(signal: AbortSignal): Promise<Attempt> {
    const { controller: stop, dispose } = linkedController([signal]);
    try {
      let response: Response;
      try {
        response = await http.openStream({ path: 'v1/events', lastEventId, signal: stop.signal });
      } catch (caught) {
        return failedOpen(caught);
      }
      const fresh = lastEventId === undefined;
      const end = await readLiveStream(
        response.body!,
        {
          onReady(id) {
            if (id) lastEventId = id;
            setState('open');
            // Without an id to resume from, what changed before this stream began is unknown.
            if (fresh && store.state === 'ready') void resync(signal);
          },
          onEvent(event) {
            if (event.lastEventId) lastEventId = event.lastEventId;
            if (event.event === 'reset') void resync(signal);
            else onLiveEvent(event.event, event.data);
          },
          onRetry(ms) {
            serverRetryMs = ms;
          },
        },
        timing,
        stop,
      );
      return { end };
    } finally {
      stop.abort();
      dispose();
    }
  }

  async function loop(signal: AbortSignal): Promise<void> {
    let failures = 0;
    let streams = true;
    while (!signal.aborted) {
      if (streams) setState('connecting');
      const attempt: Attempt = streams ? await streamOnce(signal) : { end: 'unsupported' };
      if (signal.aborted) return;
      if (attempt.end === 'stopped') return setState('stopped');
      if (attempt.end === 'unsupported') streams = false;
      if (attempt.end === 'dropped') failures = 0;
      else if (attempt.end === 'buffered')
        failures = Math.max(failures + 1, timing.failuresBeforePolling);
      else failures += 1;
      const waitMs = !streams
        ? Number.POSITIVE_INFINITY
        : Math.max(attempt.retryAfterMs ?? 0, retryDelay(failures));
      if (streams && failures < timing.failuresBeforePolling) {
        setState('connecting');
        await sleep(waitMs, signal).catch(() => undefined);
      } else if ((await pollFor(waitMs, signal)) === 'stopped') {
        return setState('stopped');
      }
    }
  }

  /** Polls now and every `pollMs` for `ms` (forever when the stream is unsupported). */
  async function pollFor(ms: number, signal: AbortSignal): Promise<'stopped' | undefined> {
    setState('polling');
    const until = Date.now() + ms;
    for (;;) {
      if ((await resync(signal)) === 'stopped') return 'stopped';
      const left = until - Date.now();
      if (left <= 0 || signal.aborted) return undefined;
      await sleep(Math.min(timing.pollMs, left), signal).catch(() => undefined);
      if (signal.aborted) return undefined;
    }
  }

  /** Equal jitter: between half and all of the doubling ceiling, so clients spread out. */
  function retryDelay(failures: number): number {
    const ceiling =
      failures === 0
        ? (serverRetryMs ?? timing.retryBaseMs)
        : Math.min(timing.retryMaxMs, timing.retryBaseMs * 2 ** (failures - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
  }

  return {
    get state() {
      return state;
    },
    hold() {
      holders += 1;
      clearTimeout(lingerTimer);
      if (!run) {
        const started = new AbortController();
        run = started;
        void loop(started.signal);
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders -= 1;
        if (holders > 0) return;
        lingerTimer = setTimeout(() => {
          run?.abort();
          run = undefined;
          setState('closed');
        }, timing.lingerMs);
      };
    },
    subscribe: listeners.subscribe,
  };
}

/** Why the stream did not open decides what comes next. */
function failedOpen(caught: unknown): Attempt {
  const error = toPlugboardError(caught);
  if (error.code === 'session_expired') return { end: 'stopped' };
  if (error.code === 'malformed') return { end: 'unsupported' };
  if (!(error instanceof HttpError)) return { end: 'failed' };
  if (error.status === 403) return { end: 'stopped' };
  // No such endpoint on this backend (or one that refuses the request): poll instead.
  if ([400, 404, 405, 406, 501].includes(error.status)) return { end: 'unsupported' };
  return {
    end: 'failed',
    ...(error.retryAfter !== undefined && { retryAfterMs: error.retryAfter * 1000 }),
  };
}
