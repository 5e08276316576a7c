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
 * A buffering proxy: the headers and a first trickle come through (a comment: some proxies let
 * a little pass, and MSW in Node answers only once a body has bytes), the events never do.
 */
function bufferedStream(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(': held back by a proxy\n\n'));
    },
  });
}

function liveStream(
  ctx: MockContext,
  request: Request,
  lastEventId: number | undefined,
): ReadableStream<Uint8Array> {
  const session = currentSession(ctx, request);
  const encoder = new TextEncoder();
  const log = ctx.state.liveEvents;
  let cursor = lastEventId ?? log.length;
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
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
        for (const event of events.slice(cursor) as LiveEvent[]) {
          cursor = Number(event.id);
          if (allowsApp(session, event.app) && !send(event.type, wireEvent(ctx, event), event.id)) {
            return;
          }
        }
      };
      const heartbeat = setInterval(
        () => write(': heartbeat\n\n'),
        ctx.liveHeartbeatSeconds * 1000,
      );
      const onAbort = () => {
        stop();
        try {
          controller.close();
        } catch {
          // already closed or errored
        }
      };
      stop = () => {
        clearInterval(heartbeat);
        ctx.liveListeners.delete(pump);
        request.signal.removeEventListener('abort', onAbort);
      };
      request.signal.addEventListener('abort', onAbort, { once: true });
      ctx.liveListeners.add(pump);

      write(`retry: ${RETRY_MS}\n\n`);
      const ready = { heartbeatSeconds: ctx.liveHeartbeatSeconds };
      if (lastEventId === undefined) {
        send('ready', ready, cursor);
        return;
      }
      send('ready', ready);
      if (lastEventId > log.length) {
        cursor = log.length;
        send('reset', { reason: 'unknown_id' }, cursor);
        return;
      }
      pump();
    },
    cancel() {
      stop();
    },
  });
}
