// PUT /v1/admin/apps/{appKey}/health: the host backend (secret key) sets a provider's health,
// which the catalog then reports and which gates connecting (`down` → 503).
import { http } from 'msw';
import { findApp, type MockContext } from '../context.js';
import { jsonResponse, problemResponse, readJson } from '../http/responses.js';
import { setAppHealth } from '../state/app-health.js';
import { parseHealthBody } from '../validation/host-bodies.js';
import { APP_KEY_PATTERN } from '../validation/request-bodies.js';
import { secretKeyProblem } from './secret-key.js';

export function adminHandlers(ctx: MockContext) {
  return [
    http.put(`${ctx.baseUrl}/v1/admin/apps/:appKey/health`, async ({ request, params }) => {
      const requestId = ctx.ids.requestId();
      const refused = secretKeyProblem(ctx, request, requestId);
      if (refused) return refused;
      const parsed = parseHealthBody(await readJson(request));
      if (!parsed.ok) return problemResponse(requestId, 400, 'bad_request', parsed.reason);
      const key = String(params.appKey);
      const app = APP_KEY_PATTERN.test(key) ? findApp(ctx, key) : undefined;
      if (!app) return problemResponse(requestId, 404, 'not_found', 'The app was not found.');
      return jsonResponse(requestId, 200, setAppHealth(ctx, app, parsed.value));
    }),
  ];
}
