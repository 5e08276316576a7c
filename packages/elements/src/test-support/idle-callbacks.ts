// Component-test support: holds back requestIdleCallback, so a test sees the page before the
// elements' idle-time work (the lazy chunks they prefetch) has run.

let held: IdleRequestCallback[] | undefined;
const original = { request: window.requestIdleCallback, cancel: window.cancelIdleCallback };

export function holdIdleCallbacks(): void {
  held = [];
  window.requestIdleCallback = (callback) => held!.push(callback);
  window.cancelIdleCallback = () => undefined;
}

/** Restores requestIdleCallback; the held callbacks are dropped. */
export function releaseIdleCallbacks(): void {
  held = undefined;
  window.requestIdleCallback = original.request;
  window.cancelIdleCallback = original.cancel;
}
