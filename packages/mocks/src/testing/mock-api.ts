// Test helper (not exported by the package): one msw server per test file, swapped between
// backends, and a `call` that fetches through it and checks the answer against the contract.
import { contractViolations } from '@plugboard/contract/validate-response';
import type { SetupServer } from 'msw/node';
import { createMockBackend, type MockBackend, type MockBackendOptions } from '../backend.js';
import { startMockServer } from '../node.js';

export const BASE_URL = 'http://plugboard.test/api';
export const TOKEN = 'session-token-for-tests';

export interface CallResult {
  status: number;
  headers: Headers;
  contentType: string | null;
  text: string;
  /** Parsed JSON, or the text when the body is not JSON. */
  body: unknown;
  readonly violations: string[];
}

export interface CallInit {
  body?: unknown;
  headers?: Record<string, string>;
  /** `null` sends no Authorization header. */
  token?: string | null;
}

let server: SetupServer | undefined;

/** A backend whose handlers are the only ones the shared server uses. */
export function useBackend(options: Partial<MockBackendOptions> = {}): MockBackend {
  const backend = createMockBackend({ baseUrl: BASE_URL, ...options });
  if (server) server.resetHandlers(...backend.handlers);
  else server = startMockServer(backend);
  return backend;
}

export function stopServer(): void {
  server?.close();
  server = undefined;
}

function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function call(
  operationId: string,
  method: string,
  path: string,
  init: CallInit = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...init.headers };
  const token = init.token === undefined ? TOKEN : init.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers,
    redirect: 'manual',
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  const body = parse(text);
  const contentType = response.headers.get('Content-Type');
  let violations: string[] | undefined;
  return {
    status: response.status,
    headers: response.headers,
    contentType,
    text,
    body,
    // Checked on first read: validation is the slow part, and behaviour tests rarely need it.
    get violations() {
      violations ??= contractViolations(operationId, response.status, contentType, body);
      return violations;
    },
  };
}

/** A fresh Idempotency-Key per call site. */
let keyCounter = 0;
export const newIdempotencyKey = () => `test-key-${String(++keyCounter).padStart(4, '0')}`;
