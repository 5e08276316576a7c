// Checks every connection in the background. Each tick an instance schedules new connections,
// claims due checks (a lease per connection in the database: one instance checks each, however
// many run), at most `perAppConcurrency` of one service across instances and `maxConcurrent` on
// this instance, runs them, and records when each is due next. The connection-service decides
// what a check changes (only an authentication failure makes a connection needs_reauth); this
// decides when: the interval after a check that reached the service, exponential backoff after a
// timeout, 5xx or 429, and sooner when an OAuth token is about to expire.
import { PeriodicJob } from '../background/periodic-job.js';
import type { CheckOutcome, ConnectionService } from '../connections/connection-service.js';
import { randomId } from '../crypto/random.js';
import type { Logger } from '../http/logger.js';
import type { CheckOutcomeName, CheckRepository, DueCheck } from './check-repository.js';
import type { CheckSettings } from './check-settings.js';
import { firstCheckAt, nextCheckAt, retryAt } from './check-timing.js';

export interface CheckSchedulerDeps {
  checks: CheckRepository;
  connections: Pick<ConnectionService, 'check'>;
  settings: CheckSettings;
  logger: Logger;
  now: () => number;
  /** In [0, 1): spreads and jitters the times (tests pass a fixed one). */
  random?: () => number;
}

export class CheckScheduler {
  private readonly random: () => number;
  private readonly ticks: PeriodicJob;

  constructor(private readonly deps: CheckSchedulerDeps) {
    this.random = deps.random ?? Math.random;
    this.ticks = new PeriodicJob(
      'background checks',
      () => this.runOnce(),
      deps.settings.tickMs,
      deps.logger,
    );
  }

  /** Ticks every `tickMs` until stop(); a tick starts only after the previous one ended. */
  start(): void {
    this.ticks.start();
  }

  /** Stops ticking and waits for the checks under way. */
  async stop(): Promise<void> {
    await this.ticks.stop();
  }

  /** One tick: returns the checks this instance ran. */
  async runOnce(): Promise<number> {
    const { checks, settings, now } = this.deps;
    await checks.addMissing(() => firstCheckAt(now(), settings, this.random));
    const owner = randomId('chk_');
    const claimed = await this.claimDue(owner);
    await Promise.all(claimed.map((due) => this.checkOne(due, owner)));
    return claimed.length;
  }

  /** Due checks within the concurrency limits, leased to `owner` (this tick). */
  private async claimDue(owner: string): Promise<DueCheck[]> {
    const { checks, settings, now } = this.deps;
    const at = now();
    const running = await checks.runningPerApp(at);
    const candidates = await checks.due(at, settings.maxConcurrent * 4);
    const picked: string[] = [];
    const pickedPerApp = new Map<string, number>();
    for (const candidate of candidates) {
      const mine = pickedPerApp.get(candidate.app) ?? 0;
      if ((running.get(candidate.app) ?? 0) + mine >= settings.perAppConcurrency) continue;
      pickedPerApp.set(candidate.app, mine + 1);
      picked.push(candidate.connectionId);
      if (picked.length >= settings.maxConcurrent) break;
    }
    return checks.claim(picked, owner, at, at + settings.leaseMs);
  }

  private async checkOne(due: DueCheck, owner: string): Promise<void> {
    const { checks, connections, settings, now, logger } = this.deps;
    let result: CheckOutcome;
    const checkId = randomId('chk_');
    try {
      result = await connections.check(
        due.userId,
        due.connectionId,
        settings.refreshAheadMs,
        checkId,
      );
    } catch (error) {
      // Not the service's answer (a database hiccup, a bug): try again later like a failure.
      logger.warn('a background check failed', {
        connectionId: due.connectionId,
        message: String(error),
      });
      result = { outcome: 'service_failed', tokenExpiresAt: null };
    }
    if (result.outcome === 'gone') return checks.remove(due.connectionId);
    if (result.outcome === 'auth_failed') {
      // The id the connection's lastError shows as its reference.
      logger.info('a background check found the credentials refused', {
        connectionId: due.connectionId,
        checkId,
      });
    }
    const checkedAt = now();
    const failures = result.outcome === 'service_failed' ? due.failures + 1 : 0;
    await checks.finish(due.connectionId, owner, {
      checkedAt,
      outcome: result.outcome satisfies CheckOutcomeName,
      failures,
      nextCheckAt:
        failures > 0
          ? retryAt(checkedAt, failures, settings, this.random)
          : nextCheckAt(checkedAt, result.tokenExpiresAt, settings, this.random),
    });
  }
}
