// Authentication middleware: the session token for widget routes, the secret key for the host
// backend's routes.
import type { MiddlewareHandler } from 'hono';
import { constantTimeEqual } from '../crypto/random.js';
import type { SessionStore } from '../sessions/session-store.js';
import { ApiError } from './api-error.js';
import type { ServerEnv } from './server-env.js';

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

export function requireSession(sessions: SessionStore): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('Authorization'));
    if (!token)
      throw new ApiError(401, 'unauthorized', 'Send the session token as a Bearer token.');
    const lookup = await sessions.lookup(token);
    if (lookup.state === 'expired') {
      throw new ApiError(401, 'session_expired', 'The session has expired; get a new token.');
    }
    if (lookup.state === 'unknown')
      throw new ApiError(401, 'unauthorized', 'Unknown session token.');
    const origin = c.req.header('Origin');
    // Browsers send Origin on every cross-origin fetch, so the widget's calls carry it and a
    // leaked token is refused on another site's page. A call without Origin is no browser's
    // cross-origin call (a host's server, a test, curl, a GET from a page on this origin), and
    // such a caller could claim any Origin: the token alone authenticates it (docs/security.md).
    if (origin !== undefined && !lookup.session.allowedOrigins.includes(origin)) {
      throw new ApiError(403, 'forbidden_origin', 'This origin is not allowed for the session.');
    }
    c.set('session', lookup.session);
    await next();
  };
}

export function requireSecretKey(secretKey: string): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('Authorization'));
    if (!token || !constantTimeEqual(token, secretKey)) {
      throw new ApiError(401, 'unauthorized', 'This endpoint needs the secret key.');
    }
    await next();
  };
}
