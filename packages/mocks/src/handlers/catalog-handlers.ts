// GET /v1/apps (search, category, cursor pages, ETag → 304) and GET /v1/apps/{appKey}.
import { http } from 'msw';
import { toSummary } from '../catalog/app-summary.js';
import {
  catalogPage,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
} from '../catalog/catalog-page.js';
import { findApp, type MockContext } from '../context.js';
import { emptyResponse, jsonResponse, problemResponse } from '../http/responses.js';
import { contentHash } from '../text.js';
import { APP_KEY_PATTERN } from '../validation/request-bodies.js';

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
      const summaries = ctx.state.catalog.map(toSummary);
      const page = catalogPage(summaries, { q, category, offset, limit });
      const etag = etagOf(page);
      if (matchesEtag(request, etag)) return emptyResponse(requestId, 304, { ETag: etag });
      return jsonResponse(requestId, 200, page, { ETag: etag });
    }),
    http.get(`${ctx.baseUrl}/v1/apps/:appKey`, ({ request, params }) => {
      const requestId = ctx.ids.requestId();
      const key = String(params.appKey);
      const app = APP_KEY_PATTERN.test(key) ? findApp(ctx, key) : undefined;
      if (!app)
        return problemResponse(requestId, 404, 'not_found', `No app "${key.slice(0, 64)}".`);
      const etag = etagOf(app);
      if (matchesEtag(request, etag)) return emptyResponse(requestId, 304, { ETag: etag });
      return jsonResponse(requestId, 200, app, { ETag: etag });
    }),
  ];
}
