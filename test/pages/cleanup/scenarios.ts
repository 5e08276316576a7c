// The mount/remove scenarios the cleanup page runs, shared with the test that drives it.

/** Each scenario mounts one element, brings it to a busy state, then removes it. */
export const CLEANUP_SCENARIOS = [
  /** `<app-picker>` over the loaded catalog, with options rendered. */
  'app-picker',
  /** `<connect-dialog>` opened with show() for an API-key app, its credential form shown. */
  'connect-dialog',
  /** `<connect-dialog>` waiting for an OAuth popup (a stubbed window.open): flow polling is live. */
  'connect-dialog-oauth',
  /** `<connection-status>` with a connection in error: relative-time ticker and error popover open. */
  'connection-status',
  /** `<app-connections>` listing the end user's connections. */
  'app-connections',
] as const;

export type CleanupScenario = (typeof CLEANUP_SCENARIOS)[number];

/** What the page puts on `window` for the test: one call runs `times` mount/remove cycles. */
export interface CleanupPageApi {
  cycle(scenario: CleanupScenario, times: number): Promise<void>;
}

export const CLEANUP_PAGE_KEY = '__pbCleanupPage';
