// Reads one opened event stream to its end, watching that it speaks: `ready` must come soon after
// the headers (a proxy that buffers holds it back), then at least a heartbeat now and then.
import { liveReadySchema, check } from '../http/schemas.js';
import { createSseParser, type SseEvent } from './sse-parser.js';

export interface StreamWatch {
  /** How long `ready` may take once the headers are in. */
  readonly readyTimeoutMs: number;
  /** Added to two heartbeat intervals before a silent stream counts as dead. */
  readonly silenceMarginMs: number;
}

export interface StreamHandlers {
  /** The stream is live; the id is where a reconnect resumes. */
  onReady(lastEventId: string): void;
  onEvent(event: SseEvent): void;
  onRetry(ms: number): void;
}

/** `dropped`: it was live, then ended or fell silent; `buffered`: `ready` never came; `failed`:
 *  it ended before `ready` by itself. */
export type StreamEnd = 'dropped' | 'buffered' | 'failed';

export async function readLiveStream(
  body: ReadableStream<Uint8Array>,
  handlers: StreamHandlers,
  watch: StreamWatch,
  stop: AbortController,
): Promise<StreamEnd> {
  let ready = false;
  let silenceMs = watch.readyTimeoutMs;
  let watchdogFired = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const rearm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      watchdogFired = true;
      stop.abort();
    }, silenceMs);
  };
  const parser = createSseParser({
    onEvent(event) {
      if (event.event !== 'ready') return handlers.onEvent(event);
      const readyData = check(liveReadySchema, parseJson(event.data));
      if (ready || !readyData.ok) return;
      ready = true;
      silenceMs = readyData.value.heartbeatSeconds * 2000 + watch.silenceMarginMs;
      handlers.onReady(event.lastEventId);
    },
    onRetry: handlers.onRetry,
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  // Aborting the fetch errors the body in most engines; cancelling the reader covers the rest.
  const cancel = (): void => void reader.cancel().catch(() => undefined);
  stop.signal.addEventListener('abort', cancel, { once: true });
  rearm();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
      // Before `ready` only the ready timeout counts: a trickle of padding must not hide a buffer.
      if (ready) rearm();
    }
  } catch {
    // A dropped connection or our own abort: the outcome below says which.
  } finally {
    clearTimeout(timer);
    stop.signal.removeEventListener('abort', cancel);
  }
  if (ready) return 'dropped';
  return watchdogFired ? 'buffered' : 'failed';
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
