// GET /v1/apps, GET /v1/apps/{appKey} (ETag-cacheable), the generated logos, and the admin
// endpoint that switches an app's provider health.
import type { ProviderHealth } from '@plugboard/contract';
import type { Context, Hono } from 'hono';
import { DEFAULT_PAGE_SIZE } from '../catalog/catalog-service.js';
import { renderLogoSvg } from '../catalog/logo-svg.js';
import { sha256 } from '../crypto/random.js';
import { ApiError, notFound } from '../http/api-error.js';
import { requireSecretKey } from '../http/auth.js';
import { readJson } from '../http/json-body.js';
import { assertBody } from '../http/request-schemas.js';
import { currentSession, type ServerEnv } from '../http/server-env.js';
import type { Services } from '../services.js';

const APP_KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;

function pageLimit(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PAGE_SIZE;
  const limit = Number(raw);
  if (!/^\d+$/.test(raw) || limit < 1 || limit > 1000) {
    throw new ApiError(400, 'bad_request', 'limit must be an integer from 1 to 1000.');
  }
  return limit;
}

function boundedQuery(c: Context, name: string, maxLength: number): string | undefined {
  const value = c.req.query(name);
  if (value !== undefined && value.length > maxLength) {
    throw new ApiError(400, 'bad_request', `${name} is longer than ${maxLength} characters.`);
  }
  return value || undefined;
}

/** Answers JSON with a strong ETag, or 304 when the client already has this version. */
function cacheableJson(c: Context<ServerEnv>, body: unknown): Response {
  const json = JSON.stringify(body);
  const etag = `"${sha256(json).slice(0, 32)}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', 'private, no-cache');
  c.header('Vary', 'Authorization', { append: true });
  const ifNoneMatch = c.req.header('If-None-Match');
  if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    return c.body(null, 304);
  }
  c.header('Content-Type', 'application/json');
  return c.body(json, 200);
}

export function catalogRoutes(app: Hono<ServerEnv>, services: Services): void {
  const { catalog } = services;

  app.get('/v1/apps', (c) => {
    const page = catalog.list(currentSession(c), {
      q: boundedQuery(c, 'q', 200),
      category: boundedQuery(c, 'category', 100),
      cursor: boundedQuery(c, 'cursor', 200),
      limit: pageLimit(c.req.query('limit')),
    });
    return cacheableJson(c, page);
  });

  app.get('/v1/apps/:appKey', (c) =>
    cacheableJson(c, catalog.get(currentSession(c), c.req.param('appKey'))),
  );

  app.put('/v1/admin/apps/:appKey/health', requireSecretKey(services.secretKey), async (c) => {
    const health = assertBody<ProviderHealth>('ProviderHealth', await readJson(c));
    return c.json(await catalog.setHealth(c.req.param('appKey'), health));
  });

  app.get('/logos/:file', (c) => {
    const key = /^(.+)\.svg$/.exec(c.req.param('file'))?.[1];
    if (!key || !APP_KEY.test(key)) throw notFound('The logo');
    const svg = renderLogoSvg(catalog.find(key));
    return c.body(svg, 200, {
      'Content-Type': 'image/svg+xml',
      'Cache-Control': 'public, max-age=86400',
      'Content-Security-Policy': "default-src 'none'",
      // Logos are shown by pages on other origins.
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
  });
}
