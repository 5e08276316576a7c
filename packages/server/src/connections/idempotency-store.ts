// Idempotency-Key handling for POST /v1/connections: the first successful answer for a
// (user, key) is kept for a day and replayed for the same body; another body under the same key
// is then a conflict. Failures are not kept (as Stripe does): a retry recomputes them, and a user
// who corrects a field may resubmit under the same key. Concurrent requests with one key share
// the first one's in-flight work, whatever its outcome, instead of racing it.
import type { Db } from '../db/open-database.js';
import { ApiError } from '../http/api-error.js';

const RETENTION_MS = 24 * 60 * 60 * 1000;

export interface StoredAnswer {
  status: number;
  contentType: string;
  body: unknown;
}

interface KeyRow {
  request_hash: string;
  status: number;
  body: string;
}

const conflict = () =>
  new ApiError(
    409,
    'idempotency_conflict',
    'This Idempotency-Key was already used for another request.',
  );

export class IdempotencyStore {
  private readonly inFlight = new Map<
    string,
    { requestHash: string; answer: Promise<StoredAnswer> }
  >();

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  async run(
    userId: string,
    key: string,
    requestHash: string,
    produce: () => Promise<StoredAnswer>,
  ): Promise<StoredAnswer> {
    const slot = `${userId}\u0000${key}`;
    const pending = this.inFlight.get(slot);
    if (pending) {
      if (pending.requestHash !== requestHash) throw conflict();
      return pending.answer;
    }
    const stored = this.find(userId, key);
    if (stored) {
      if (stored.request_hash !== requestHash) throw conflict();
      return {
        status: stored.status,
        ...(JSON.parse(stored.body) as Omit<StoredAnswer, 'status'>),
      };
    }
    const answer = produce().then((result) => {
      if (result.status < 300) this.remember(userId, key, requestHash, result);
      return result;
    });
    this.inFlight.set(slot, { requestHash, answer });
    try {
      return await answer;
    } finally {
      this.inFlight.delete(slot);
    }
  }

  private find(userId: string, key: string): KeyRow | undefined {
    return this.db
      .prepare(
        'SELECT request_hash, status, body FROM idempotency_keys WHERE user_id = ? AND key = ? AND created_at > ?',
      )
      .get(userId, key, this.now() - RETENTION_MS) as KeyRow | undefined;
  }

  private remember(userId: string, key: string, requestHash: string, answer: StoredAnswer): void {
    this.db
      .prepare(
        `INSERT INTO idempotency_keys (user_id, key, request_hash, status, body, created_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (user_id, key) DO UPDATE SET request_hash = excluded.request_hash,
           status = excluded.status, body = excluded.body, created_at = excluded.created_at`,
      )
      .run(
        userId,
        key,
        requestHash,
        answer.status,
        JSON.stringify({ contentType: answer.contentType, body: answer.body }),
        this.now(),
      );
  }
}
