// Shape checks for the host backend's request bodies (CreateSessionRequest, the revoke body and
// ProviderHealth), answering with the reason a 400 `bad_request` carries.
import type { CreateSessionRequest, HealthStatus, ProviderHealth } from '@plugboard/contract';
import { isPlainObject } from '../http/responses.js';
import { APP_KEY_PATTERN, unexpectedKeys, type Parsed } from './request-bodies.js';

/** The contract's default session lifetime. */
const DEFAULT_SESSION_TTL_SECONDS = 1800;

const HEALTH_STATUSES: readonly HealthStatus[] = ['operational', 'degraded', 'down'];

const isStringList = (value: unknown, maxItems: number): value is string[] =>
  Array.isArray(value) &&
  value.length <= maxItems &&
  value.every((item) => typeof item === 'string');

const invalid = (reason: string) => ({ ok: false as const, reason });

export function parseSessionRequest(body: unknown): Parsed<CreateSessionRequest> {
  if (!isPlainObject(body)) return invalid('The body must be a JSON object.');
  const extra = unexpectedKeys(body, ['userId', 'allowedOrigins', 'allowedApps', 'ttlSeconds']);
  if (extra.length > 0) return invalid(`Unexpected properties: ${extra.join(', ')}.`);
  const { userId, allowedOrigins, allowedApps, ttlSeconds } = body;
  if (typeof userId !== 'string' || userId.length < 1 || userId.length > 200)
    return invalid('userId must be a string of 1 to 200 characters.');
  if (
    !isStringList(allowedOrigins, 20) ||
    allowedOrigins.length === 0 ||
    allowedOrigins.some((origin) => origin.length > 300)
  )
    return invalid('allowedOrigins must list 1 to 20 origins.');
  if (
    allowedApps !== undefined &&
    !(isStringList(allowedApps, Infinity) && allowedApps.every((key) => APP_KEY_PATTERN.test(key)))
  )
    return invalid('allowedApps must list app keys.');
  if (
    ttlSeconds !== undefined &&
    !(
      Number.isInteger(ttlSeconds) &&
      (ttlSeconds as number) >= 60 &&
      (ttlSeconds as number) <= 86400
    )
  )
    return invalid('ttlSeconds must be an integer from 60 to 86400.');
  return {
    ok: true,
    value: {
      userId,
      allowedOrigins,
      ...(allowedApps === undefined ? {} : { allowedApps: allowedApps as string[] }),
      ttlSeconds: (ttlSeconds as number | undefined) ?? DEFAULT_SESSION_TTL_SECONDS,
    },
  };
}

export function parseRevokeBody(body: unknown): Parsed<{ token: string }> {
  if (!isPlainObject(body) || typeof body.token !== 'string' || body.token.length > 200)
    return invalid('Send { "token": "<session token>" }.');
  return { ok: true, value: { token: body.token } };
}

export function parseHealthBody(body: unknown): Parsed<ProviderHealth> {
  if (!isPlainObject(body)) return invalid('The body must be a JSON object.');
  const extra = unexpectedKeys(body, ['status', 'message']);
  if (extra.length > 0) return invalid(`Unexpected properties: ${extra.join(', ')}.`);
  const { status, message } = body;
  if (!HEALTH_STATUSES.includes(status as HealthStatus))
    return invalid(`status must be one of ${HEALTH_STATUSES.join(', ')}.`);
  if (message !== undefined && (typeof message !== 'string' || message.length > 500))
    return invalid('message must be a string of at most 500 characters.');
  return {
    ok: true,
    value: {
      status: status as HealthStatus,
      ...(message === undefined ? {} : { message: message as string }),
    },
  };
}
