// Idempotency-Key semantics of POST /v1/connections: the same key with the same body replays the
// first answer, with another body it is a conflict, and without a key nothing is created.
import type { MockContext } from '../context.js';
import { problemAnswer, type Answer } from '../http/responses.js';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;

/** JSON with sorted keys, so `{a,b}` and `{b,a}` are the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Answers that a retry could change (throttling, outages) are not remembered. */
const isTransient = (status: number) => status === 429 || status >= 500;

export async function idempotent(
  ctx: MockContext,
  requestId: string,
  key: string | null,
  body: unknown,
  run: () => Answer,
): Promise<Answer> {
  if (key === null)
    return problemAnswer(
      requestId,
      400,
      'idempotency_key_required',
      'Send an Idempotency-Key header.',
    );
  if (!KEY_PATTERN.test(key))
    return problemAnswer(
      requestId,
      400,
      'bad_request',
      'Idempotency-Key: 8 to 100 of A-Z a-z 0-9 _ . : -',
    );
  const fingerprint = canonical(body);
  const stored = ctx.state.idempotency.get(key);
  if (stored) {
    if (stored.fingerprint !== fingerprint)
      return problemAnswer(
        requestId,
        409,
        'idempotency_conflict',
        'This key was used with another body.',
      );
    return {
      status: stored.status,
      body: stored.body,
      headers: { ...stored.headers, 'Idempotent-Replayed': 'true' },
    };
  }
  const answer = run();
  if (!isTransient(answer.status))
    ctx.state.idempotency.set(key, {
      fingerprint,
      status: answer.status,
      body: answer.body,
      headers: answer.headers ?? {},
    });
  return answer;
}
