// Binds the HTTP server before the application exists, so the public URL (and with it the OAuth
// redirect URI) is known when the rest is built. A busy port is reported as PortInUseError.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly host: string,
  ) {
    super(`Port ${port} on ${host} is already in use.`);
    this.name = 'PortInUseError';
  }
}

export interface Listener {
  port: number;
  setHandler(handler: RequestListener): void;
  close(): Promise<void>;
}

export function listen(port: number, host: string): Promise<Listener> {
  let handler: RequestListener = (_req, res) => {
    res.writeHead(503, { 'Retry-After': '1' }).end();
  };
  const server: Server = createServer((req, res) => handler(req, res));
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, host) : error);
    });
    server.listen(port, host, () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        setHandler: (next) => {
          handler = next;
        },
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
