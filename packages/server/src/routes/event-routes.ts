// GET /v1/events: the live channel to the widget (live/event-stream.ts).
import type { Hono } from 'hono';
import { ApiError } from '../http/api-error.js';
import { currentSession, type ServerEnv } from '../http/server-env.js';
import { eventStream } from '../live/event-stream.js';
import type { Services } from '../services.js';

const EVENT_ID = /^[0-9]{1,15}$/;

export function eventRoutes(app: Hono<ServerEnv>, services: Services): void {
  const deps = {
    log: services.events,
    hub: services.live.hub,
    connections: services.connections,
    sessions: services.sessions,
    logger: services.logger,
    now: services.now,
    heartbeatSeconds: services.live.heartbeatSeconds,
  };
  app.get('/v1/events', (c) => {
    const header = c.req.header('Last-Event-ID');
    if (header !== undefined && !EVENT_ID.test(header)) {
      throw new ApiError(400, 'bad_request', 'Last-Event-ID must be an id this stream sent.');
    }
    const body = eventStream(
      deps,
      currentSession(c),
      header === undefined ? undefined : Number(header),
      c.get('requestId'),
    );
    return c.body(body, 200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // Asks nginx (and proxies that honour it) not to buffer the stream.
      'X-Accel-Buffering': 'no',
    });
  });
}
