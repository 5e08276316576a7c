// Test helpers: a reference stack on loopback with an in-memory database (or a fresh schema of the
// test PostgreSQL, see test-database.ts) and captured logs, and a client that checks every response
// against the contract before handing it to the test.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { contractViolations } from '@plugboard/contract/validate-response';
import { mintSession, type MintSessionInput } from '../mint-session.js';
import {
  startReferenceStack,
  type ReferenceStack,
  type ReferenceStackOptions,
} from '../reference-stack.js';
import { freshTestDatabaseUrl } from './test-database.js';

export const ORIGIN = 'http://localhost:5173';
export const OTHER_ORIGIN = 'http://evil.example';
export const TEST_SECRET_KEY = 'sk_test_reference_suite_key';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface TestStack {
  stack: ReferenceStack;
  /** The PostgreSQL URL (schema included) when the suite runs on PostgreSQL. */
  databaseUrl: string | undefined;
  /** Every log line the server wrote. */
  logs: string[];
  /** Every response body the tests received, for the "no secret leaks" checks. */
  responses: string[];
  /** Moves the server's clock forward. */
  advanceClock(ms: number): void;
  session(input?: Partial<MintSessionInput>): Promise<string>;
  /** Closes this stack and starts another on the same database with some options changed. */
  restartWith(options: ReferenceStackOptions): Promise<TestStack>;
  /** Calls the API and asserts the response matches `operationId` in the contract. */
  call<T = unknown>(operationId: string, path: string, init?: CallInit): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

export interface CallInit {
  method?: string;
  token?: string;
  origin?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export async function startTestStack(options: ReferenceStackOptions = {}): Promise<TestStack> {
  const logs: string[] = [];
  const responses: string[] = [];
  let offset = 0;
  const databaseUrl = options.databaseUrl ?? (await freshTestDatabaseUrl());
  const stack = await startReferenceStack({
    dbPath: ':memory:',
    ...(databaseUrl && { databaseUrl, encryptionKey: randomBytes(32).toString('base64') }),
    secretKey: TEST_SECRET_KEY,
    logSink: (line) => logs.push(line),
    now: () => Date.now() + offset,
    // Background checks would call the provider at moments no test chose; their tests turn them on.
    checks: false,
    ...options,
  });
  return {
    stack,
    databaseUrl,
    logs,
    responses,
    async restartWith(changes) {
      await stack.close();
      return startTestStack({ ...options, ...(databaseUrl && { databaseUrl }), ...changes });
    },
    advanceClock: (ms) => {
      offset += ms;
    },
    session: async (input = {}) =>
      (await mintSession(stack, { userId: 'user-1', allowedOrigins: [ORIGIN], ...input })).token,
    async call<T>(operationId: string, path: string, init: CallInit = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.token) headers.Authorization = `Bearer ${init.token}`;
      if (init.origin !== null) headers.Origin = init.origin ?? ORIGIN;
      if (init.body !== undefined) headers['Content-Type'] ??= 'application/json';
      const response = await fetch(`${stack.url}${path}`, {
        method: init.method ?? 'GET',
        headers,
        body:
          init.body === undefined
            ? undefined
            : typeof init.body === 'string'
              ? init.body
              : JSON.stringify(init.body),
        redirect: 'manual',
      });
      const text = await response.text();
      responses.push(text);
      const type = response.headers.get('Content-Type');
      const body = type?.includes('json') ? (JSON.parse(text) as T) : (text as T);
      assert.deepEqual(
        contractViolations(operationId, response.status, type, text === '' ? undefined : body),
        [],
        `${init.method ?? 'GET'} ${path} → ${response.status} ${text.slice(0, 300)}`,
      );
      assert.ok(response.headers.get('X-Request-Id'), 'every response carries X-Request-Id');
      return { status: response.status, headers: response.headers, body, text };
    },
    close: () => stack.close(),
  };
}

/** A fresh Idempotency-Key. */
export function idempotencyKey(): string {
  return `test-${crypto.randomUUID()}`;
}
