// GET /healthz (the process answers) and GET /readyz (it can serve: the database answers and its
// schema is current, which openDatabase ensured before the server was built), for load balancers.
import type { Hono } from 'hono';
import type { ServerEnv } from '../http/server-env.js';
import type { Services } from '../services.js';

export function healthRoutes(app: Hono<ServerEnv>, services: Services): void {
  app.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' });
  });

  app.get('/readyz', async (c) => {
    c.header('Cache-Control', 'no-store');
    if (await services.database.isReachable()) return c.json({ status: 'ready' });
    return c.json({ status: 'unavailable', reason: 'The database does not answer.' }, 503);
  });
}
