// Starts the handlers in Node (tests) with msw/node. Unhandled requests fail loudly, so a test
// never reaches the real network by accident.
import { setupServer, type SetupServer } from 'msw/node';
import type { MockBackend } from './backend.js';
import { ensureMswNodeCompat } from './node-compat.js';

export { ensureMswNodeCompat };

export function startMockServer(backend: MockBackend): SetupServer {
  ensureMswNodeCompat();
  const server = setupServer(...backend.handlers);
  server.listen({ onUnhandledFrame: 'error' });
  return server;
}
