// POST /v1/hooks/{hookId}: a service delivers an event to a connection's webhook URL. The body
// is not stored (it may carry personal data); the delivery time is what setup shows.
import type { Hono } from 'hono';
import { notFound } from '../http/api-error.js';
import type { ServerEnv } from '../http/server-env.js';
import type { Services } from '../services.js';

const HOOK_ID = /^[A-Za-z0-9_-]{16,64}$/;

export function webhookRoutes(app: Hono<ServerEnv>, services: Services): void {
  app.post('/v1/hooks/:hookId', async (c) => {
    const hookId = c.req.param('hookId');
    // Drain the body so the size limit applies and the connection can be reused.
    await c.req.arrayBuffer();
    if (
      !HOOK_ID.test(hookId) ||
      !(await services.connectionRepository.recordHookEvent(hookId, services.now()))
    ) {
      throw notFound('The webhook');
    }
    return c.body(null, 202);
  });
}
