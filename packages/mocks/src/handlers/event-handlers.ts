// GET /v1/events: the live channel as the reference server streams it (`ready` with a resume id,
// Last-Event-ID replay or `reset`, heartbeats, the session's allowed apps only), so stories and
// component tests can drive live states. Two scenarios stand for backends a client must survive:
// `live-buffered` (a proxy holds the stream back) and `live-unavailable` (no live channel).
import type { LiveEvent } from '@plugboard/contract';
import { http, HttpResponse } from 'msw';
import type { MockContext } from '../context.js';
import { problemResponse } from '../http/responses.js';
import { wireEvent } from '../state/live-events.js';
import { allowsApp, currentSession } from '../state/sessions.js';

const EVENT_ID = /^[0-9]{1,15}$/;
const RETRY_MS = 2000;

function streamHeaders(requestId: string): Record<string, string> {
  return {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Request-Id': requestId,
  };
}

export function eventHandlers(ctx: MockContext) {
  return [
    http.get(`${ctx.baseUrl}/v1/events`, ({ request }) => {
      const requestId = ctx.ids.requestId();
      const { scenario } = ctx.state;
      if (scenario === 'live-unavailable') {
        return problemResponse(requestId, 404, 'not_found', 'This backend has no live channel.');
      }
      const lastHeader = request.headers.get('Last-Event-ID');
      if (lastHeader !== null && !EVENT_ID.test(lastHeader)) {
        return problemResponse(requestId, 400, 'bad_request', 'Last-Event-ID is not an event id.');
      }
      const body =
        scenario === 'live-buffered'
          ? bufferedStream()
          : liveStream(ctx, request, lastHeader === null ? undefined : Number(lastHeader));
      return new HttpResponse(body, { status: 200, headers: streamHeaders(requestId) });
    }),
  ];
}

/**
 * Whether MSW can hand a stream to its worker as it is written: only where a ReadableStream is
 * transferable (not WebKitGTK's). Elsewhere MSW waits for the whole body before the page sees
 * the response, so each live stream below ends after its first news (a long-poll told as
 * server-sent events) and the widget reconnects with Last-Event-ID, as after any drop.
 */
let streamsAsWritten: boolean | undefined;
function mswStreamsAsWritten(): boolean {
  if (streamsAsWritten === undefined) {
    try {
      const probe = new ReadableStream({ start: (controller) => controller.close() });
      const channel = new MessageChannel();
      channel.port1.postMessage(probe, [probe as unknown as Transferable]);
      channel.port1.close();
      streamsAsWritten = true;
    } catch {
      streamsAsWritten = false;
    }
  }
  return streamsAsWritten;
}

/** How long a stream delivered whole waits for news before it ends with none. */
const WHOLE_BODY_WAIT_MS = 1500;

/**
 * A buffering proxy: the headers and a first trickle come through (a comment: some proxies let
 * a little pass, and MSW in Node answers only once a body has bytes), the events never do. Where
 * MSW delivers bodies whole, the "proxy" gives up after a while, or the page would wait forever.
 */
function bufferedStream(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(': held back by a proxy\n\n'));
      if (!mswStreamsAsWritten()) setTimeout(() => controller.close(), WHOLE_BODY_WAIT_MS);
    },
  });
}

function liveStream(
  ctx: MockContext,
  request: Request,
  lastEventId: number | undefined,
): ReadableStream<Uint8Array> {
  const session = currentSession(ctx, request);
  const whole = !mswStreamsAsWritten();
  const encoder = new TextEncoder();
  const log = ctx.state.liveEvents;
  let cursor = lastEventId ?? log.length;
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const end = () => {
        stop();
        try {
          controller.close();
        } catch {
          // already closed or errored
        }
      };
      const write = (text: string): boolean => {
        try {
          controller.enqueue(encoder.encode(text));
          return true;
        } catch {
          // The reader went away without cancelling: stop feeding it.
          stop();
          return false;
        }
      };
      const send = (event: string, data: unknown, id?: number | string) =>
        write(
          `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`,
        );
      const pump = () => {
        // reset() may have replaced the log: a cursor past its end starts again at its end.
        const events = ctx.state.liveEvents;
        if (cursor > events.length) cursor = events.length;
        let sent = 0;
        for (const event of events.slice(cursor) as LiveEvent[]) {
          cursor = Number(event.id);
          if (!allowsApp(session, event.app)) continue;
          if (!send(event.type, wireEvent(ctx, event), event.id)) return;
          sent += 1;
        }
        if (whole && sent > 0) end();
      };
      const heartbeat = setInterval(
        () => write(': heartbeat\n\n'),
        ctx.liveHeartbeatSeconds * 1000,
      );
      const giveUp = whole ? setTimeout(end, WHOLE_BODY_WAIT_MS) : undefined;
      stop = () => {
        clearInterval(heartbeat);
        clearTimeout(giveUp);
        ctx.liveListeners.delete(pump);
        request.signal.removeEventListener('abort', end);
      };
      request.signal.addEventListener('abort', end, { once: true });
      ctx.liveListeners.add(pump);

      // Delivered whole, the next stream should follow at once.
      write(`retry: ${whole ? 0 : RETRY_MS}\n\n`);
      const ready = { heartbeatSeconds: ctx.liveHeartbeatSeconds };
      if (lastEventId === undefined) {
        send('ready', ready, cursor);
        return;
      }
      send('ready', ready);
      if (lastEventId > log.length) {
        cursor = log.length;
        send('reset', { reason: 'unknown_id' }, cursor);
        if (whole) end();
        return;
      }
      pump();
    },
    cancel() {
      stop();
    },
  });
}
