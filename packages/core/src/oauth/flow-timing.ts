import { DEFAULT_OAUTH_TIMEOUT_MS } from '../config.js';

export interface FlowTiming {
  /** The whole flow, from the click to the backend's answer. */
  readonly timeoutMs: number;
  /** How often `popup.closed` is checked. */
  readonly closedCheckMs: number;
  /** After the popup reads closed, wait this long, then ask the backend once. */
  readonly closedGraceMs: number;
  /**
   * A popup that reads closed this soon after we sent it to the provider was most likely not
   * closed by the user: a Cross-Origin-Opener-Policy on the provider's page severs our handle and
   * makes `closed` read true while the user is still signing in. Then only the backend decides.
   * A popup already seen open on the provider's page was not severed by it: its close counts.
   */
  readonly severedWindowMs: number;
  /** A backend that ignores `wait` answers pending at once: poll no faster than this. */
  readonly minPollIntervalMs: number;
  /** Pause before polling again after a network error. */
  readonly errorRetryMs: number;
}

export const DEFAULT_FLOW_TIMING: FlowTiming = {
  timeoutMs: DEFAULT_OAUTH_TIMEOUT_MS,
  closedCheckMs: 250,
  closedGraceMs: 2_000,
  severedWindowMs: 3_000,
  minPollIntervalMs: 1_000,
  errorRetryMs: 2_000,
};
