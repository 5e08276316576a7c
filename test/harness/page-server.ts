// Serves test/pages/ on its own loopback origin, compiling TypeScript entries on the fly with Vite,
// and plays the host product's backend for those pages: it tells them the Plugboard backend URL and
// mints their session tokens, as a real host backend would (the secret key never reaches the page).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer } from 'vite';
import { HARNESS_PATHS } from './harness-paths.js';

export interface PageServer {
  /** e.g. `http://127.0.0.1:41234`: the origin sessions must allow. */
  readonly origin: string;
  /** URL of a page under test/pages/, with query parameters. */
  url(page: string, params?: Record<string, string>): string;
  close(): Promise<void>;
}

export interface PageServerOptions {
  backendUrl: string;
  /** Mints a session token for `userId`, allowed for the page server's origin. */
  mintToken(userId: string, origin: string): Promise<string>;
}

const pagesDir = fileURLToPath(new URL('../pages/', import.meta.url));
const cacheDir = fileURLToPath(new URL('../../node_modules/.vite/e2e-pages', import.meta.url));

export async function startPageServer(options: PageServerOptions): Promise<PageServer> {
  const vite = await createViteServer({
    root: pagesDir,
    cacheDir,
    configFile: false,
    logLevel: 'warn',
    appType: 'mpa',
    server: { middlewareMode: true, hmr: false },
    resolve: { tsconfigPaths: true },
    // The pages import only ESM workspace sources: no pre-bundling, so no mid-test reloads.
    optimizeDeps: { noDiscovery: true, include: [] },
  });

  let origin = '';
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://page.invalid').pathname;
    if (path === HARNESS_PATHS.config)
      return sendJson(response, { backendUrl: options.backendUrl });
    if (path === HARNESS_PATHS.session) return sendSession(request, response);
    vite.middlewares(request, response);
  });

  async function sendSession(request: IncomingMessage, response: ServerResponse) {
    const userId = new URL(request.url ?? '/', origin).searchParams.get('user');
    if (!userId) return sendJson(response, { error: 'missing ?user=' }, 400);
    try {
      sendJson(response, { token: await options.mintToken(userId, origin) });
    } catch (error) {
      sendJson(response, { error: error instanceof Error ? error.message : String(error) }, 500);
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    url(page, params = {}) {
      const url = new URL(page, `${origin}/`);
      for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
      return url.href;
    },
    async close() {
      server.closeAllConnections();
      await Promise.all([
        vite.close(),
        new Promise<void>((resolve) => server.close(() => resolve())),
      ]);
    },
  };
}

function sendJson(response: ServerResponse, body: unknown, status = 200) {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
