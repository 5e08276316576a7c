// POST /v1/hooks/{hookId}: a service delivering an event to a connection's webhook URL. As on the
// real server, the delivery must carry what the app's service authenticates it with
// (@plugboard/contract/webhook-signatures): the basic auth of `setup.webhookAuth` is checked; for
// signing services the mock keeps no secrets, so it checks only that the signature header is there.
import type { Connection } from '@plugboard/contract';
import { webhookSignatureOf, type WebhookSignature } from '@plugboard/contract/webhook-signatures';
import { http } from 'msw';
import type { MockContext } from '../context.js';
import { emptyResponse, problemResponse } from '../http/responses.js';
import { connectionForHook, recordWebhookEvent } from '../state/webhooks.js';

const SIGNATURE_HEADERS: Record<Exclude<WebhookSignature['scheme'], 'basic_auth'>, string> = {
  stripe: 'stripe-signature',
  shopify: 'x-shopify-hmac-sha256',
  slack: 'x-slack-signature',
};

function isAuthentic(connection: Connection, request: Request): boolean {
  const signature = webhookSignatureOf(connection.app);
  if (!signature) return true;
  if (signature.scheme !== 'basic_auth')
    return request.headers.has(SIGNATURE_HEADERS[signature.scheme]);
  const auth = connection.setup?.webhookAuth;
  if (!auth) return false;
  const expected = `Basic ${btoa(`${auth.username}:${auth.password}`)}`;
  return request.headers.get('authorization') === expected;
}

export function webhookHandlers(ctx: MockContext) {
  return [
    http.post(`${ctx.baseUrl}/v1/hooks/:hookId`, ({ request, params }) => {
      const requestId = ctx.ids.requestId();
      const connection = connectionForHook(ctx, String(params.hookId));
      if (!connection) return problemResponse(requestId, 404, 'not_found', 'No such webhook.');
      if (!isAuthentic(connection, request))
        return problemResponse(
          requestId,
          401,
          'unauthorized',
          'This delivery does not carry the authentication the service sends with its webhooks.',
        );
      recordWebhookEvent(ctx, connection);
      return emptyResponse(requestId, 202);
    }),
  ];
}
