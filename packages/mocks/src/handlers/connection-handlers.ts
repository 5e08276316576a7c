// /v1/connections: list, get, create (idempotent), update, delete and test.
import type { Connection, DisconnectResult } from '@plugboard/contract';
import { http } from 'msw';
import type { MockContext } from '../context.js';
import {
  jsonResponse,
  problemAnswer,
  problemResponse,
  readJson,
  toResponse,
  type Answer,
} from '../http/responses.js';
import { buildConnection, webhookSetupFor } from '../state/connection-factory.js';
import { addConnection, removeConnection, replaceConnection } from '../state/connections.js';
import type { MockSession } from '../state/mock-state.js';
import { allowsApp, currentSession } from '../state/sessions.js';
import { clip } from '../text.js';
import { APP_KEY_PATTERN, parseCreateBody, parsePatchBody } from '../validation/request-bodies.js';
import { checkCredentials } from './credential-check.js';
import { testAnswer } from './connection-test.js';
import { idempotent } from './idempotency.js';

function newestFirst(a: Connection, b: Connection): number {
  return b.createdAt.localeCompare(a.createdAt);
}

function createAnswer(
  ctx: MockContext,
  requestId: string,
  session: MockSession | undefined,
  body: unknown,
): Answer {
  const parsed = parseCreateBody(body);
  if (!parsed.ok) return problemAnswer(requestId, 400, 'bad_request', parsed.reason);
  const check = checkCredentials(ctx, requestId, session, parsed.value);
  if (!check.ok) return check.answer;
  const id = ctx.ids.connectionId();
  const connection = buildConnection({
    id,
    app: check.app.key,
    label: clip(parsed.value.label ?? check.label, 200),
    method: check.method.type,
    credentialHint: check.hint,
    fields: check.fields,
    setup: webhookSetupFor(check.app, id, ctx.baseUrl),
  });
  ctx.state.accounts.set(id, check.account);
  addConnection(ctx, connection);
  return { status: 201, body: connection };
}

function patchAnswer(
  ctx: MockContext,
  requestId: string,
  session: MockSession | undefined,
  current: Connection,
  body: unknown,
): Answer {
  const parsed = parsePatchBody(body);
  if (!parsed.ok) return problemAnswer(requestId, 400, 'bad_request', parsed.reason);
  const { label, method, fields } = parsed.value;
  if (method !== undefined && method !== current.method && fields === undefined)
    return problemAnswer(requestId, 400, 'bad_request', 'Changing the method needs its fields.');
  const now = new Date().toISOString();
  const updated: Connection = { ...current, updatedAt: now };
  if (fields !== undefined) {
    const check = checkCredentials(
      ctx,
      requestId,
      session,
      { app: current.app, method: method ?? current.method, fields },
      current,
    );
    if (!check.ok) return check.answer;
    const sameAccount = ctx.state.accounts.get(current.id) === check.account;
    Object.assign(updated, {
      method: check.method.type,
      credentialHint: check.hint,
      fields: check.fields,
      // Choices such as a channel belong to the account they were made in.
      settings: sameAccount ? current.settings : {},
      status: 'connected',
      lastError: null,
      lastTestedAt: now,
    });
    ctx.state.accounts.set(current.id, check.account);
  }
  if (label !== undefined) updated.label = label;
  replaceConnection(ctx, updated, 'edit');
  return { status: 200, body: updated };
}

export function connectionHandlers(ctx: MockContext) {
  const base = `${ctx.baseUrl}/v1/connections`;
  /** As on the real server, a session limited to some apps sees other apps' connections as absent. */
  const find = (request: Request, id: unknown) => {
    const session = currentSession(ctx, request);
    return ctx.state.connections.find(
      (connection) => connection.id === id && allowsApp(session, connection.app),
    );
  };
  const notFound = (requestId: string) =>
    problemResponse(requestId, 404, 'not_found', 'No such connection.');
  return [
    http.get(base, ({ request }) => {
      const requestId = ctx.ids.requestId();
      const app = new URL(request.url).searchParams.get('app');
      if (app !== null && !APP_KEY_PATTERN.test(app))
        return problemResponse(requestId, 400, 'bad_request', 'app is not an app key.');
      const session = currentSession(ctx, request);
      const items = ctx.state.connections
        .filter((connection) => app === null || connection.app === app)
        .filter((connection) => allowsApp(session, connection.app))
        .sort(newestFirst);
      return jsonResponse(requestId, 200, { items });
    }),
    http.post(base, async ({ request }) => {
      const requestId = ctx.ids.requestId();
      const body = await readJson(request);
      const answer = await idempotent(
        ctx,
        requestId,
        request.headers.get('Idempotency-Key'),
        body,
        () => createAnswer(ctx, requestId, currentSession(ctx, request), body),
      );
      return toResponse(requestId, answer);
    }),
    http.get(`${base}/:id`, ({ request, params }) => {
      const requestId = ctx.ids.requestId();
      const connection = find(request, params.id);
      return connection ? jsonResponse(requestId, 200, connection) : notFound(requestId);
    }),
    http.patch(`${base}/:id`, async ({ request, params }) => {
      const requestId = ctx.ids.requestId();
      const connection = find(request, params.id);
      if (!connection) return notFound(requestId);
      return toResponse(
        requestId,
        patchAnswer(
          ctx,
          requestId,
          currentSession(ctx, request),
          connection,
          await readJson(request),
        ),
      );
    }),
    http.delete(`${base}/:id`, ({ request, params }) => {
      const requestId = ctx.ids.requestId();
      const connection = find(request, params.id);
      if (!connection) return notFound(requestId);
      const result = disconnectResult(ctx, connection);
      removeConnection(ctx, connection);
      return jsonResponse(requestId, 200, result);
    }),
    http.post(`${base}/:id/test`, ({ request, params }) => {
      const requestId = ctx.ids.requestId();
      const connection = find(request, params.id);
      return connection
        ? jsonResponse(requestId, 200, testAnswer(ctx, requestId, connection))
        : notFound(requestId);
    }),
  ];
}

/** Like the reference server: OAuth grants are revoked at the service, keys are the user's. */
function disconnectResult(ctx: MockContext, connection: Connection): DisconnectResult {
  if (connection.method !== 'oauth2') return { revocation: 'not_supported' };
  if (!ctx.state.failNextRevocation) return { revocation: 'revoked' };
  ctx.state.failNextRevocation = false;
  const app = ctx.state.appsByKey.get(connection.app)?.name ?? connection.app;
  return {
    revocation: 'failed',
    message: `${app} did not confirm that it withdrew access. To be sure, remove the access in your ${app} account settings.`,
  };
}
