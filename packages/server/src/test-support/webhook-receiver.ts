// A host backend's webhook endpoint for tests: records every request (headers and exact body) and
// answers with what the test chooses (a status, or no answer at all).
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The status of the next answers; 'hang' never answers. Default 204. */
  answer: number | 'hang';
  /** Resolves once `count` requests arrived. */
  waitFor(count: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const waiters: Array<() => void> = [];
  const receiver: Omit<WebhookReceiver, 'url' | 'close'> = {
    received: [],
    answer: 204,
    waitFor: (count) =>
      new Promise((resolve) => {
        const check = () => {
          if (receiver.received.length >= count) resolve(receiver.received);
          else waiters.push(check);
        };
        check();
      }),
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      receiver.received.push({
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      for (const wake of waiters.splice(0)) wake();
      if (receiver.answer !== 'hang') response.writeHead(receiver.answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/webhooks/plugboard`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
