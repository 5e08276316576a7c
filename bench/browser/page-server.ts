// A static server for the browser benchmark on a free loopback port: a blank page, the in-page
// probe, the bundles under test and the generated catalog. Nothing is cached, so every fresh
// browser context downloads, parses and compiles the bundles again.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';

export interface PageServer {
  readonly origin: string;
  close(): Promise<void>;
}

export interface PageServerOptions {
  /** Served under /bundles/. */
  bundlesDir: string;
  /** The in-page probe, compiled to a browser module; served as /probe.js. */
  probeSource: string;
  /** Served as /apps.json. */
  appsJson: string;
}

// The probe is a module script, so the load event that page.goto() waits for comes after it ran.
const BLANK_PAGE =
  '<!doctype html><html lang="en"><title>bench</title>' +
  '<script type="module" src="/probe.js"></script><body></body></html>';

export async function startPageServer(options: PageServerOptions): Promise<PageServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://bench.invalid').pathname;
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (path === '/') return send(200, 'text/html', BLANK_PAGE);
    if (path === '/probe.js') return send(200, 'text/javascript', options.probeSource);
    if (path === '/apps.json') return send(200, 'application/json', options.appsJson);
    const file = normalize(join(options.bundlesDir, path.replace(/^\/bundles\//, '')));
    if (!path.startsWith('/bundles/') || !file.startsWith(options.bundlesDir))
      return send(404, 'text/plain', 'not found');
    readFile(file).then(
      (body) => send(200, 'text/javascript', body),
      () => send(404, 'text/plain', 'not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
