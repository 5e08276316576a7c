// Reads GET /v1/events in tests with an independent parser (eventsource-parser), checking every
// event against the contract, so the stream is proven readable by more than our own client.
import assert from 'node:assert/strict';
import { streamEventViolations } from '@plugboard/contract/validate-response';
import { createParser } from 'eventsource-parser';

export interface ReadEvent {
  event: string;
  /** The `id:` sent with this event, if any. */
  id: string | undefined;
  data: unknown;
}

export interface EventStreamReader {
  readonly status: number;
  readonly headers: Headers;
  /** Every event so far, oldest first. */
  readonly events: readonly ReadEvent[];
  readonly comments: readonly string[];
  /** Resolves when the server ended the stream. */
  readonly ended: Promise<void>;
  /** The next event (after those already taken) that matches, within `timeoutMs`. */
  next(match?: (event: ReadEvent) => boolean, timeoutMs?: number): Promise<ReadEvent>;
  /** Fails when an event that matches arrives within `ms`. */
  nothingFor(ms: number, match?: (event: ReadEvent) => boolean): Promise<void>;
  close(): void;
}

export async function readEventStream(
  url: string,
  init: { token: string; origin?: string; lastEventId?: string },
): Promise<EventStreamReader> {
  const abort = new AbortController();
  const headers: Record<string, string> = {
    Authorization: `Bearer ${init.token}`,
    Accept: 'text/event-stream',
    ...(init.origin && { Origin: init.origin }),
    ...(init.lastEventId !== undefined && { 'Last-Event-ID': init.lastEventId }),
  };
  const response = await fetch(`${url}/v1/events`, { headers, signal: abort.signal });
  const events: ReadEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  let taken = 0;
  const parser = createParser({
    onEvent({ event = 'message', id, data }) {
      const parsed = JSON.parse(data) as unknown;
      assert.deepEqual(streamEventViolations('streamEvents', event, parsed), [], data);
      events.push({ event, id, data: parsed });
      for (const waiter of [...waiters]) waiter();
    },
    onComment: (comment) => comments.push(comment),
  });
  const ended = (async () => {
    if (!response.body) return;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch {
      // closed by the test
    }
  })();

  function next(match: (event: ReadEvent) => boolean = () => true, timeoutMs = 3000) {
    return new Promise<ReadEvent>((resolve, reject) => {
      const check = () => {
        while (taken < events.length) {
          const event = events[taken++]!;
          if (match(event)) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(event);
            return;
          }
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`),
        );
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  }

  return {
    status: response.status,
    headers: response.headers,
    events,
    comments,
    ended,
    next,
    async nothingFor(ms, match = () => true) {
      const from = events.length;
      await new Promise((resolve) => setTimeout(resolve, ms));
      const extra = events.slice(from).filter(match);
      assert.deepEqual(extra, [], 'no event was expected');
    },
    close: () => abort.abort(),
  };
}
