// One live stream (GET /v1/events): `ready`, then the session user's connection events from the
// log as they commit, each with the connection as it is now, heartbeats, and the end of the
// stream when the session expires or is revoked. A stream resumed with Last-Event-ID replays
// what it missed, or says `reset` when it cannot.
import type { Connection, LiveEvent, LiveReset } from '@plugboard/contract';
import type { ConnectionService } from '../connections/connection-service.js';
import type { ConnectionEvent, ConnectionEventLog } from '../events/index.js';
import { ApiError } from '../http/api-error.js';
import type { Logger } from '../http/logger.js';
import { allowsApp, type SessionRecord } from '../sessions/session-record.js';
import type { SessionStore } from '../sessions/session-store.js';
import type { LiveHub } from './live-hub.js';

export interface EventStreamDeps {
  log: ConnectionEventLog;
  hub: LiveHub;
  connections: ConnectionService;
  sessions: SessionStore;
  logger: Logger;
  now: () => number;
  heartbeatSeconds: number;
}

/** Suggested reconnection delay (the client adds jitter and backs off on failures). */
const RETRY_MS = 2000;
/** A resumed stream replays at most this many events; further behind, it says `reset`. */
const REPLAY_LIMIT = 500;
const PAGE = 100;
/** setTimeout's longest delay; a longer session is ended by a later heartbeat's check instead. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function eventStream(
  deps: EventStreamDeps,
  session: SessionRecord,
  lastEventId: number | undefined,
  requestId: string,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const timers: ReturnType<typeof setTimeout>[] = [];
  let closed = false;
  let release: (() => void) | undefined;
  let cursor = lastEventId ?? 0;
  let pumping: Promise<void> = Promise.resolve();
  let pumpQueued = false;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string): void => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const end = (): void => {
        if (closed) return;
        stop();
        controller.close();
      };
      // Registered before the first read of the log, so no wake-up falls between the two.
      release = deps.hub.open(session, { wake: () => schedule(false), end });

      const send = (event: string, data: unknown, id?: number): void =>
        write(
          `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`,
        );

      const reset = async (reason: LiveReset['reason']): Promise<void> => {
        cursor = await deps.log.latestId(session.userId);
        send('reset', { reason }, cursor);
      };

      /** Sends the events after the cursor; the first read of a resumed stream may reset. */
      const pump = async (first: boolean): Promise<void> => {
        if (first && lastEventId !== undefined && lastEventId > 0) {
          // The client's last event must still be in the log, or events after it may be gone.
          const [kept] = await deps.log.since(session.userId, lastEventId - 1, 1);
          if (kept?.id !== lastEventId) return reset('unknown_id');
          const missed = await deps.log.since(session.userId, cursor, REPLAY_LIMIT + 1);
          if (missed.length > REPLAY_LIMIT) return reset('too_many');
        }
        for (;;) {
          const batch = await deps.log.since(session.userId, cursor, PAGE);
          const current = new Map<string, Connection | null>();
          for (const event of batch) {
            if (closed) return;
            const wire = await toWire(event, current);
            if (wire) send(event.type, wire, event.id);
            cursor = event.id;
          }
          if (batch.length < PAGE) return;
        }
      };

      /** One pump at a time; wake-ups during one are folded into the next. */
      function schedule(first: boolean): void {
        if (pumpQueued) return;
        pumpQueued = true;
        pumping = pumping.then(async () => {
          pumpQueued = false;
          if (closed) return;
          try {
            await pump(first);
          } catch (error) {
            // The client reconnects with the last id it got; nothing is lost.
            deps.logger.warn('live stream failed', { requestId, message: String(error) });
            end();
          }
        });
      }

      /** The event as the widget reads it: only the session's apps, with the connection now. */
      async function toWire(
        event: ConnectionEvent,
        current: Map<string, Connection | null>,
      ): Promise<LiveEvent | undefined> {
        if (!allowsApp(session, event.app)) return undefined;
        const { type, app, connectionId, at } = event;
        const wire: LiveEvent = { id: String(event.id), type, app, connectionId, at };
        if (type === 'connection.deleted') return wire;
        if (!current.has(connectionId)) {
          current.set(connectionId, await loadConnection(connectionId));
        }
        const connection = current.get(connectionId);
        return connection ? { ...wire, connection } : wire;
      }

      async function loadConnection(id: string): Promise<Connection | null> {
        try {
          return await deps.connections.get(session, id);
        } catch (error) {
          // Deleted since: its `connection.deleted` follows.
          if (error instanceof ApiError && error.status === 404) return null;
          throw error;
        }
      }

      const heartbeat = setInterval(() => {
        write(': heartbeat\n\n');
        // A revoked session's stream ends here; the client's reconnect then gets its 401.
        deps.sessions.isActive(session.id).then(
          (active) => active || end(),
          () => undefined,
        );
      }, deps.heartbeatSeconds * 1000);
      timers.push(heartbeat);
      timers.push(setTimeout(end, Math.min(MAX_TIMER_MS, session.expiresAt - deps.now())));
      if (Number.isFinite(deps.log.pollFallbackMs)) {
        // A wake-up can be lost while the LISTEN connection reconnects.
        timers.push(setInterval(() => schedule(false), deps.log.pollFallbackMs));
      }

      const ready = { heartbeatSeconds: deps.heartbeatSeconds };
      write(`retry: ${RETRY_MS}\n\n`);
      if (lastEventId !== undefined) {
        send('ready', ready);
        schedule(true);
        return;
      }
      // A fresh stream starts at the present: its ready's id is where a reconnect resumes.
      return deps.log.latestId(session.userId).then(
        (latest) => {
          cursor = latest;
          send('ready', ready, latest);
          schedule(false);
        },
        (error: unknown) => {
          deps.logger.warn('live stream failed', { requestId, message: String(error) });
          end();
        },
      );
    },
    cancel() {
      stop();
    },
  });

  function stop(): void {
    closed = true;
    for (const timer of timers) clearTimeout(timer);
    release?.();
  }
}
