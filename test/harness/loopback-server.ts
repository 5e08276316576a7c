// What the small HTTP servers of the test and bench harnesses share: a free loopback port, JSON
// and file answers that are never cached, the host backend's session endpoint for test pages, and
// a close that does not wait for idle keep-alive connections.
import { readFile } from 'node:fs/promises';
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { HARNESS_PATHS } from './harness-paths.js';

export interface LoopbackServer {
  /** e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves `handler` on a free port of 127.0.0.1. */
export async function listenOnLoopback(handler: RequestListener): Promise<LoopbackServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

/** The request's path, without its query. */
export function pathOf(request: IncomingMessage): string {
  return new URL(request.url ?? '/', 'http://harness.invalid').pathname;
}

export function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
): void {
  if (response.headersSent) return void response.end();
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json', JSON.stringify(body));
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Answers the file at `path` inside `dir` (index.html for a folder); 404 outside it or missing. */
export async function sendFile(response: ServerResponse, dir: string, path: string): Promise<void> {
  const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
  if (!file.startsWith(normalize(dir) + sep)) return send(response, 404, 'text/plain', 'not found');
  try {
    const body = await readFile(file);
    send(response, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body);
  } catch {
    send(response, 404, 'text/plain', 'not found');
  }
}

/** Mints a session token for `userId`, allowed for the page's `origin` (the host backend's job). */
export type MintToken = (userId: string, origin: string) => Promise<string>;

/** Test pages on their own loopback origin. */
export interface PagesServer extends LoopbackServer {
  /** URL of a page, with query parameters. */
  url(page: string, params?: Record<string, string>): string;
}

/**
 * Serves test pages through `handler` and plays the host backend's session endpoint for them:
 * `?user=` → `{ token }` allowed for this server's origin (the secret key never reaches a page).
 */
export async function servePages(
  mintToken: MintToken,
  handler: RequestListener,
): Promise<PagesServer> {
  const server = await listenOnLoopback((request, response) => {
    if (pathOf(request) !== HARNESS_PATHS.session) return handler(request, response);
    void sendSession(request, response, server.origin, mintToken);
  });
  return {
    ...server,
    url(page, params = {}) {
      const url = new URL(page, `${server.origin}/`);
      for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
      return url.href;
    },
  };
}

async function sendSession(
  request: IncomingMessage,
  response: ServerResponse,
  origin: string,
  mintToken: MintToken,
): Promise<void> {
  const userId = new URL(request.url ?? '/', origin).searchParams.get('user');
  if (!userId) return sendJson(response, 400, { error: 'missing ?user=' });
  try {
    sendJson(response, 200, { token: await mintToken(userId, origin) });
  } catch (error) {
    sendJson(response, 500, { error: error instanceof Error ? error.message : String(error) });
  }
}
