// The host backend's endpoints (/v1/sessions, /v1/admin) take the secret key, nothing else.
import type { MockContext } from '../context.js';
import { bearerToken } from '../http/bearer.js';
import { problemResponse } from '../http/responses.js';

export function secretKeyProblem(
  ctx: MockContext,
  request: Request,
  requestId: string,
): Response | undefined {
  if (bearerToken(request) === ctx.secretKey) return undefined;
  return problemResponse(requestId, 401, 'unauthorized', 'This endpoint needs the secret key.');
}
