// How the background checks run (checks/check-scheduler.ts) and how provider health is derived
// from them (checks/derived-health.ts). Every value can be set on the reference stack.

export interface CheckSettings {
  /** How often each connection is checked. */
  intervalMs: number;
  /** A new connection is first checked at a random moment within this (at most the interval). */
  firstCheckWithinMs: number;
  /** Each wait is moved by up to this share either way, so checks never bunch up. */
  jitter: number;
  /** How often an instance looks for due checks. */
  tickMs: number;
  /** Checks of one service running at once, all instances together. */
  perAppConcurrency: number;
  /** Checks running at once on one instance. */
  maxConcurrent: number;
  /** An OAuth access token is refreshed when it expires within this long. */
  refreshAheadMs: number;
  /** The first retry after the service failed (timeout, 5xx, 429); doubles up to `intervalMs`. */
  retryBaseMs: number;
  /** How long a check's lease lasts: an instance that died holding it is replaced after this. */
  leaseMs: number;
}

export interface HealthDerivationSettings {
  /** Checks older than this do not count. */
  windowMs: number;
  /** Fewer connections checked in the window than this: no verdict (operational). */
  minChecked: number;
  /** This share or more of the app's checked connections failing by the service's fault: degraded. */
  degradedShare: number;
  /** This share or more: down. */
  downShare: number;
}

const MINUTE = 60 * 1000;

export const DEFAULT_CHECK_SETTINGS: CheckSettings = {
  intervalMs: 60 * MINUTE,
  firstCheckWithinMs: 10 * MINUTE,
  jitter: 0.1,
  tickMs: 5000,
  perAppConcurrency: 2,
  maxConcurrent: 8,
  refreshAheadMs: 5 * MINUTE,
  retryBaseMs: 30 * 1000,
  leaseMs: 2 * MINUTE,
};

export const DEFAULT_HEALTH_DERIVATION: HealthDerivationSettings = {
  windowMs: 15 * MINUTE,
  minChecked: 3,
  degradedShare: 0.25,
  downShare: 0.75,
};
