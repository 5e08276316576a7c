// What one user, session or app may use, checked against counters shared by every instance:
// - credential submissions (create, update with new credentials) per session and per user, so
//   minting fresh sessions does not reset the count, and per app across all users, Tests
//   included, which protects the service behind it;
// - Tests per user per minute;
// - pending OAuth flows per user;
// - long-polls a session holds open at once.
import { randomId } from '../crypto/random.js';
import type { Db } from '../db/schema.js';
import { ApiError } from '../http/api-error.js';
import type { SessionRecord } from '../sessions/session-record.js';
import { RateCounter, type RateDecision } from './rate-counter.js';

const MINUTE_MS = 60_000;

export interface LimitSettings {
  /** Credential submissions per session and per user per minute (default 10). */
  credentialAttemptsPerMinute: number;
  /** Credential submissions and Tests per app per minute, all users together (default 3000). */
  appAttemptsPerMinute: number;
  /** Tests per user per minute (default 30). */
  testsPerMinute: number;
  /** Setup calls to the service (options pages, searches, checks) per user per minute (default 120). */
  setupCallsPerMinute: number;
  /** OAuth flows a user may have pending at once (default 10). */
  pendingFlowsPerUser: number;
  /** Long-polls (`?wait=` > 0) a session may hold open at once (default 4). */
  longPollsPerSession: number;
}

export const DEFAULT_LIMITS: LimitSettings = {
  credentialAttemptsPerMinute: 10,
  appAttemptsPerMinute: 3000,
  testsPerMinute: 30,
  setupCallsPerMinute: 120,
  pendingFlowsPerUser: 10,
  longPollsPerSession: 4,
};

function tooMany(retryAfterSeconds: number, detail: string): ApiError {
  return new ApiError(429, 'rate_limited', detail, { retryAfter: retryAfterSeconds });
}

const WAIT_A_MOMENT = 'Too many attempts. Wait a moment, then try again.';

export class UsageLimits {
  private readonly counter: RateCounter;

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
    private readonly settings: LimitSettings,
  ) {
    this.counter = new RateCounter(db, now);
  }

  /** Counts a credential submission; 429 when the session, the user or the app is over. */
  async credentialAttempt(session: SessionRecord, appKey: string): Promise<void> {
    const perUser = this.settings.credentialAttemptsPerMinute;
    await this.enforce([
      this.counter.hit(`credentials:session:${session.id}`, perUser, MINUTE_MS),
      this.counter.hit(`credentials:user:${session.userId}`, perUser, MINUTE_MS),
      this.counter.hit(`app:${appKey}`, this.settings.appAttemptsPerMinute, MINUTE_MS),
    ]);
  }

  /** Counts a Test; 429 when the user tests too often or the app is over its limit. */
  async test(session: SessionRecord, appKey: string): Promise<void> {
    await this.enforce([
      this.counter.hit(`tests:user:${session.userId}`, this.settings.testsPerMinute, MINUTE_MS),
      this.counter.hit(`app:${appKey}`, this.settings.appAttemptsPerMinute, MINUTE_MS),
    ]);
  }

  /** 429 when the user already has the most pending OAuth flows allowed. */
  /** Counts a setup call (a page of options, a search, a check); 429 when the user or app is over. */
  async setupCall(session: SessionRecord, appKey: string): Promise<void> {
    await this.enforce([
      this.counter.hit(
        `setup:user:${session.userId}`,
        this.settings.setupCallsPerMinute,
        MINUTE_MS,
      ),
      this.counter.hit(`app:${appKey}`, this.settings.appAttemptsPerMinute, MINUTE_MS),
    ]);
  }

  async pendingFlow(session: SessionRecord): Promise<void> {
    const now = this.now();
    const pending = await this.db
      .selectFrom('oauth_flows')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('expires_at').as('first')])
      .where('user_id', '=', session.userId)
      .where('status', '=', 'pending')
      .where('expires_at', '>', now)
      .executeTakeFirstOrThrow();
    if (Number(pending.count) < this.settings.pendingFlowsPerUser) return;
    const retryAfter = Math.max(1, Math.ceil((Number(pending.first) - now) / 1000));
    throw tooMany(retryAfter, 'Too many sign-ins are in progress. Finish or close one first.');
  }

  /**
   * Holds one of the session's long-poll slots until `until`; returns its release. 429 when the
   * session holds all of them. A slot of an instance that died expires by itself.
   */
  async holdLongPoll(session: SessionRecord, until: number): Promise<() => Promise<void>> {
    const now = this.now();
    const open = await this.db
      .selectFrom('long_polls')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('session_id', '=', session.id)
      .where('expires_at', '>', now)
      .executeTakeFirstOrThrow();
    if (Number(open.count) >= this.settings.longPollsPerSession) {
      throw tooMany(1, 'Too many status requests are waiting at once.');
    }
    const id = randomId('lp_');
    await this.db
      .insertInto('long_polls')
      .values({ id, session_id: session.id, expires_at: until })
      .execute();
    return async () => {
      await this.db.deleteFrom('long_polls').where('id', '=', id).execute();
    };
  }

  private async enforce(decisions: Promise<RateDecision>[]): Promise<void> {
    const refused = (await Promise.all(decisions)).filter((decision) => !decision.allowed);
    if (refused.length === 0) return;
    throw tooMany(
      Math.max(...refused.map((decision) => decision.retryAfterSeconds)),
      WAIT_A_MOMENT,
    );
  }
}
