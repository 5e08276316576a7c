// Component-test support (not part of the package build): one MSW worker per test page, pointed
// at a fresh mock backend per test, and a fresh Plugboard configuration for it.
import { configure, resetConfiguration } from '@plugboard/core';
import { createMockBackend, type MockBackend, type MockBackendOptions } from '@plugboard/mocks';
import { startMockWorker } from '@plugboard/mocks/browser';

/** The base URL stories and component tests configure the widgets with. */
export const MOCK_BASE_URL = 'https://api.plugboard.test';

let worker: Awaited<ReturnType<typeof startMockWorker>> | undefined;

/** Serves `scenario` for the next test and configures every element to use it. */
export async function useMockBackend(
  options: Partial<MockBackendOptions> = {},
): Promise<MockBackend> {
  const backend = createMockBackend({ baseUrl: MOCK_BASE_URL, ...options });
  if (worker) worker.resetHandlers(...backend.handlers);
  else worker = await startMockWorker(backend);
  resetConfiguration();
  configure({ backendUrl: MOCK_BASE_URL, sessionToken: 'test-session-token' });
  return backend;
}

/** No backend at all: elements given static data must work like this. */
export function useNoBackend(): void {
  resetConfiguration();
}

/** The requests the backend saw whose path starts with `path` (e.g. '/v1/apps'). */
export function requestsTo(backend: MockBackend, path: string): number {
  return backend.store.requests.filter((request) => new URL(request.url).pathname.startsWith(path))
    .length;
}
