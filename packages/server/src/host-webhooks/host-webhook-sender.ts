// Sends the queued host webhooks: each tick an instance claims due deliveries (a lease per
// delivery: one instance sends each), signs each attempt afresh (Standard Webhooks), and records
// the answer. A 2xx delivers; anything else is retried on the configured schedule, then `failed`.
import { PeriodicJob } from '../background/periodic-job.js';
import { randomId } from '../crypto/random.js';
import type { Logger } from '../http/logger.js';
import type { OutboundFetch } from '../providers/outbound-fetch.js';
import type { ClaimedDelivery, HostWebhookRepository } from './host-webhook-repository.js';
import type { HostWebhookSettings } from './host-webhook-settings.js';
import { signedHeaders, webhookKey } from './standard-webhooks.js';

export interface HostWebhookSenderDeps {
  repository: HostWebhookRepository;
  settings: HostWebhookSettings;
  fetch: OutboundFetch;
  logger: Logger;
  now: () => number;
}

export class HostWebhookSender {
  private readonly key: Buffer;
  private readonly url: URL;
  private readonly ticks: PeriodicJob;

  constructor(private readonly deps: HostWebhookSenderDeps) {
    this.key = webhookKey(deps.settings.secret);
    this.url = new URL(deps.settings.url);
    this.ticks = new PeriodicJob(
      'host webhooks',
      () => this.runOnce(),
      deps.settings.tickMs,
      deps.logger,
    );
  }

  start(): void {
    this.ticks.start();
  }

  /** A delivery was queued: send it now rather than at the next tick. */
  wake(): void {
    this.ticks.runSoon();
  }

  async stop(): Promise<void> {
    await this.ticks.stop();
  }

  /** One tick: returns the attempts this instance made. */
  async runOnce(): Promise<number> {
    const { repository, settings, now } = this.deps;
    const owner = randomId('hwl_');
    const at = now();
    const claimed = await repository.claim(
      owner,
      at,
      at + settings.leaseMs,
      settings.maxConcurrent,
    );
    await Promise.all(claimed.map((delivery) => this.attempt(delivery, owner)));
    return claimed.length;
  }

  private async attempt(delivery: ClaimedDelivery, owner: string): Promise<void> {
    const { repository, settings, now, logger } = this.deps;
    const at = now();
    const started = performance.now();
    const answer = await this.post(delivery, at);
    const number = delivery.attempts + 1;
    const delivered =
      answer.statusCode !== null && answer.statusCode >= 200 && answer.statusCode < 300;
    const retryIn = settings.retryDelaysMs[number - 1];
    const next = delivered
      ? { status: 'delivered' as const, nextAttemptAt: null }
      : retryIn === undefined
        ? { status: 'failed' as const, nextAttemptAt: null }
        : { status: 'pending' as const, nextAttemptAt: now() + retryIn };
    if (next.status === 'failed') {
      logger.warn('a host webhook could not be delivered', { id: delivery.id, attempts: number });
    }
    await repository.recordAttempt(
      delivery.id,
      owner,
      { ...answer, at, number, durationMs: performance.now() - started },
      next,
    );
  }

  private async post(
    delivery: ClaimedDelivery,
    at: number,
  ): Promise<{ statusCode: number | null; error: string | null }> {
    const { settings, fetch } = this.deps;
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Plugboard-Webhooks/1',
          ...signedHeaders(this.key, delivery.id, at, delivery.payload),
        },
        body: delivery.payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
      await response.body?.cancel();
      const ok = response.status >= 200 && response.status < 300;
      return {
        statusCode: response.status,
        error: ok ? null : `The host answered ${response.status}.`,
      };
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      return {
        statusCode: null,
        error: timedOut
          ? `No answer within ${settings.timeoutMs / 1000} s.`
          : `The host could not be reached (${(error as Error).message}).`,
      };
    }
  }
}
