// Idempotency-Key handling for POST /v1/connections, shared by every instance through the database.
// The first request with a (user, key) claims a row and works while renewing a short lease; the
// resource it creates and its answer are committed in one transaction, so a retry either finds the
// answer or finds nothing done. Requests with the same key wait for the claim to end and share its
// answer (a success is replayed for a day; a failure is shared only with those waiting, as Stripe
// does, so a user who corrects a field may resubmit under the same key). Another body under a key
// is a conflict. A claim whose instance died expires with its lease and is taken over.
import type { Transaction } from 'kysely';
import { randomId } from '../crypto/random.js';
import type { RequestDigest } from '../crypto/request-digest.js';
import type { Db, Tables } from '../db/schema.js';
import { ApiError } from '../http/api-error.js';

const RETENTION_MS = 24 * 60 * 60 * 1000;
const LEASE_MS = 10_000;
const WAIT_STEPS_MS = [20, 40, 80, 120, 200];

export interface StoredAnswer {
  status: number;
  contentType: string;
  body: unknown;
}

/** Writes what the request created and returns its answer, inside the recording transaction. */
export type Commit = (trx: Transaction<Tables>) => Promise<StoredAnswer>;

export interface IdempotentWork {
  /** The slow part (validation, calls to the service); returns how to commit its result. */
  prepare(): Promise<Commit>;
  /** The answer for an error of prepare or commit; undefined rethrows it. */
  answerFor(error: unknown): StoredAnswer | undefined;
}

const conflict = () =>
  new ApiError(
    409,
    'idempotency_conflict',
    'This Idempotency-Key was already used for another request.',
  );

/** The claim was taken over while this request worked (its lease ran out). */
class LostClaim extends Error {}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class IdempotencyStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  async run(
    userId: string,
    key: string,
    body: RequestDigest,
    work: IdempotentWork,
  ): Promise<StoredAnswer> {
    const requestHmac = body.value;
    const owner = randomId('idk_');
    /** The claim this request waited on: its failure is this request's answer too. */
    let awaited: string | undefined;
    for (let step = 0; ; step += 1) {
      const now = this.now();
      const inserted = await this.db
        .insertInto('idempotency_keys')
        .values({
          user_id: userId,
          key,
          request_hmac: requestHmac,
          state: 'in_progress',
          owner,
          lease_until: now + LEASE_MS,
          status: null,
          answer: null,
          created_at: now,
        })
        .onConflict((conflicting) => conflicting.columns(['user_id', 'key']).doNothing())
        .executeTakeFirst();
      if ((inserted.numInsertedOrUpdatedRows ?? 0n) > 0n) {
        const answer = await this.workAs(userId, key, owner, work);
        if (answer) return answer;
        continue;
      }
      const row = await this.db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row) continue;
      const stale = row.created_at <= now - RETENTION_MS;
      if (!stale && row.state === 'failed' && row.owner === awaited) {
        return JSON.parse(row.answer!) as StoredAnswer;
      }
      if (!stale && row.state !== 'failed' && !body.matches(row.request_hmac)) throw conflict();
      if (!stale && row.state === 'done') return JSON.parse(row.answer!) as StoredAnswer;
      const abandoned = row.state === 'in_progress' && row.lease_until <= now;
      if (stale || row.state === 'failed' || abandoned) {
        const taken = await this.db
          .updateTable('idempotency_keys')
          .set({
            request_hmac: requestHmac,
            state: 'in_progress',
            owner,
            lease_until: now + LEASE_MS,
            status: null,
            answer: null,
            created_at: now,
          })
          .where('user_id', '=', userId)
          .where('key', '=', key)
          .where('owner', '=', row.owner)
          .where('state', '=', row.state)
          .executeTakeFirst();
        if (taken.numUpdatedRows > 0n) {
          const answer = await this.workAs(userId, key, owner, work);
          if (answer) return answer;
        }
        // Another request took it first: look again after a moment.
        await delay(WAIT_STEPS_MS[0]!);
        continue;
      }
      awaited = row.owner;
      await delay(WAIT_STEPS_MS[Math.min(step, WAIT_STEPS_MS.length - 1)]!);
    }
  }

  /** Does the work under a claim; undefined when the claim was lost meanwhile. */
  private async workAs(
    userId: string,
    key: string,
    owner: string,
    work: IdempotentWork,
  ): Promise<StoredAnswer | undefined> {
    const mine = (trx: Db | Transaction<Tables>) =>
      trx
        .updateTable('idempotency_keys')
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .where('owner', '=', owner);
    const renew = setInterval(() => {
      mine(this.db)
        .set({ lease_until: this.now() + LEASE_MS })
        .execute()
        .catch(() => undefined);
    }, LEASE_MS / 4);
    try {
      const commit = await work.prepare();
      return await this.db.transaction().execute(async (trx) => {
        const answer = await commit(trx);
        const recorded = await mine(trx)
          .set({ state: 'done', status: answer.status, answer: JSON.stringify(answer) })
          .executeTakeFirst();
        if (recorded.numUpdatedRows === 0n) throw new LostClaim();
        return answer;
      });
    } catch (error) {
      if (error instanceof LostClaim) return undefined;
      const answer = work.answerFor(error);
      if (!answer) {
        await this.db
          .deleteFrom('idempotency_keys')
          .where('user_id', '=', userId)
          .where('key', '=', key)
          .where('owner', '=', owner)
          .execute();
        throw error;
      }
      await mine(this.db)
        .set({ state: 'failed', status: answer.status, answer: JSON.stringify(answer) })
        .execute();
      return answer;
    } finally {
      clearInterval(renew);
    }
  }
}
