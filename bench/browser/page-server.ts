// A static server for the browser benchmark on a free loopback port: a blank page, the in-page
// probe, the bundles under test and the generated catalog. Nothing is cached, so every fresh
// browser context downloads, parses and compiles the bundles again.
import {
  listenOnLoopback,
  pathOf,
  send,
  sendFile,
  type LoopbackServer,
} from '../../test/harness/loopback-server.js';

export type PageServer = LoopbackServer;

export interface PageServerOptions {
  /** Served under /bundles/. */
  bundlesDir: string;
  /** The in-page probe, compiled to a browser module; served as /probe.js. */
  probeSource: string;
  /** Generated catalogs by size, each served as /apps-<size>.json. */
  catalogs: ReadonlyMap<number, string>;
}

// The probe is a module script, so the load event that page.goto() waits for comes after it ran.
const BLANK_PAGE =
  '<!doctype html><html lang="en"><title>bench</title>' +
  '<script type="module" src="/probe.js"></script><body></body></html>';

export function startPageServer(options: PageServerOptions): Promise<PageServer> {
  return listenOnLoopback((request, response) => {
    const path = pathOf(request);
    if (path === '/') return send(response, 200, 'text/html', BLANK_PAGE);
    if (path === '/probe.js') return send(response, 200, 'text/javascript', options.probeSource);
    const catalog = /^\/apps-(\d+)\.json$/.exec(path);
    if (catalog) {
      const json = options.catalogs.get(Number(catalog[1]));
      if (json) return send(response, 200, 'application/json', json);
    }
    if (!path.startsWith('/bundles/')) return send(response, 404, 'text/plain', 'not found');
    void sendFile(response, options.bundlesDir, path.slice('/bundles/'.length));
  });
}
