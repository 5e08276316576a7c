// Answers a page's Plugboard requests from @plugboard/mocks' `hostile-catalog` scenario, through
// page.route (no service worker): every string the backend sends is a hostile payload. Two fields
// the scenario leaves benign are made hostile here too, from the same payload list: each
// connection's `setup.webhookUrl` and `lastError.requestId` (payload i for app `hostile-i`).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { createMockBackend, hostilePayloads, type MockBackend } from '@plugboard/mocks';
import { ensureMswNodeCompat } from '@plugboard/mocks/node';

type GetResponse = (
  handlers: MockBackend['handlers'],
  request: Request,
) => Promise<Response | undefined>;

// msw is the mocks package's dependency, not the harness's: load the very copy the mocks use.
const mocksPackage = join(import.meta.dirname, '../../packages/mocks/package.json');
const mswEntry = pathToFileURL(createRequire(mocksPackage).resolve('msw')).href;

export async function serveHostileBackend(page: Page, baseUrl: string): Promise<MockBackend> {
  ensureMswNodeCompat();
  const { getResponse } = (await import(mswEntry)) as { getResponse: GetResponse };
  const backend = createMockBackend({ baseUrl, scenario: 'hostile-catalog' });
  await page.route(`${baseUrl}/**`, async (route) => {
    const request = route.request();
    const method = request.method();
    const response = await getResponse(
      backend.handlers,
      new Request(request.url(), {
        method,
        headers: await request.allHeaders(),
        body: method === 'GET' || method === 'HEAD' ? undefined : request.postData(),
      }),
    );
    if (!response) return route.fulfill({ status: 404 });
    const headers = Object.fromEntries(response.headers);
    const isJson = headers['content-type']?.includes('json') ?? false;
    const body = isJson ? hostileConnectionFields(await response.text()) : await response.text();
    await route.fulfill({ status: response.status, headers, body });
  });
  return backend;
}

/** Puts payloads into the connection fields the scenario leaves benign, wherever they occur. */
function hostileConnectionFields(json: string): string {
  if (json === '') return json;
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (value === null || typeof value !== 'object') return value;
    const record = Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, visit(inner)]),
    );
    const index = /^hostile-(\d+)$/.exec(String(record.app ?? ''))?.[1];
    if (index === undefined) return record;
    const payload = hostilePayloads[Number(index)]!;
    const setup = record.setup as { webhookUrl?: string } | null | undefined;
    if (setup?.webhookUrl) setup.webhookUrl = payload;
    const lastError = record.lastError as { requestId?: string } | null | undefined;
    if (lastError) lastError.requestId = payload;
    return record;
  };
  return JSON.stringify(visit(JSON.parse(json)));
}
