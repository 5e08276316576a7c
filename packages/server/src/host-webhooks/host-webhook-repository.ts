// The host_webhook_deliveries and host_webhook_attempts tables: deliveries are inserted with the
// change they announce, claimed by one instance at a time (a conditional UPDATE takes the lease),
// and every attempt is kept for the admin listing.
import type { Selectable } from 'kysely';
import type {
  Db,
  HostWebhookAttemptsTable,
  HostWebhookDeliveriesTable,
  HostWebhookStatus,
  Queryable,
} from '../db/schema.js';

export interface NewDelivery {
  id: string;
  eventId: number;
  type: string;
  payload: string;
  createdAt: number;
}

export interface ClaimedDelivery {
  id: string;
  payload: string;
  /** Attempts made before this one. */
  attempts: number;
}

export interface Attempt {
  at: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface DeliveryWithAttempts {
  delivery: Selectable<HostWebhookDeliveriesTable>;
  attempts: Selectable<HostWebhookAttemptsTable>[];
}

export class HostWebhookRepository {
  constructor(private readonly db: Db) {}

  /** Queues deliveries for an attempt now, inside the caller's transaction. */
  async insert(db: Queryable, deliveries: readonly NewDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await db
      .insertInto('host_webhook_deliveries')
      .values(
        deliveries.map((delivery) => ({
          id: delivery.id,
          event_id: delivery.eventId,
          type: delivery.type,
          payload: delivery.payload,
          status: 'pending' as const,
          next_attempt_at: delivery.createdAt,
          created_at: delivery.createdAt,
        })),
      )
      .execute();
  }

  /**
   * Takes the lease of up to `limit` pending deliveries that are due and free, oldest first. The
   * conditions are re-checked on each row, so two instances never take the same one.
   */
  async claim(
    owner: string,
    now: number,
    until: number,
    limit: number,
  ): Promise<ClaimedDelivery[]> {
    const ids = await this.db
      .selectFrom('host_webhook_deliveries')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    if (ids.length === 0) return [];
    const rows = await this.db
      .updateTable('host_webhook_deliveries')
      .set({ owner, lease_until: until })
      .where(
        'id',
        'in',
        ids.map((row) => row.id),
      )
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .returning(['id', 'payload', 'attempts'])
      .execute();
    return rows.map((row) => ({
      id: row.id,
      payload: row.payload,
      attempts: Number(row.attempts),
    }));
  }

  /** Keeps the attempt and moves the delivery on (delivered, retried later, or failed for good). */
  async recordAttempt(
    id: string,
    owner: string,
    attempt: Attempt & { number: number },
    next: { status: HostWebhookStatus; nextAttemptAt: number | null },
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('host_webhook_deliveries')
        .set({
          status: next.status,
          attempts: attempt.number,
          next_attempt_at: next.nextAttemptAt,
          delivered_at: next.status === 'delivered' ? attempt.at : null,
          owner: null,
          lease_until: null,
        })
        .where('id', '=', id)
        .where('owner', '=', owner)
        .executeTakeFirst();
      // The lease ran out and another instance took over: its attempt is the one that counts.
      if (updated.numUpdatedRows === 0n) return;
      await trx
        .insertInto('host_webhook_attempts')
        .values({
          delivery_id: id,
          attempt: attempt.number,
          at: attempt.at,
          status_code: attempt.statusCode,
          error: attempt.error,
          duration_ms: Math.round(attempt.durationMs),
        })
        .execute();
    });
  }

  /** Deliveries newest first, each with its attempts (for the admin listing). */
  async list(query: {
    status?: HostWebhookStatus;
    offset: number;
    limit: number;
  }): Promise<{ items: DeliveryWithAttempts[]; total: number }> {
    let deliveries = this.db.selectFrom('host_webhook_deliveries');
    if (query.status) deliveries = deliveries.where('status', '=', query.status);
    const [rows, count] = await Promise.all([
      deliveries
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .offset(query.offset)
        .limit(query.limit)
        .execute(),
      deliveries.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirst(),
    ]);
    const attempts =
      rows.length === 0
        ? []
        : await this.db
            .selectFrom('host_webhook_attempts')
            .selectAll()
            .where(
              'delivery_id',
              'in',
              rows.map((row) => row.id),
            )
            .orderBy('attempt')
            .execute();
    return {
      items: rows.map((delivery) => ({
        delivery,
        attempts: attempts.filter((attempt) => attempt.delivery_id === delivery.id),
      })),
      total: Number(count?.total ?? 0),
    };
  }
}
