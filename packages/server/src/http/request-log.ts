// Gives every request an id (echoed as X-Request-Id) and logs one line when it ends.
import type { MiddlewareHandler } from 'hono';
import { randomId } from '../crypto/random.js';
import type { Logger } from './logger.js';
import type { ServerEnv } from './server-env.js';

/**
 * The path as logged: no query string (it may hold an OAuth code or state), and webhook ids,
 * which work as capability URLs, masked.
 */
function loggablePath(url: string): string {
  const { pathname } = new URL(url);
  return pathname.replace(/^\/v1\/hooks\/[^/]+/, '/v1/hooks/:hookId');
}

export function requestLog(logger: Logger): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = randomId('req_', 20);
    c.set('requestId', requestId);
    await next();
    c.header('X-Request-Id', requestId);
    logger.info('request', {
      requestId,
      method: c.req.method,
      path: loggablePath(c.req.url),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
