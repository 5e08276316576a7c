// POST /v1/sessions and /v1/sessions/revoke: the host backend, with its secret key.
import type { CreateSessionRequest, FieldError } from '@plugboard/contract';
import { http } from 'msw';
import { findApp, type MockContext } from '../context.js';
import { emptyResponse, jsonResponse, problemResponse, readJson } from '../http/responses.js';
import { mintSession, revokeToken } from '../state/sessions.js';
import { parseRevokeBody, parseSessionRequest } from '../validation/host-bodies.js';
import { isWebOrigin } from '../validation/origins.js';
import { secretKeyProblem } from './secret-key.js';

/** What the schema cannot say: origins must be bare web origins, apps must exist. */
function sessionRequestErrors(ctx: MockContext, request: CreateSessionRequest): FieldError[] {
  const origins = request.allowedOrigins
    .filter((origin) => !isWebOrigin(origin))
    .map<FieldError>((origin) => ({
      field: 'allowedOrigins',
      code: 'pattern',
      message: `"${origin}" is not an origin like https://app.example.com (no path, no trailing slash).`,
    }));
  const apps = (request.allowedApps ?? [])
    .filter((key) => !findApp(ctx, key))
    .map<FieldError>((key) => ({
      field: 'allowedApps',
      code: 'invalid_option',
      message: `There is no app "${key}".`,
    }));
  return [...origins, ...apps];
}

export function sessionHandlers(ctx: MockContext) {
  return [
    http.post(`${ctx.baseUrl}/v1/sessions`, async ({ request }) => {
      const requestId = ctx.ids.requestId();
      const refused = secretKeyProblem(ctx, request, requestId);
      if (refused) return refused;
      const parsed = parseSessionRequest(await readJson(request));
      if (!parsed.ok) return problemResponse(requestId, 400, 'bad_request', parsed.reason);
      const errors = sessionRequestErrors(ctx, parsed.value);
      if (errors.length > 0)
        return problemResponse(
          requestId,
          422,
          'validation_failed',
          'The session request is not valid.',
          { errors },
        );
      return jsonResponse(requestId, 201, mintSession(ctx, parsed.value), {
        'Cache-Control': 'no-store',
      });
    }),
    http.post(`${ctx.baseUrl}/v1/sessions/revoke`, async ({ request }) => {
      const requestId = ctx.ids.requestId();
      const refused = secretKeyProblem(ctx, request, requestId);
      if (refused) return refused;
      const parsed = parseRevokeBody(await readJson(request));
      if (!parsed.ok) return problemResponse(requestId, 400, 'bad_request', parsed.reason);
      revokeToken(ctx, parsed.value.token);
      return emptyResponse(requestId, 204);
    }),
  ];
}
