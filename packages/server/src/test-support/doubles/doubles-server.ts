// Serves the doubles on their real host names over HTTPS: one TLS server with a leaf certificate
// for every double's hosts (from a throwaway CA), reachable two ways:
// - as an HTTPS proxy (CONNECT) for the server under test (HTTPS_PROXY + NODE_EXTRA_CA_CERTS, or
//   undici's dispatcher configured in-process);
// - directly on its own port for a browser told `--host-resolver-rules=MAP slack.com 127.0.0.1:PORT`.
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { EnvHttpProxyAgent } from 'undici';
import { createTlsAuthority, type TlsAuthority } from './tls-authority.js';
import { hostMatches, type ServiceDouble } from './service-double.js';

export interface DoublesServer {
  /** `http://127.0.0.1:PORT`: an HTTPS proxy (CONNECT) in front of the doubles. */
  proxyUrl: string;
  /** Port of the TLS server itself, for a browser's host-resolver rules. */
  httpsPort: number;
  tls: TlsAuthority;
  /** Every host pattern served. */
  hosts: string[];
  /** An undici dispatcher that reaches the doubles through the proxy, trusting the test CA. */
  dispatcher(): EnvHttpProxyAgent;
  /** Requests seen, newest last: `METHOD https://host/path`. */
  log: string[];
  close(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

export async function startDoublesServer(
  doubles: readonly ServiceDouble[],
): Promise<DoublesServer> {
  const hosts = [...new Set(doubles.flatMap((double) => double.hosts))];
  const tls = createTlsAuthority(hosts);
  const log: string[] = [];
  const https = createHttpsServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      const url = new URL(req.url ?? '/', `https://${host}`);
      log.push(`${req.method} ${url.origin}${url.pathname}`);
      const double = doubles.find((candidate) =>
        candidate.hosts.some((pattern) => hostMatches(host, pattern)),
      );
      const request = {
        method: req.method ?? 'GET',
        url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      Promise.resolve(double?.handle(request))
        .then((reply) => {
          if (!reply) {
            res
              .writeHead(404, { 'Content-Type': 'text/plain' })
              .end(`No route ${req.method} ${url.pathname} on ${host}`);
            return;
          }
          const headers = { ...reply.headers };
          let body = reply.text ?? '';
          if (reply.json !== undefined) {
            headers['Content-Type'] ??= 'application/json; charset=utf-8';
            body = JSON.stringify(reply.json);
          } else if (reply.html !== undefined) {
            headers['Content-Type'] ??= 'text/html; charset=utf-8';
            body = reply.html;
          } else if (reply.text !== undefined) {
            headers['Content-Type'] ??= 'text/plain; charset=utf-8';
          }
          res.writeHead(reply.status, headers).end(body);
        })
        .catch((error: unknown) => {
          res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
        });
    });
  });
  const proxy = createHttpServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (_req, socket: Socket) => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    https.emit('connection', socket);
  });
  const [httpsPort, proxyPort] = await Promise.all([listen(https), listen(proxy)]);
  const proxyUrl = `http://127.0.0.1:${proxyPort}`;
  return {
    proxyUrl,
    httpsPort,
    tls,
    hosts,
    log,
    dispatcher: () =>
      new EnvHttpProxyAgent({
        httpsProxy: proxyUrl,
        httpProxy: proxyUrl,
        noProxy: '',
        requestTls: { ca: tls.ca },
        connect: { ca: tls.ca },
      }),
    close: async () => {
      https.closeAllConnections();
      proxy.closeAllConnections();
      await Promise.all([
        new Promise((resolve) => https.close(resolve)),
        new Promise((resolve) => proxy.close(resolve)),
      ]);
      tls.dispose();
    },
  };
}
