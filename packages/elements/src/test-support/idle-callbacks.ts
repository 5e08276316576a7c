// Component-test support: holds back requestIdleCallback, so a test sees the page before the
// elements' idle-time work (the lazy chunks they prefetch, the picker's index build) has run, and
// then runs that work when the test says.

let held: IdleRequestCallback[] | undefined;
const original = { request: window.requestIdleCallback, cancel: window.cancelIdleCallback };

export function holdIdleCallbacks(): void {
  held = [];
  window.requestIdleCallback = (callback) => held!.push(callback);
  window.cancelIdleCallback = () => undefined;
}

/** Runs the held callbacks, and those they ask for in turn, until none is left. */
export function runHeldIdleCallbacks(): void {
  const deadline: IdleDeadline = { didTimeout: false, timeRemaining: () => 50 };
  for (let callback = held?.shift(); callback; callback = held?.shift()) callback(deadline);
}

/** Restores requestIdleCallback; the held callbacks are dropped. */
export function releaseIdleCallbacks(): void {
  held = undefined;
  window.requestIdleCallback = original.request;
  window.cancelIdleCallback = original.cancel;
}
