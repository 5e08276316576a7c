// One in-flight operation shared by several callers, each with its own AbortSignal. The shared
// work is aborted only when every caller has given up, so one element leaving the page does not
// cancel the load another element still waits for.
import { abortedError, throwIfAborted } from './abort.js';

export function createSharedTask<T>(
  run: (signal: AbortSignal) => Promise<T>,
): (signal?: AbortSignal) => Promise<T> {
  let current: { promise: Promise<T>; controller: AbortController; waiters: number } | undefined;

  return (signal) => {
    throwIfAborted(signal);
    if (!current) {
      const controller = new AbortController();
      const task = {
        controller,
        waiters: 0,
        promise: run(controller.signal).finally(() => {
          if (current === task) current = undefined;
        }),
      };
      current = task;
    }
    const task = current;
    task.waiters += 1;
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        task.waiters -= 1;
        if (task.waiters === 0) task.controller.abort();
        reject(abortedError(signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      task.promise
        .then(resolve, reject)
        .finally(() => signal?.removeEventListener('abort', onAbort));
    });
  };
}
