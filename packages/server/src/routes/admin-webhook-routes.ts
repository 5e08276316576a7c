// GET /v1/admin/webhook-deliveries (secret key): the webhooks sent to the host backend, newest
// first, each with its attempts.
import type { HostWebhookDelivery, HostWebhookEvent } from '@plugboard/contract';
import type { Hono } from 'hono';
import type { HostWebhookStatus } from '../db/schema.js';
import type { DeliveryWithAttempts } from '../host-webhooks/host-webhook-repository.js';
import { ApiError } from '../http/api-error.js';
import { requireSecretKey } from '../http/auth.js';
import type { ServerEnv } from '../http/server-env.js';
import type { Services } from '../services.js';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;
const STATUSES: readonly HostWebhookStatus[] = ['pending', 'delivered', 'failed'];

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

function toWire({ delivery, attempts }: DeliveryWithAttempts): HostWebhookDelivery {
  return {
    id: delivery.id,
    type: delivery.type as HostWebhookDelivery['type'],
    status: delivery.status,
    createdAt: iso(delivery.created_at)!,
    nextAttemptAt: delivery.status === 'pending' ? iso(delivery.next_attempt_at) : null,
    deliveredAt: iso(delivery.delivered_at),
    payload: JSON.parse(delivery.payload) as HostWebhookEvent,
    attempts: attempts.map((attempt) => ({
      attempt: attempt.attempt,
      at: iso(attempt.at)!,
      statusCode: attempt.status_code,
      error: attempt.error,
      durationMs: attempt.duration_ms,
    })),
  };
}

function offsetFrom(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new ApiError(400, 'bad_request', 'The cursor is not valid.');
  return Number(match[1]);
}

function limitFrom(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_LIMIT;
  const limit = Number(raw);
  if (!/^\d+$/.test(raw) || limit < 1 || limit > MAX_LIMIT) {
    throw new ApiError(400, 'bad_request', `limit must be an integer from 1 to ${MAX_LIMIT}.`);
  }
  return limit;
}

function statusFrom(raw: string | undefined): HostWebhookStatus | undefined {
  if (raw === undefined) return undefined;
  if (!STATUSES.includes(raw as HostWebhookStatus)) {
    throw new ApiError(400, 'bad_request', `status must be one of ${STATUSES.join(', ')}.`);
  }
  return raw as HostWebhookStatus;
}

export function adminWebhookRoutes(app: Hono<ServerEnv>, services: Services): void {
  app.get('/v1/admin/webhook-deliveries', requireSecretKey(services.secretKey), async (c) => {
    const offset = offsetFrom(c.req.query('cursor'));
    const limit = limitFrom(c.req.query('limit'));
    const page = await services.hostWebhooks.list({
      status: statusFrom(c.req.query('status')),
      offset,
      limit,
    });
    const next = offset + page.items.length;
    c.header('Cache-Control', 'no-store');
    return c.json({
      items: page.items.map(toWire),
      nextCursor: next < page.total ? Buffer.from(`o:${next}`).toString('base64url') : null,
      total: page.total,
    });
  });
}
