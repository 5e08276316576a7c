// Serves test/pages/ on its own loopback origin, compiling TypeScript entries on the fly with Vite,
// and plays the host product's backend for those pages: it tells them the Plugboard backend URL and
// mints their session tokens, as a real host backend would (the secret key never reaches the page).
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer } from 'vite';
import { HARNESS_PATHS } from './harness-paths.js';
import {
  pathOf,
  sendJson,
  servePages,
  type MintToken,
  type PagesServer,
} from './loopback-server.js';

/** test/pages/ on its own origin (the origin sessions must allow). */
export type PageServer = PagesServer;

export interface PageServerOptions {
  backendUrl: string;
  /** Mints a session token for `userId`, allowed for the page server's origin. */
  mintToken: MintToken;
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

  const server = await servePages(options.mintToken, (request, response) => {
    if (pathOf(request) === HARNESS_PATHS.config)
      return sendJson(response, 200, { backendUrl: options.backendUrl });
    vite.middlewares(request, response);
  });
  return {
    ...server,
    async close() {
      await Promise.all([vite.close(), server.close()]);
    },
  };
}
