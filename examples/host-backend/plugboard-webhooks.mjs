// DEMO ONLY: how a host backend receives Plugboard's webhooks (docs/events.md). They follow the
// Standard Webhooks specification, so any of its libraries verifies them (`standardwebhooks` on
// npm); this is the whole check by hand, with node:crypto only:
//   1. the signature: `webhook-signature` holds `v1,<base64>` entries; one must equal the base64
//      HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{raw body}` under the key, which is the
//      base64-decoded part of the `whsec_…` secret;
//   2. the timestamp: within five minutes of now, so a captured request cannot be replayed later;
//   3. the id: retries repeat it, so an id already handled is acknowledged and not handled again.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The route the backend is configured to post to (PB_HOST_WEBHOOK_URL). */
export const WEBHOOK_ROUTE = '/api/plugboard-webhooks';

const TOLERANCE_SECONDS = 5 * 60;
const MAX_BODY_BYTES = 256 * 1024;
const REMEMBERED_IDS = 10_000;

/**
 * Checks one delivery; returns the parsed event, or the reason it is refused.
 * @param {string} secret `whsec_…`
 * @param {Record<string, string | string[] | undefined>} headers
 * @param {string} body the raw body, exactly as received
 * @param {number} nowSeconds
 * @returns {{ ok: true, event: { type: string, timestamp: string, data: Record<string, unknown> } } | { ok: false, reason: string }}
 */
function verifyPlugboardWebhook(secret, headers, body, nowSeconds = Date.now() / 1000) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string') {
    return { ok: false, reason: 'missing webhook-id, webhook-timestamp or webhook-signature' };
  }
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > TOLERANCE_SECONDS) {
    return { ok: false, reason: 'the timestamp is too far from now' };
  }
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  const matches = signatures.split(' ').some((entry) => {
    const [version, signature = ''] = entry.split(',');
    const given = Buffer.from(signature, 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) return { ok: false, reason: 'the signature does not match' };
  return { ok: true, event: JSON.parse(body) };
}

/**
 * Answers POST WEBHOOK_ROUTE: 204 for a verified delivery (handled once per id), 401 otherwise.
 * `onEvent` is where a real host acts: e-mail the user the `reconnectUrl` of a
 * connection.needs_reauth, mark the integration broken, and so on. This demo logs it.
 * @param {{ secret: string, onEvent: (event: object, id: string) => void }} options
 */
export function createWebhookHandler(options) {
  /** Ids already handled, oldest first (a real host keeps them in its database). */
  const seen = new Set();
  return async (request, response) => {
    if (request.method !== 'POST') {
      response.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    let body = '';
    for await (const chunk of request) {
      body += chunk;
      if (body.length > MAX_BODY_BYTES) {
        response.writeHead(413).end();
        return;
      }
    }
    const verified = verifyPlugboardWebhook(options.secret, request.headers, body);
    if (!verified.ok) {
      process.stderr.write(`[host] refused a Plugboard webhook: ${verified.reason}\n`);
      response.writeHead(401, { 'content-type': 'text/plain' }).end(verified.reason);
      return;
    }
    const id = String(request.headers['webhook-id']);
    if (!seen.has(id)) {
      seen.add(id);
      if (seen.size > REMEMBERED_IDS) seen.delete(seen.values().next().value);
      options.onEvent(verified.event, id);
    }
    response.writeHead(204).end();
  };
}

/** The demo's log line for one event (no secrets are in it: the backend never sends any). */
export function logWebhook(event, id) {
  const { userId, app, connectionId, status, reconnectUrl } = event.data;
  const parts = [`[host] webhook ${event.type}`, `id=${id}`, `user=${userId}`, `app=${app}`];
  parts.push(`connection=${connectionId}`);
  if (status) parts.push(`status=${status}`);
  if (reconnectUrl) parts.push(`reconnect=${reconnectUrl}`);
  process.stdout.write(`${parts.join(' ')}\n`);
}
