// The connection_checks table: one row per connection, saying when its next background check is
// due, which instance holds it (a lease: claimed by a conditional UPDATE, so one instance checks
// a connection however many run), and what the last check saw.
import type { Db } from '../db/schema.js';

export type CheckOutcomeName = 'ok' | 'auth_failed' | 'service_failed';

export interface DueCheck {
  connectionId: string;
  userId: string;
  app: string;
  failures: number;
}

export interface FinishedCheck {
  nextCheckAt: number;
  failures: number;
  checkedAt: number;
  outcome: CheckOutcomeName;
}

/** Per app, how many connections were checked in a window and how many failed by the service. */
export interface AppCheckCounts {
  checked: number;
  serviceFailed: number;
}

export class CheckRepository {
  constructor(private readonly db: Db) {}

  /** Schedules connections that have no check yet (new ones); `firstAt` picks each one's time. */
  async addMissing(firstAt: () => number, limit = 500): Promise<number> {
    const missing = await this.db
      .selectFrom('connections')
      .leftJoin('connection_checks', 'connection_checks.connection_id', 'connections.id')
      .where('connection_checks.connection_id', 'is', null)
      .select(['connections.id', 'connections.user_id', 'connections.app'])
      .limit(limit)
      .execute();
    if (missing.length === 0) return 0;
    await this.db
      .insertInto('connection_checks')
      .values(
        missing.map((row) => ({
          connection_id: row.id,
          user_id: row.user_id,
          app: row.app,
          next_check_at: firstAt(),
        })),
      )
      // Another instance may add the same connection at the same moment.
      .onConflict((conflict) => conflict.column('connection_id').doNothing())
      .execute();
    return missing.length;
  }

  /** How many checks of each app hold a lease now, on any instance. */
  async runningPerApp(now: number): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('connection_checks')
      .select(['app', (eb) => eb.fn.countAll<number>().as('running')])
      .where('lease_until', '>=', now)
      .groupBy('app')
      .execute();
    return new Map(rows.map((row) => [row.app, Number(row.running)]));
  }

  /** Due checks nobody holds, the longest overdue first. */
  async due(now: number, limit: number): Promise<DueCheck[]> {
    const rows = await this.db
      .selectFrom('connection_checks')
      .select(['connection_id', 'user_id', 'app', 'failures'])
      .where('next_check_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .orderBy('next_check_at')
      .limit(limit)
      .execute();
    return rows.map(toDueCheck);
  }

  /**
   * Takes the lease of those `ids` that are still due and free. The conditions are re-checked on
   * the row itself, so of two instances claiming the same row at once only one gets it.
   */
  async claim(ids: string[], owner: string, now: number, until: number): Promise<DueCheck[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .updateTable('connection_checks')
      .set({ owner, lease_until: until })
      .where('connection_id', 'in', ids)
      .where('next_check_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .returning(['connection_id', 'user_id', 'app', 'failures'])
      .execute();
    return rows.map(toDueCheck);
  }

  /** Records what the check saw and when the next one is due, and ends the lease. */
  async finish(connectionId: string, owner: string, finished: FinishedCheck): Promise<void> {
    await this.db
      .updateTable('connection_checks')
      .set({
        next_check_at: finished.nextCheckAt,
        failures: finished.failures,
        last_checked_at: finished.checkedAt,
        last_outcome: finished.outcome,
        owner: null,
        lease_until: null,
      })
      .where('connection_id', '=', connectionId)
      .where('owner', '=', owner)
      .execute();
  }

  /** The connection was deleted: its check goes too. */
  async remove(connectionId: string): Promise<void> {
    await this.db
      .deleteFrom('connection_checks')
      .where('connection_id', '=', connectionId)
      .execute();
  }

  /** Per app, the connections whose last check was at or after `since`, and how those ended. */
  async countsSince(since: number): Promise<Map<string, AppCheckCounts>> {
    const rows = await this.db
      .selectFrom('connection_checks')
      // Checks of deleted connections (not yet cleared by their next turn) do not count.
      .innerJoin('connections', 'connections.id', 'connection_checks.connection_id')
      .select((eb) => [
        'connection_checks.app',
        eb.fn.countAll<number>().as('checked'),
        eb.fn
          .sum<number>(eb.case().when('last_outcome', '=', 'service_failed').then(1).else(0).end())
          .as('service_failed'),
      ])
      .where('connection_checks.last_checked_at', '>=', since)
      .groupBy('connection_checks.app')
      .execute();
    return new Map(
      rows.map((row) => [
        row.app,
        { checked: Number(row.checked), serviceFailed: Number(row.service_failed) },
      ]),
    );
  }
}

function toDueCheck(row: {
  connection_id: string;
  user_id: string;
  app: string;
  failures: number;
}): DueCheck {
  return {
    connectionId: row.connection_id,
    userId: row.user_id,
    app: row.app,
    failures: Number(row.failures),
  };
}
