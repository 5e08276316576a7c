// The test pages served from another origin whose documents send
// `Cross-Origin-Opener-Policy: same-origin`, as a host product may. A small proxy in front of the
// page server: it adds the header to HTML responses and mints session tokens for its own origin.
// (Fulfilling the page through Playwright's routing would drop the response's IP address space,
// and Chromium's local-network checks would then block the page's requests to the backend.)
import { request as forward } from 'node:http';
import { sendJson, servePages, type MintToken } from './loopback-server.js';
import type { PageServer } from './page-server.js';

export async function startOpenerPolicyHost(
  pageServer: PageServer,
  mintToken: MintToken,
): Promise<PageServer> {
  const target = new URL(pageServer.origin);
  return servePages(mintToken, (request, response) => {
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
}
