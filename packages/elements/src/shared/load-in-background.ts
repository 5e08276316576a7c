/**
 * Starts a store's load without waiting for it. A failure is not lost: the store keeps it in its
 * `state` and `error`, which the elements render, so the rejection needs no handler here.
 */
export function loadInBackground(load: Promise<unknown>): void {
  load.catch(() => undefined);
}
