/**
 * Runs `task` once the browser is idle (soon after, where `requestIdleCallback` is missing, as in
 * Safari), unless `signal` aborts first: work that can wait until the page has painted.
 */
export function whenIdle(task: () => void, signal?: AbortSignal): void {
  if (signal?.aborted) return;
  const run = (): void => {
    signal?.removeEventListener('abort', cancel);
    task();
  };
  let cancel: () => void;
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 1000 });
    cancel = () => cancelIdleCallback(id);
  } else {
    const id = setTimeout(run, 50);
    cancel = () => clearTimeout(id);
  }
  signal?.addEventListener('abort', cancel, { once: true });
}
