// A connection's setup after sign-in: live options of a select step, saving the settings, and the
// check of a step.
import type { UpdateSettingsRequest } from '@plugboard/contract';
import type { Context, Hono } from 'hono';
import { ApiError } from '../http/api-error.js';
import { readJson } from '../http/json-body.js';
import { assertBody } from '../http/request-schemas.js';
import { currentSession, type ServerEnv } from '../http/server-env.js';
import type { Services } from '../services.js';
import { connectionId } from './connection-routes.js';

const STEP_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
const QUERY_MAX = 200;
const CURSOR_MAX = 2000;

function stepKey(c: Context<ServerEnv>): string {
  const key = c.req.param('stepKey') ?? '';
  if (!STEP_KEY.test(key)) throw new ApiError(404, 'not_found', 'There is no such setup step.');
  return key;
}

function boundedQuery(c: Context<ServerEnv>, name: string, max: number): string | undefined {
  const value = c.req.query(name);
  if (value !== undefined && value.length > max) {
    throw new ApiError(400, 'bad_request', `${name} may be at most ${max} characters.`);
  }
  return value || undefined;
}

export function setupRoutes(app: Hono<ServerEnv>, services: Services): void {
  const { setup } = services;

  app.get('/v1/connections/:connectionId/setup/:stepKey/options', async (c) => {
    const page = await setup.options(currentSession(c), connectionId(c), stepKey(c), {
      q: boundedQuery(c, 'q', QUERY_MAX),
      cursor: boundedQuery(c, 'cursor', CURSOR_MAX),
    });
    c.header('Cache-Control', 'no-store');
    return c.json(page);
  });

  app.post('/v1/connections/:connectionId/setup/:stepKey/verify', async (c) =>
    c.json(await setup.verify(currentSession(c), connectionId(c), stepKey(c))),
  );

  app.put('/v1/connections/:connectionId/settings', async (c) => {
    const request = assertBody<UpdateSettingsRequest>('UpdateSettingsRequest', await readJson(c));
    return c.json(await setup.save(currentSession(c), connectionId(c), request));
  });
}
