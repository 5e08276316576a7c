// Fixed-window counters in the database, so every instance counts into the same window: N
// instances behind a balancer allow the limit once, not N times. One upsert per hit.
import type { Db } from '../db/schema.js';

export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

export class RateCounter {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  /** Counts one hit on `key` in the current window and says whether it is within `limit`. */
  async hit(key: string, limit: number, windowMs: number): Promise<RateDecision> {
    const now = this.now();
    const windowStart = now - (now % windowMs);
    const windowEnd = windowStart + windowMs;
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, window_start: windowStart, count: 1, expires_at: windowEnd })
      .onConflict((conflict) =>
        conflict
          .columns(['key', 'window_start'])
          .doUpdateSet((eb) => ({ count: eb('rate_limits.count', '+', 1) })),
      )
      .returning('count')
      .executeTakeFirstOrThrow();
    return {
      allowed: row.count <= limit,
      retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now) / 1000)),
    };
  }
}
