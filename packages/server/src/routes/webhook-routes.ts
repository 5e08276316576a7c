// POST /v1/hooks/{hookId}: a service delivers an event to a connection's webhook URL. The URL is a
// capability; where the app's service authenticates its deliveries (basic auth or a signature),
// that is checked too (webhooks/webhook-signatures.ts). The body is not stored (it may carry
// personal data); the delivery time is what setup shows.
import type { Hono } from 'hono';
import { ApiError, notFound } from '../http/api-error.js';
import type { ServerEnv } from '../http/server-env.js';
import type { Services } from '../services.js';
import { isAuthenticDelivery } from '../webhooks/verify-delivery.js';

const HOOK_ID = /^[A-Za-z0-9_-]{16,64}$/;

export function webhookRoutes(app: Hono<ServerEnv>, services: Services): void {
  app.post('/v1/hooks/:hookId', async (c) => {
    const hookId = c.req.param('hookId');
    // Read whole (the size limit applies): signatures cover the exact bytes received.
    const body = Buffer.from(await c.req.arrayBuffer());
    const connection = HOOK_ID.test(hookId)
      ? await services.connectionRepository.findByHookId(hookId)
      : null;
    if (!connection) throw notFound('The webhook');
    const now = services.now();
    const delivery = { headers: c.req.raw.headers, body, now };
    // Unreadable credentials (a key no longer configured) fail a check that needs them.
    const credentials = services.connectionRepository.openCredentials(connection);
    const target = { app: connection.app, hookId, credentials };
    if (!isAuthenticDelivery(delivery, target, services.webhookKeys)) {
      throw new ApiError(
        401,
        'unauthorized',
        'This delivery does not carry the authentication the service sends with its webhooks.',
      );
    }
    await services.connections.recordWebhookDelivery(hookId, now);
    return c.body(null, 202);
  });
}
