// OAuth flows: start and watch (widget, with the session token), and the two pages a browser
// opens: the start URL (public: its one-time secret identifies the flow; it binds the flow to the
// browser with a cookie) and the provider's callback (public: the single-use state identifies
// the flow; it needs that cookie).
import type { StartOAuthFlowRequest } from '@plugboard/contract';
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ApiError, notFound } from '../http/api-error.js';
import { readJson } from '../http/json-body.js';
import { assertBody } from '../http/request-schemas.js';
import { currentSession, type ServerEnv } from '../http/server-env.js';
import { bindingCookieName, bindingCookieScope } from '../oauth/browser-binding.js';
import type { BindingReader, BrowserOutcome } from '../oauth/oauth-service.js';
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
  const cookieScope = bindingCookieScope(services.publicUrl);
  const readBinding =
    (c: Context<ServerEnv>): BindingReader =>
    (flowId) =>
      getCookie(c, bindingCookieName(flowId));

  /** The page or redirect, with the binding cookie set or cleared as the outcome says. */
  const answer = (c: Context<ServerEnv>, outcome: BrowserOutcome) => {
    const { cookie } = outcome;
    if (cookie && 'set' in cookie) {
      setCookie(c, bindingCookieName(cookie.flowId), cookie.set, {
        ...cookieScope,
        httpOnly: true,
        sameSite: 'Lax',
        maxAge: cookie.maxAgeSeconds,
      });
    } else if (cookie) {
      deleteCookie(c, bindingCookieName(cookie.flowId), cookieScope);
    }
    if (outcome.kind === 'redirect') {
      // The start URL's secret and the callback's code must not reach the next site.
      c.header('Referrer-Policy', 'no-referrer');
      c.header('Cache-Control', 'no-store');
      return c.redirect(outcome.location, 303);
    }
    return c.body(outcome.page.html, outcome.status, outcome.page.headers);
  };

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

  app.get('/v1/oauth/start/:flowId', async (c) =>
    answer(
      c,
      await oauth.openStart(
        c.req.param('flowId'),
        param(c.req.query('secret'), 200),
        readBinding(c),
        c.req.header('accept-language'),
      ),
    ),
  );

  app.get('/v1/oauth/callback', async (c) =>
    answer(
      c,
      await oauth.handleCallback(
        {
          state: param(c.req.query('state'), 200),
          code: param(c.req.query('code'), 2000),
          error: param(c.req.query('error'), 200),
        },
        readBinding(c),
        c.req.header('accept-language'),
      ),
    ),
  );
}
