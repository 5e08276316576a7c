// The Hono application: request ids and logs, security headers, body limits, CORS and session
// checks on the widget routes, and one error handler that answers problem+json without stack traces.
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { ApiError } from './http/api-error.js';
import { requireSession } from './http/auth.js';
import { cors } from './http/cors.js';
import { problemResponse } from './http/problem-response.js';
import { requestLog } from './http/request-log.js';
import type { ServerEnv } from './http/server-env.js';
import { adminWebhookRoutes } from './routes/admin-webhook-routes.js';
import { catalogRoutes } from './routes/catalog-routes.js';
import { connectLinkRoutes } from './routes/connect-link-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { connectionRoutes } from './routes/connection-routes.js';
import { eventRoutes } from './routes/event-routes.js';
import { oauthRoutes } from './routes/oauth-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { setupRoutes } from './routes/setup-routes.js';
import { webhookRoutes } from './routes/webhook-routes.js';
import type { Services } from './services.js';

const API_BODY_LIMIT_BYTES = 32 * 1024;
const WEBHOOK_BODY_LIMIT_BYTES = 256 * 1024;
/** Each pattern also matches its bare prefix (`/v1/apps/*` matches `/v1/apps`). */
const WIDGET_PATHS = ['/v1/apps/*', '/v1/connections/*', '/v1/oauth/flows/*', '/v1/events/*'];

function limitBody(maxSize: number): MiddlewareHandler<ServerEnv> {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(
        413,
        'payload_too_large',
        `The body must be at most ${maxSize / 1024} KiB.`,
      );
    },
  });
}

export function createApp(services: Services): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.use(requestLog(services.logger));
  app.use(async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
  });
  app.use('/v1/hooks/*', limitBody(WEBHOOK_BODY_LIMIT_BYTES));
  app.use('/v1/*', async (c, next) =>
    c.req.path.startsWith('/v1/hooks/') ? next() : limitBody(API_BODY_LIMIT_BYTES)(c, next),
  );
  app.use('/connect/*', limitBody(API_BODY_LIMIT_BYTES));
  for (const path of WIDGET_PATHS) {
    app.use(path, cors(services.sessions), requireSession(services.sessions));
  }
  app.use('/v1/*', async (_c, next) => {
    await services.catalog.refreshHealth();
    await next();
  });

  healthRoutes(app, services);
  sessionRoutes(app, services);
  catalogRoutes(app, services);
  connectionRoutes(app, services);
  eventRoutes(app, services);
  setupRoutes(app, services);
  oauthRoutes(app, services);
  webhookRoutes(app, services);
  adminWebhookRoutes(app, services);
  connectLinkRoutes(app, services);

  app.notFound((c) =>
    problemResponse(
      new ApiError(404, 'not_found', `There is no ${c.req.method} ${c.req.path}.`),
      c.get('requestId'),
      c.req.path,
    ),
  );
  app.onError((error, c) => {
    const requestId = c.get('requestId');
    const instance = c.req.path;
    if (error instanceof ApiError) return problemResponse(error, requestId, instance);
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(new ApiError(error.status, 'bad_request'), requestId, instance);
    }
    // Name and message only: a stack or a request body could reveal more than the logs may hold.
    services.logger.error('unhandled error', {
      requestId,
      error: error.name,
      message: error.message,
    });
    return problemResponse(new ApiError(500, 'internal_error'), requestId, instance);
  });
  return app;
}
