// GET /v1/apps (search, category, cursor pages, ETag → 304) and GET /v1/apps/{appKey}.
import { http } from 'msw';
import {
  catalogPage,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
} from '../catalog/catalog-page.js';
import { appForSession } from '../catalog/session-apps.js';
import type { MockContext } from '../context.js';
import { emptyResponse, jsonResponse, problemResponse, toResponse } from '../http/responses.js';
import { allowsApp, currentSession } from '../state/sessions.js';
import { contentHash } from '../text.js';

function etagOf(body: unknown): string {
  return `"${contentHash(JSON.stringify(body))}"`;
}

/** `If-None-Match` may list several tags, or `*`. */
function matchesEtag(request: Request, etag: string): boolean {
  const header = request.headers.get('If-None-Match');
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim().replace(/^W\//, '');
    return trimmed === '*' || trimmed === etag;
  });
}

function parseLimit(raw: string | null): number | undefined {
  if (raw === null) return DEFAULT_PAGE_SIZE;
  if (!/^\d{1,4}$/.test(raw)) return undefined;
  const limit = Number(raw);
  return limit >= 1 && limit <= MAX_PAGE_SIZE ? limit : undefined;
}

export function catalogHandlers(ctx: MockContext) {
  return [
    http.get(`${ctx.baseUrl}/v1/apps`, ({ request }) => {
      const requestId = ctx.ids.requestId();
      const params = new URL(request.url).searchParams;
      const q = params.get('q') ?? '';
      const category = params.get('category') ?? '';
      const cursor = params.get('cursor');
      const offset = cursor === null ? 0 : decodeCursor(cursor);
      const limit = parseLimit(params.get('limit'));
      if (q.length > 200 || category.length > 100)
        return problemResponse(requestId, 400, 'bad_request', 'q or category is too long.');
      if (offset === undefined)
        return problemResponse(requestId, 400, 'bad_request', 'Unknown cursor.');
      if (limit === undefined)
        return problemResponse(
          requestId,
          400,
          'bad_request',
          `limit must be 1 to ${MAX_PAGE_SIZE}.`,
        );
      const session = currentSession(ctx, request);
      const page = catalogPage(ctx.state, (app) => allowsApp(session, app.key), {
        q,
        category,
        offset,
        limit,
      });
      const etag = etagOf(page);
      if (matchesEtag(request, etag)) return emptyResponse(requestId, 304, { ETag: etag });
      return jsonResponse(requestId, 200, page, { ETag: etag });
    }),
    http.get(`${ctx.baseUrl}/v1/apps/:appKey`, ({ request, params }) => {
      const requestId = ctx.ids.requestId();
      const key = String(params.appKey);
      // Catalog keys all match the AppKey pattern, so a malformed key is simply not found.
      const found = appForSession(ctx, requestId, currentSession(ctx, request), key);
      if (!found.ok) return toResponse(requestId, found.answer);
      const etag = etagOf(found.app);
      if (matchesEtag(request, etag)) return emptyResponse(requestId, 304, { ETag: etag });
      return jsonResponse(requestId, 200, found.app, { ETag: etag });
    }),
  ];
}
