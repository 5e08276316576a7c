// Runs a background job every `intervalMs` on real time, one run at a time (the next waits for the
// previous to end), until stopped; `runSoon()` asks for a run now (a wake-up). The job reads its
// own clock, so tests drive it by calling the job directly with a fake one.
import type { Logger } from '../http/logger.js';

export class PeriodicJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly name: string,
    private readonly job: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Runs as soon as possible: now, or right after the run under way. */
  runSoon(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.schedule(0);
  }

  /** Stops and waits for the run under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.job()
        .then(
          () => undefined,
          (error: unknown) => {
            this.logger.warn(`${this.name} failed`, { message: String(error) });
          },
        )
        .finally(() => {
          this.running = undefined;
          if (this.stopped) return;
          const next = this.again ? 0 : this.intervalMs;
          this.again = false;
          this.schedule(next);
        });
    }, delayMs);
    // Background work alone must not keep the process alive.
    this.timer.unref();
  }
}
