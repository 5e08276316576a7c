// CORS for the widget endpoints: only the session's allowed origins are answered, never with
// credentials. Preflights carry no token, so they are answered for origins that a recent session
// lists; the real request is then checked against its own session.
import type { MiddlewareHandler } from 'hono';
import type { SessionStore } from '../sessions/session-store.js';
import { ApiError } from './api-error.js';
import type { ServerEnv } from './server-env.js';

const ALLOWED_METHODS = 'GET, POST, PATCH, PUT, DELETE';
const ALLOWED_HEADERS =
  'Authorization, Content-Type, Idempotency-Key, If-None-Match, Last-Event-ID';
const EXPOSED_HEADERS = 'ETag, X-Request-Id, Retry-After';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

export function cors(sessions: SessionStore): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const origin = c.req.header('Origin');
    if (c.req.method === 'OPTIONS') {
      if (!origin || !(await sessions.isKnownOrigin(origin))) {
        throw new ApiError(403, 'forbidden_origin', 'This origin is not allowed to call the API.');
      }
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Allow-Methods', ALLOWED_METHODS);
      c.header('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      c.header('Access-Control-Max-Age', PREFLIGHT_MAX_AGE_SECONDS);
      c.header('Vary', 'Origin');
      return c.body(null, 204);
    }
    await next();
    c.header('Vary', 'Origin', { append: true });
    if (!origin) return;
    const session = c.get('session');
    const allowed = session
      ? session.allowedOrigins.includes(origin)
      : await sessions.isKnownOrigin(origin);
    if (allowed) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
  };
}
