// The ordered, typed event stream every client carries. Elements emit the app-logic and funnel
// events; core itself emits the popup events and the connection store emits tested / updated /
// removed. Hosts subscribe once and see every event in the order it happened.
import type {
  AppKey,
  AuthType,
  ConnectionStatus,
  DisconnectResult,
  OAuthMode,
} from '@plugboard/contract';
import { randomId } from './random-id.js';

/** Connect a new account, re-authorize a connection, or change its settings (no sign-in). */
export type ConnectMode = 'create' | 'update' | 'settings';

/** Why a flow ended without (or with) a connection. */
export type ExitReason = 'completed' | 'cancelled' | 'dismissed' | 'error';

/**
 * How a connection changed without this page asking: in another tab, or on the backend (a
 * scheduled check, a webhook delivery). The live channel's event types without `connection.`.
 */
export type ConnectionChange =
  | 'created'
  | 'updated'
  | 'deleted'
  | 'needs_reauth'
  | 'recovered'
  | 'test_failed'
  | 'event_received';

/** Event name → detail. Elements, React and Vue derive their typed events from this map. */
export interface PlugboardEventDetails {
  // stable: for app logic
  open: { app?: AppKey; connectionId?: string; mode: ConnectMode };
  app_selected: { app: AppKey; query?: string };
  /** "Can't find your app?": the user asked for an app; the host decides what a request does. */
  app_requested: { query: string; category?: string };
  connect_success: { app: AppKey; connectionId: string; method: AuthType; mode: ConnectMode };
  connect_error: { app: AppKey; method?: AuthType; code: string; requestId?: string };
  exit: { reason: ExitReason; lastStep: string; app?: AppKey };
  tested: { app: AppKey; connectionId: string; ok: boolean; status: ConnectionStatus };
  updated: { app: AppKey; connectionId: string };
  /** `app` is unknown when the connection was removed before the list was loaded. */
  removed: {
    app: AppKey | undefined;
    connectionId: string;
    /** Whether the service revoked the access too (see DisconnectResult). */
    revocation: DisconnectResult['revocation'];
  };
  /**
   * A change learnt from the live channel (`via: 'live'`) or, while it cannot open, from polling
   * the list (`via: 'poll'`). `status` is the connection's status after it (none once deleted).
   */
  connection_changed: {
    change: ConnectionChange;
    app: AppKey;
    connectionId: string;
    status: ConnectionStatus | undefined;
    via: 'live' | 'poll';
  };
  // informational: for funnels
  view_changed: { view: string; previousView?: string };
  search: { query: string; resultCount: number };
  method_chosen: { app: AppKey; method: AuthType };
  popup_opened: { app: AppKey; mode: OAuthMode; reopened: boolean };
  popup_blocked: { app: AppKey };
  popup_closed: { app: AppKey; flowId?: string };
  /** Never carries the submitted values. */
  credentials_submitted: { app: AppKey; method: AuthType };
  setup_url_copied: { app: AppKey; connectionId: string };
  /** The setup choices were saved (never the values themselves). */
  settings_saved: { app: AppKey; connectionId: string };
  /** A setup step was checked: `ok` says whether it holds. */
  setup_verified: { app: AppKey; connectionId: string; step: string; ok: boolean };
}

export type PlugboardEventName = keyof PlugboardEventDetails;

export const STABLE_EVENT_NAMES = [
  'open',
  'app_selected',
  'app_requested',
  'connect_success',
  'connect_error',
  'exit',
  'tested',
  'updated',
  'removed',
  'connection_changed',
] as const satisfies readonly PlugboardEventName[];

/** One event; `name` narrows `detail`. */
export type PlugboardEvent<N extends PlugboardEventName = PlugboardEventName> = {
  [K in N]: {
    readonly name: K;
    /** 1, 2, 3… per client, in emission order. */
    readonly seq: number;
    /** Random per page load (not the session token), to group one visit's events. */
    readonly sessionId: string;
    /** Milliseconds since the epoch. */
    readonly timestamp: number;
    readonly detail: Readonly<PlugboardEventDetails[K]>;
  };
}[N];

export type PlugboardEventListener = (event: PlugboardEvent) => void;

export interface EventStream {
  readonly sessionId: string;
  emit<N extends PlugboardEventName>(name: N, detail: PlugboardEventDetails[N]): PlugboardEvent<N>;
  /** Every event, in order. Returns the unsubscribe function. */
  subscribe(listener: PlugboardEventListener): () => void;
  /** Only the events named `name`, with a typed detail. */
  on<N extends PlugboardEventName>(
    name: N,
    listener: (event: PlugboardEvent<N>) => void,
  ): () => void;
}

let pageSessionId: string | undefined;

/** Created on first use, not at import, and shared by every client on the page. */
export function getPageSessionId(): string {
  pageSessionId ??= randomId();
  return pageSessionId;
}

export function createEventStream(
  options: { sessionId?: string; now?: () => number } = {},
): EventStream {
  const sessionId = options.sessionId ?? getPageSessionId();
  const now = options.now ?? Date.now;
  const listeners = new Set<PlugboardEventListener>();
  // Events emitted by a listener are queued, so every listener sees events in `seq` order.
  const queue: PlugboardEvent[] = [];
  let dispatching = false;
  let seq = 0;

  function drain(): void {
    dispatching = true;
    try {
      for (let event = queue.shift(); event; event = queue.shift()) {
        for (const listener of [...listeners]) {
          try {
            listener(event);
          } catch (error) {
            // One faulty listener must not silence the others or break the emitter.
            reportListenerError(error);
          }
        }
      }
    } finally {
      dispatching = false;
    }
  }

  return {
    sessionId,
    emit(name, detail) {
      seq += 1;
      const event = Object.freeze({
        name,
        seq,
        sessionId,
        timestamp: now(),
        detail,
      }) as PlugboardEvent<typeof name>;
      queue.push(event as PlugboardEvent);
      if (!dispatching) drain();
      return event;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    on(name, listener) {
      const filtered: PlugboardEventListener = (event) => {
        if (event.name === name) listener(event as PlugboardEvent<typeof name>);
      };
      listeners.add(filtered);
      return () => listeners.delete(filtered);
    },
  };
}

function reportListenerError(error: unknown): void {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
  else
    queueMicrotask(() => {
      throw error;
    });
}
