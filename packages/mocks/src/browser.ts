// Starts the handlers in a browser through MSW's service worker (served at /mockServiceWorker.js:
// copy it with `npx msw init <public dir>`).
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { MockBackend } from './backend.js';

export interface MockWorkerOptions {
  /** Where the worker script is served. Default `/mockServiceWorker.js`. */
  serviceWorkerUrl?: string;
  /** Log every mocked request in the console. Default false. */
  verbose?: boolean;
}

export async function startMockWorker(
  backend: MockBackend,
  options: MockWorkerOptions = {},
): Promise<SetupWorker> {
  const worker = setupWorker(...backend.handlers);
  await worker.start({
    quiet: !options.verbose,
    // Requests outside the backend (the page's own assets) go to the network untouched.
    onUnhandledFrame: 'bypass',
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
  });
  return worker;
}
