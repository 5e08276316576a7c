// Records everything the browser context sends and receives (the page and every popup): URLs,
// request bodies, response headers and bodies where the browser still has them, and console
// lines. The secrets tests search this record for values that must never reach the browser.
import type { BrowserContext, Request, Response } from '@playwright/test';

export interface RecordedRequest {
  readonly url: string;
  readonly method: string;
  readonly body: string | null;
}

export interface RecordedResponse {
  readonly url: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  /** null when the browser dropped it (redirects, a popup that closed before it was read). */
  readonly body: string | null;
}

export interface Traffic {
  readonly requests: readonly RecordedRequest[];
  readonly responses: readonly RecordedResponse[];
  readonly console: readonly string[];
  /** Waits for the response bodies still being read. */
  settled(): Promise<void>;
}

export function recordTraffic(context: BrowserContext): Traffic {
  const requests: RecordedRequest[] = [];
  const responses: RecordedResponse[] = [];
  const consoleLines: string[] = [];
  const pending = new Set<Promise<void>>();

  context.on('request', (request: Request) => {
    requests.push({ url: request.url(), method: request.method(), body: request.postData() });
  });
  context.on('response', (response: Response) => {
    const read = readResponse(response).then((recorded) => {
      responses.push(recorded);
      pending.delete(read);
    });
    pending.add(read);
  });
  context.on('console', (message) => consoleLines.push(message.text()));

  return {
    requests,
    responses,
    console: consoleLines,
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}

async function readResponse(response: Response): Promise<RecordedResponse> {
  const body = await response.text().catch(() => null);
  return {
    url: response.url(),
    status: response.status(),
    headers: await response.allHeaders().catch(() => response.headers()),
    body,
  };
}

/** Every place of the record where `needle` occurs, as short descriptions (empty: nowhere). */
export function findInResponses(traffic: Traffic, needle: string): string[] {
  return traffic.responses.flatMap((response) => {
    const places: string[] = [];
    if (response.url.includes(needle)) places.push(`response URL ${response.url}`);
    if (JSON.stringify(response.headers).includes(needle))
      places.push(`response headers of ${response.url}`);
    if (response.body?.includes(needle)) places.push(`response body of ${response.url}`);
    return places;
  });
}

export function findInUrls(traffic: Traffic, needle: string): string[] {
  return traffic.requests
    .filter((request) => request.url.includes(needle))
    .map((request) => `request URL ${request.method} ${request.url}`);
}
