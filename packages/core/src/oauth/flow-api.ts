// The two backend calls of an OAuth flow: create it, and read its status (long-poll friendly).
import type { OAuthFlow, StartOAuthFlowRequest } from '@plugboard/contract';
import { PlugboardError } from '../errors.js';
import type { HttpClient } from '../http/http-client.js';
import { oauthFlowSchema, oauthFlowStartSchema } from '../http/schemas.js';
import { safeUrl } from '../url-policy.js';

/** The backend holds a long-poll this long (seconds) while the flow is pending. */
export const LONG_POLL_SECONDS = 25;
/** Extra time on top of the long-poll before the request itself times out. */
const LONG_POLL_MARGIN_MS = 10_000;

export interface CreatedFlow {
  readonly flowId: string;
  readonly authorizeUrl: URL;
}

export async function createFlow(
  http: HttpClient,
  body: StartOAuthFlowRequest,
  signal: AbortSignal,
): Promise<CreatedFlow> {
  const started = await http.requestData({
    method: 'POST',
    path: 'v1/oauth/flows',
    body,
    signal,
    schema: oauthFlowStartSchema,
  });
  // We are about to send the user there: only https (http on localhost) is acceptable.
  const authorizeUrl = safeUrl(started.authorizeUrl);
  if (!authorizeUrl) {
    throw new PlugboardError('malformed', 'The authorize URL is not an https URL.');
  }
  return { flowId: started.flowId, authorizeUrl };
}

export function readFlow(
  http: HttpClient,
  flowId: string,
  waitSeconds: number,
  signal: AbortSignal,
): Promise<OAuthFlow> {
  return http.requestData({
    path: `v1/oauth/flows/${encodeURIComponent(flowId)}`,
    query: { wait: waitSeconds },
    timeoutMs: waitSeconds * 1000 + LONG_POLL_MARGIN_MS,
    signal,
    schema: oauthFlowSchema,
  });
}
