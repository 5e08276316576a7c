// OAuth flows: start and watch (widget, with the session token) and the provider's callback
// (public: the single-use state identifies the flow).
import type { StartOAuthFlowRequest } from '@plugboard/contract';
import type { Hono } from 'hono';
import { ApiError, notFound } from '../http/api-error.js';
import { readJson } from '../http/json-body.js';
import { assertBody } from '../http/request-schemas.js';
import { currentSession, type ServerEnv } from '../http/server-env.js';
import type { Services } from '../services.js';

const FLOW_ID = /^[A-Za-z0-9_-]{8,64}$/;
const MAX_WAIT_SECONDS = 30;

function waitSeconds(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0;
  const wait = Number(raw);
  if (!/^\d+$/.test(raw) || wait > MAX_WAIT_SECONDS) {
    throw new ApiError(
      400,
      'bad_request',
      `wait must be an integer from 0 to ${MAX_WAIT_SECONDS}.`,
    );
  }
  return wait;
}

/** A query parameter within the contract's length limit, or undefined. */
function param(value: string | undefined, maxLength: number): string | undefined {
  return value !== undefined && value.length <= maxLength ? value : undefined;
}

export function oauthRoutes(app: Hono<ServerEnv>, services: Services): void {
  const { oauth } = services;

  app.post('/v1/oauth/flows', async (c) => {
    const request = assertBody<StartOAuthFlowRequest>('StartOAuthFlowRequest', await readJson(c));
    c.header('Cache-Control', 'no-store');
    return c.json(await oauth.start(currentSession(c), request), 201);
  });

  app.get('/v1/oauth/flows/:flowId', async (c) => {
    const flowId = c.req.param('flowId');
    if (!FLOW_ID.test(flowId)) throw notFound('The flow');
    const wait = waitSeconds(c.req.query('wait'));
    c.header('Cache-Control', 'no-store');
    return c.json(await oauth.get(currentSession(c), flowId, wait, c.req.raw.signal));
  });

  app.get('/v1/oauth/callback', async (c) => {
    const outcome = await oauth.handleCallback(
      {
        state: param(c.req.query('state'), 200),
        code: param(c.req.query('code'), 2000),
        error: param(c.req.query('error'), 200),
      },
      c.req.header('accept-language'),
    );
    if (outcome.kind === 'redirect') {
      c.header('Referrer-Policy', 'no-referrer');
      c.header('Cache-Control', 'no-store');
      return c.redirect(outcome.location, 303);
    }
    return c.body(outcome.page.html, outcome.status, outcome.page.headers);
  });
}
