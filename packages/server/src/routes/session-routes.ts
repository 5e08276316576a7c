// POST /v1/sessions and /v1/sessions/revoke: the host backend, with its secret key.
import type { CreateSessionRequest, FieldError } from '@plugboard/contract';
import type { Hono } from 'hono';
import { ApiError } from '../http/api-error.js';
import { requireSecretKey } from '../http/auth.js';
import { readJson } from '../http/json-body.js';
import { assertBody } from '../http/request-schemas.js';
import type { ServerEnv } from '../http/server-env.js';
import type { Services } from '../services.js';
import { isBareOrigin } from '../sessions/origins.js';

function sessionRequestErrors(
  request: CreateSessionRequest,
  knownApp: (key: string) => boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const origin of request.allowedOrigins) {
    if (!isBareOrigin(origin)) {
      errors.push({
        field: 'allowedOrigins',
        code: 'pattern',
        message: `"${origin}" is not an origin like https://app.example.com (no path, no trailing slash).`,
      });
    }
  }
  for (const key of request.allowedApps ?? []) {
    if (!knownApp(key)) {
      errors.push({
        field: 'allowedApps',
        code: 'invalid_option',
        message: `There is no app "${key}".`,
      });
    }
  }
  return errors;
}

export function sessionRoutes(app: Hono<ServerEnv>, services: Services): void {
  const secretKeyOnly = requireSecretKey(services.secretKey);

  app.post('/v1/sessions', secretKeyOnly, async (c) => {
    const request = assertBody<CreateSessionRequest>('CreateSessionRequest', await readJson(c));
    const errors = sessionRequestErrors(request, (key) => {
      try {
        services.catalog.find(key);
        return true;
      } catch {
        return false;
      }
    });
    if (errors.length > 0) {
      throw new ApiError(422, 'validation_failed', 'The session request is not valid.', { errors });
    }
    c.header('Cache-Control', 'no-store');
    return c.json(await services.sessions.create(request), 201);
  });

  app.post('/v1/sessions/revoke', secretKeyOnly, async (c) => {
    const body = (await readJson(c)) as { token?: unknown };
    if (typeof body?.token !== 'string' || body.token.length > 200) {
      throw new ApiError(400, 'bad_request', 'Send { "token": "<session token>" }.');
    }
    await services.sessions.revoke(body.token);
    return c.body(null, 204);
  });
}
