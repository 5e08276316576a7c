// A host product's backend, reduced to what Plugboard needs: it serves the page and mints a
// short-lived session token for the signed-in user with the platform's secret key. The secret key
// stays here, on the server; the browser only ever sees the session token.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

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

/** The route the widget's `data-session-url` (or `fetchSessionToken`) calls. */
export const SESSION_ROUTE = '/api/plugboard-session';

/**
 * Starts a host server on `port` (0 = a free port).
 * @param {{ root: string, port?: number, host?: string, plugboardUrl: string, secretKey: string,
 *   userId?: string, headers?: Record<string, string>, files?: Record<string, string>,
 *   mounts?: Record<string, string>, placeholders?: Record<string, string> }} options
 *   HTML pages get `{{PLUGBOARD_URL}}` replaced by `plugboardUrl`.
 *   `files` maps extra URL paths to files (e.g. the Plugboard bundle); `headers` are added to every
 *   page (e.g. a Content-Security-Policy).
 */
export async function startHostServer(options) {
  const {
    root,
    port = 0,
    host = '127.0.0.1',
    plugboardUrl,
    secretKey,
    userId = 'demo-end-user',
  } = options;
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://host.invalid');
      if (
        url.pathname === SESSION_ROUTE &&
        (request.method === 'GET' || request.method === 'POST')
      ) {
        await mintSession(request, response, { plugboardUrl, secretKey, userId });
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
  return {
    url: `${origin}/`,
    origin,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function mintSession(request, response, { plugboardUrl, secretKey, userId }) {
  // The page's own origin is the only one the token will be good for.
  const origin = request.headers.origin ?? `http://${request.headers.host}`;
  const minted = await fetch(new URL('/v1/sessions', plugboardUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ userId, allowedOrigins: [origin] }),
  });
  const body = await minted.text();
  response
    .writeHead(minted.status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    .end(body);
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
