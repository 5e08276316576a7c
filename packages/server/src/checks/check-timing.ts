// When the next check of a connection is due: spread over the interval at first, the interval
// (jittered) after a check that reached the service, sooner when an OAuth token is about to
// expire, and backed off exponentially after the service failed.
import type { CheckSettings } from './check-settings.js';

type Timing = Pick<
  CheckSettings,
  'intervalMs' | 'firstCheckWithinMs' | 'jitter' | 'refreshAheadMs' | 'retryBaseMs'
>;

/** `ms` moved by up to `jitter` of itself either way; `random` is in [0, 1). */
function jittered(ms: number, jitter: number, random: () => number): number {
  return Math.round(ms * (1 + jitter * (2 * random() - 1)));
}

/**
 * A connection seen for the first time: at a random moment soon (before a short-lived token would
 * need its refresh), so the first checks of many connections spread out.
 */
export function firstCheckAt(now: number, settings: Timing, random: () => number): number {
  return now + Math.floor(random() * Math.min(settings.firstCheckWithinMs, settings.intervalMs));
}

/**
 * After a check that reached the service: one interval later, or in time to refresh the token
 * ahead of its expiry (halfway to it for tokens shorter-lived than the refresh margin).
 */
export function nextCheckAt(
  now: number,
  tokenExpiresAt: number | null,
  settings: Timing,
  random: () => number,
): number {
  const regular = now + jittered(settings.intervalMs, settings.jitter, random);
  if (tokenExpiresAt === null || tokenExpiresAt <= now) return regular;
  const margin = Math.min(settings.refreshAheadMs, (tokenExpiresAt - now) / 2);
  return Math.min(regular, Math.round(tokenExpiresAt - margin));
}

/** After the `failures`-th service failure in a row: base × 2^(failures−1), at most the interval. */
export function retryAt(
  now: number,
  failures: number,
  settings: Timing,
  random: () => number,
): number {
  const backoff = Math.min(settings.retryBaseMs * 2 ** (failures - 1), settings.intervalMs);
  return now + jittered(backoff, settings.jitter, random);
}
