// The session check every widget request passes first, with the real server's answers: no token
// or an unknown (revoked) one is 401 `unauthorized`, an expired one 401 `session_expired`, and a
// browser Origin the session does not list 403 `forbidden_origin`.
import type { ProblemCode } from '@plugboard/contract';
import type { MockContext } from '../context.js';
import { bearerToken } from '../http/bearer.js';
import { problemResponse } from '../http/responses.js';
import { lookupSession } from '../state/sessions.js';

export function sessionProblem(ctx: MockContext, request: Request): Response | undefined {
  const token = bearerToken(request);
  const fail = (status: number, code: ProblemCode, detail: string) =>
    problemResponse(ctx.ids.requestId(), status, code, detail);
  if (token === null) return fail(401, 'unauthorized', 'Send the session token as a Bearer token.');
  const lookup = lookupSession(ctx, token);
  if (lookup.state === 'expired')
    return fail(401, 'session_expired', 'The session has expired; get a new token.');
  if (lookup.state === 'unknown') return fail(401, 'unauthorized', 'Unknown session token.');
  if (lookup.state !== 'valid') return undefined;
  // Browsers always send Origin on these cross-origin calls; server-side callers may omit it.
  const origin = request.headers.get('Origin');
  if (origin !== null && !lookup.session.allowedOrigins.includes(origin))
    return fail(403, 'forbidden_origin', 'This origin is not allowed for the session.');
  return undefined;
}
