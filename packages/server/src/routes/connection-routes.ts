// The end user's connections: list, create (idempotent, rate-limited), read, update, delete, test.
import type { CreateConnectionRequest, UpdateConnectionRequest } from '@plugboard/contract';
import type { Context, Hono } from 'hono';
import type { IdempotentWork } from '../connections/idempotency-store.js';
import { ApiError } from '../http/api-error.js';
import { readJson } from '../http/json-body.js';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../http/problem-response.js';
import { assertBody } from '../http/request-schemas.js';
import { currentSession, type ServerEnv } from '../http/server-env.js';
import type { SessionRecord } from '../sessions/session-record.js';
import type { Services } from '../services.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,100}$/;
const CONNECTION_ID = /^con_[A-Za-z0-9]{8,40}$/;

/** JSON with sorted keys, so the same body always gives the same digest. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function connectionId(c: Context<ServerEnv>): string {
  const id = c.req.param('connectionId') ?? '';
  if (!CONNECTION_ID.test(id))
    throw new ApiError(404, 'not_found', 'The connection was not found.');
  return id;
}

export function connectionRoutes(app: Hono<ServerEnv>, services: Services): void {
  const { connections } = services;

  /**
   * A create as idempotent work: checked with the service first, then committed together with
   * the key's answer. Problems become answers too, so requests waiting on the key share them.
   */
  const createWork = (
    c: Context<ServerEnv>,
    session: SessionRecord,
    request: CreateConnectionRequest,
  ): IdempotentWork => ({
    prepare: async () => {
      const commit = await connections.prepareCreate(session, request);
      return async (trx) => ({
        status: 201,
        contentType: 'application/json',
        body: await commit(trx),
      });
    },
    answerFor: (error) => {
      if (!(error instanceof ApiError)) return undefined;
      const body = problemBody(error, c.get('requestId'), new URL(c.req.url).pathname);
      return { status: error.status, contentType: PROBLEM_CONTENT_TYPE, body };
    },
  });

  app.get('/v1/connections', async (c) => {
    const appKey = c.req.query('app') || undefined;
    c.header('Cache-Control', 'no-store');
    return c.json({ items: await connections.list(currentSession(c), appKey) });
  });

  app.post('/v1/connections', async (c) => {
    const session = currentSession(c);
    const key = c.req.header('Idempotency-Key');
    if (!key) {
      throw new ApiError(
        400,
        'idempotency_key_required',
        'Send an Idempotency-Key header with each create.',
      );
    }
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw new ApiError(
        400,
        'bad_request',
        'The Idempotency-Key must be 8–100 letters, digits or _.:-',
      );
    }
    const body = await readJson(c);
    const request = assertBody<CreateConnectionRequest>('CreateConnectionRequest', body);
    const answer = await services.idempotency.run(
      session.userId,
      key,
      services.requestDigest(canonicalJson(body)),
      createWork(c, session, request),
    );
    const retryAfter = (answer.body as { retryAfter?: number }).retryAfter;
    if (retryAfter !== undefined) c.header('Retry-After', String(retryAfter));
    c.header('Content-Type', answer.contentType);
    return c.body(JSON.stringify(answer.body), answer.status as 201);
  });

  app.get('/v1/connections/:connectionId', async (c) =>
    c.json(await connections.get(currentSession(c), connectionId(c))),
  );

  app.patch('/v1/connections/:connectionId', async (c) => {
    const session = currentSession(c);
    const id = connectionId(c);
    const patch = assertBody<UpdateConnectionRequest>('UpdateConnectionRequest', await readJson(c));
    return c.json(await connections.update(session, id, patch));
  });

  app.delete('/v1/connections/:connectionId', async (c) =>
    c.json(await connections.remove(currentSession(c), connectionId(c))),
  );

  app.post('/v1/connections/:connectionId/test', async (c) =>
    c.json(await connections.test(currentSession(c), connectionId(c), c.get('requestId'))),
  );
}
