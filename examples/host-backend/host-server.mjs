// DEMO ONLY: a host product's backend reduced to what Plugboard needs, for the examples and the
// tests. It serves the pages and mints short-lived session tokens with the platform's secret key
// (which stays here, on the server; the browser only ever sees the session token).
//
// It has no sign-in of its own: every visitor gets a token for ONE configured demo user. A real
// host mints the token for the user of its own signed-in session: see `signedInUser` below, the
// one place to change. Never deploy this file as it is.
//
// Given `webhookSecret`, it also receives Plugboard's signed webhooks at WEBHOOK_ROUTE, verifies
// them and logs each event (plugboard-webhooks.mjs).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { WEBHOOK_ROUTE, createWebhookHandler, logWebhook } from './plugboard-webhooks.mjs';

export { WEBHOOK_ROUTE } from './plugboard-webhooks.mjs';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
  '.ico': 'image/x-icon',
};

/** The route the widget's `data-session-url` (or `fetchSessionToken`) calls, with POST. */
export const SESSION_ROUTE = '/api/plugboard-session';

/**
 * Starts a host server on `port` (0 = a free port).
 * @param {{ root: string, port?: number, host?: string, plugboardUrl: string, secretKey: string,
 *   userId?: string, allowedOrigins?: string[], headers?: Record<string, string>,
 *   files?: Record<string, string>, mounts?: Record<string, string>,
 *   placeholders?: Record<string, string>, webhookSecret?: string,
 *   onWebhook?: (event: object, id: string) => void }} options
 *   `userId`: the demo user every token is for. `allowedOrigins`: the origins the pages are served
 *   from, which the tokens are good for (default: this server's own origin).
 *   HTML pages get `{{PLUGBOARD_URL}}` replaced by `plugboardUrl`.
 *   `files` maps extra URL paths to files (e.g. the Plugboard bundle); `headers` are added to every
 *   page (e.g. a Content-Security-Policy). `webhookSecret` (`whsec_…`, the backend's
 *   PB_HOST_WEBHOOK_SECRET) turns on WEBHOOK_ROUTE; `onWebhook` receives each verified event
 *   (default: a log line on stdout).
 */
export async function startHostServer(options) {
  const { root, port = 0, host = '127.0.0.1', plugboardUrl, secretKey } = options;
  /** Filled in once listening: the origins come from configuration, never from a request. */
  let allowedOrigins = [];
  const receiveWebhook = options.webhookSecret
    ? createWebhookHandler({
        secret: options.webhookSecret,
        onEvent: options.onWebhook ?? logWebhook,
      })
    : undefined;
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://host.invalid');
      if (url.pathname === WEBHOOK_ROUTE && receiveWebhook) {
        await receiveWebhook(request, response);
        return;
      }
      if (url.pathname === SESSION_ROUTE) {
        await answerSessionRequest(request, response, {
          plugboardUrl,
          secretKey,
          allowedOrigins,
          userId: signedInUser(request, options),
        });
        return;
      }
      await serveFile(url.pathname, response, root, options);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' }).end('Internal error');
      process.stderr.write(`[host] ${error instanceof Error ? error.message : String(error)}\n`);
    }
  });
  await listen(server, port, host);
  const address = server.address();
  const origin = `http://${host === '127.0.0.1' ? 'localhost' : host}:${address.port}`;
  allowedOrigins = options.allowedOrigins ?? [origin];
  return {
    url: `${origin}/`,
    origin,
    // A browser may hold a connection it opened ahead and never used: close() alone waits for it.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * THE place a real host plugs in its own sign-in: look up the user of the request's session
 * (your session cookie, your framework's `req.user`…) and return their stable id, or null when
 * nobody is signed in (the endpoint then answers 401). This demo has no sign-in, so every
 * visitor is the one configured demo user.
 * @param {import('node:http').IncomingMessage} _request
 * @param {{ userId?: string }} options
 * @returns {string | null}
 */
function signedInUser(_request, options) {
  return options.userId ?? 'demo-end-user';
}

/**
 * POST only: minting a session has an effect, and a GET could be sent by any link or image on
 * another site. A POST from a page of another origin is refused as well (a browser always sends
 * Origin with a POST); the token is only ever good for the configured origins.
 */
async function answerSessionRequest(request, response, options) {
  const send = (status, body, headers = {}) =>
    response
      .writeHead(status, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
        ...headers,
      })
      .end(JSON.stringify(body));
  if (request.method !== 'POST') return send(405, { error: 'Use POST.' }, { allow: 'POST' });
  const origin = request.headers.origin;
  if (origin !== undefined && !options.allowedOrigins.includes(origin)) {
    return send(403, { error: 'This origin may not ask for a session.' });
  }
  if (options.userId === null) return send(401, { error: 'Sign in first.' });
  const minted = await fetch(new URL('/v1/sessions', options.plugboardUrl), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${options.secretKey}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ userId: options.userId, allowedOrigins: options.allowedOrigins }),
  });
  response
    .writeHead(minted.status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    .end(await minted.text());
}

async function serveFile(pathname, response, root, options) {
  const mapped = options.files?.[pathname];
  const mount = Object.entries(options.mounts ?? {}).find(([prefix]) =>
    pathname.startsWith(prefix),
  );
  const base = mount ? mount[1] : root;
  const relative = mount ? pathname.slice(mount[0].length - 1) : pathname;
  let file = mapped ?? join(base, normalize(decodeURIComponent(relative)));
  if (!mapped && !file.startsWith(base + sep) && file !== base) {
    response.writeHead(403).end();
    return;
  }
  if (!mapped && (await isDirectory(file))) file = join(file, 'index.html');
  let body;
  try {
    body = await readFile(file);
    // Pages are rendered "server-side" the cheap way: `{{NAME}}` placeholders are filled in here.
    if (extname(file) === '.html') body = fillPlaceholders(body.toString('utf8'), options);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  response
    .writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      ...options.headers,
    })
    .end(body);
}

function fillPlaceholders(html, options) {
  const values = { PLUGBOARD_URL: options.plugboardUrl, ...options.placeholders };
  return html.replaceAll(/\{\{([A-Z_]+)\}\}/g, (match, name) => values[name] ?? match);
}

async function isDirectory(path) {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', (error) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new Error(`port ${port} on ${host} is already in use; set another port (see README)`),
        );
      } else reject(error);
    });
    server.listen(port, host, () => resolve());
  });
}
