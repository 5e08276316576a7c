// The test pages served from another origin whose documents send
// `Cross-Origin-Opener-Policy: same-origin`, as a host product may. A small proxy in front of the
// page server: it adds the header to HTML responses and mints session tokens for its own origin.
// (Fulfilling the page through Playwright's routing would drop the response's IP address space,
// and Chromium's local-network checks would then block the page's requests to the backend.)
import {
  createServer,
  request as forward,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { HARNESS_PATHS } from './harness-paths.js';
import type { PageServer } from './page-server.js';

export async function startOpenerPolicyHost(
  pageServer: PageServer,
  mintToken: (userId: string, origin: string) => Promise<string>,
): Promise<PageServer> {
  const target = new URL(pageServer.origin);
  let origin = '';

  async function sendSession(request: IncomingMessage, response: ServerResponse) {
    const userId = new URL(request.url ?? '/', origin).searchParams.get('user');
    if (!userId) return sendJson(response, 400, { error: 'missing ?user=' });
    sendJson(response, 200, { token: await mintToken(userId, origin) });
  }

  const server = createServer((request, response) => {
    if (new URL(request.url ?? '/', origin).pathname === HARNESS_PATHS.session) {
      sendSession(request, response).catch(() => sendJson(response, 500, { error: 'mint failed' }));
      return;
    }
    const upstream = forward(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, host: target.host },
      },
      (answer) => {
        const headers = { ...answer.headers };
        if (String(headers['content-type']).startsWith('text/html')) {
          headers['cross-origin-opener-policy'] = 'same-origin';
        }
        response.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => sendJson(response, 502, { error: 'page server unreachable' }));
    request.pipe(upstream);
  });

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
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  if (response.headersSent) return response.end();
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
