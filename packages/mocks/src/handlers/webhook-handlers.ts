// POST /v1/hooks/{hookId}: a service delivering an event to a connection's webhook URL.
import { http } from 'msw';
import type { MockContext } from '../context.js';
import { emptyResponse, problemResponse } from '../http/responses.js';
import { connectionForHook, recordWebhookEvent } from '../state/webhooks.js';

export function webhookHandlers(ctx: MockContext) {
  return [
    http.post(`${ctx.baseUrl}/v1/hooks/:hookId`, ({ params }) => {
      const requestId = ctx.ids.requestId();
      const connection = connectionForHook(ctx, String(params.hookId));
      if (!connection) return problemResponse(requestId, 404, 'not_found', 'No such webhook.');
      recordWebhookEvent(ctx, connection);
      return emptyResponse(requestId, 202);
    }),
  ];
}
