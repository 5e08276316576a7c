// Connect links: the host mints one (POST /v1/connect-links, secret key); the browser that opens
// it gets the page (GET /connect/{token}), which takes its session (POST …/session) and, once
// connected, spends the link and learns where to go back to (POST …/complete). The page's routes
// are public: the signed token in the path and the cookie of the browser that opened it first
// are what they check (connect-links/connect-link-service.ts).
import type { CreateConnectLinkRequest } from '@plugboard/contract';
import type { Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { renderDialogPage, renderLinkNotice } from '../connect-links/connect-page.js';
import type { ConnectLinkRecord } from '../connect-links/connect-link-service.js';
import { ApiError } from '../http/api-error.js';
import { requireSecretKey } from '../http/auth.js';
import { readJson } from '../http/json-body.js';
import { assertBody } from '../http/request-schemas.js';
import type { ServerEnv } from '../http/server-env.js';
import { callbackTranslator } from '../oauth/callback-messages.js';
import type { Services } from '../services.js';

const MAX_TOKEN_LENGTH = 100;
/** Where the page loads the elements from (the script-tag bundle; see Services.connectPage). */
const CONNECT_BUNDLE_PATH = '/connect/assets/plugboard.js';

export function connectLinkRoutes(app: Hono<ServerEnv>, services: Services): void {
  const { connectLinks, publicUrl } = services;
  const prefix = new URL(publicUrl).pathname.replace(/\/+$/, '');
  const cookieScope = {
    path: `${prefix}/connect`,
    secure: new URL(publicUrl).protocol === 'https:',
  };
  const cookieName = (token: string) => `pb_link_${connectLinks.idOf(token) ?? 'invalid'}`;
  const tokenOf = (c: Context<ServerEnv>) => {
    const token = c.req.param('token') ?? '';
    return token.length <= MAX_TOKEN_LENGTH ? token : '';
  };
  const bundle = services.connectPage?.bundle;

  app.post('/v1/connect-links', requireSecretKey(services.secretKey), async (c) => {
    const request = assertBody<CreateConnectLinkRequest>(
      'CreateConnectLinkRequest',
      await readJson(c),
    );
    c.header('Cache-Control', 'no-store');
    return c.json(await connectLinks.create(request), 201);
  });

  app.get(CONNECT_BUNDLE_PATH, async (c) => {
    if (!bundle) throw new ApiError(404, 'not_found', 'This server serves no connect page.');
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(new Uint8Array(await bundle()));
  });

  app.get('/connect/:token', async (c) => {
    const t = await callbackTranslator(c.req.header('Accept-Language'));
    const token = tokenOf(c);
    const opening = await connectLinks.open(token, getCookie(c, cookieName(token)));
    const page =
      opening.state !== 'ready'
        ? renderLinkNotice(t, opening.state === 'invalid' ? 404 : 410, opening.state)
        : !bundle
          ? renderLinkNotice(t, 503, 'unavailable')
          : renderDialogPage(t, dialogInput(services, token, opening.link));
    if (opening.state === 'ready' && opening.bind) {
      setCookie(c, cookieName(token), opening.bind.value, {
        ...cookieScope,
        httpOnly: true,
        sameSite: 'Lax',
        maxAge: opening.bind.maxAgeSeconds,
      });
    }
    return c.body(page.html, page.status as 200, page.headers);
  });

  app.post('/connect/:token/session', async (c) => {
    const token = tokenOf(c);
    c.header('Cache-Control', 'no-store');
    return c.json(await connectLinks.session(token, getCookie(c, cookieName(token))), 201);
  });

  app.post('/connect/:token/complete', async (c) => {
    const token = tokenOf(c);
    const body = (await readJson(c)) as { connectionId?: unknown };
    if (typeof body?.connectionId !== 'string' || body.connectionId.length > 100) {
      throw new ApiError(400, 'bad_request', 'Send { "connectionId": "<id>" }.');
    }
    const returnUrl = await connectLinks.complete(
      token,
      getCookie(c, cookieName(token)),
      body.connectionId,
    );
    c.header('Cache-Control', 'no-store');
    return c.json({ returnUrl });
  });
}

function dialogInput(services: Services, token: string, link: ConnectLinkRecord) {
  const base = `${services.publicUrl}/connect/${token}`;
  return {
    bundleUrl: `${services.publicUrl}${CONNECT_BUNDLE_PATH}`,
    backendUrl: services.publicUrl,
    sessionUrl: `${base}/session`,
    completeUrl: `${base}/complete`,
    cancelUrl: services.connectLinks.cancelUrl(link),
    appName: link.app === null ? null : services.catalog.find(link.app).name,
    app: link.app,
    connectionId: link.connectionId,
  };
}
