// Runs inside the benchmark page (compiled by esbuild, loaded as /probe.js): the steps whose
// main-thread cost is measured, each returning its wall time. The caller wraps each step in
// DevTools Performance.getMetrics readings (define) or a trace between STEP_MARKS (the picker) for
// the task duration.
import { STEP_MARKS } from './trace-tasks.js';

interface PickerElement extends HTMLElement {
  apps: unknown;
  query: string;
  updateComplete: Promise<boolean>;
}

export interface BenchProbe {
  /** Waits `ms`, then collects garbage (Chromium runs with --expose-gc) and waits a frame, so
   *  earlier work does not spill into the next measured step. */
  settle(ms: number): Promise<void>;
  /** Imports a bundle and waits until it has defined `tags`. */
  importBundle(url: string, tags: string[]): Promise<number>;
  /**
   * Puts a `lazyTag` element in the page, imports the bundle and waits until it has defined
   * `tags`; then returns how long the bundle's own loader takes to define `lazyTag` (its chunk
   * fetched from the moment the bundle ran, as for a click at that moment).
   */
  lazyTagAfterImport(url: string, tags: string[], lazyTag: string): Promise<number>;
  /** Fetches and parses the catalog of `size` apps ahead of the measured steps. */
  loadApps(size: number): Promise<void>;
  /** Starts recording long tasks (> 50 ms, the Long Tasks API) on the main thread. */
  watchLongTasks(): void;
  /** Waits `ms` (no garbage collection, which would be a task of ours), then returns the longest
   *  task recorded since watchLongTasks(): 0 when none took over 50 ms. */
  longestTaskAfter(ms: number): Promise<number>;
  /** Mounts `<app-picker>` with the loaded apps until it shows options (the popular list);
   *  returns the wall time until the options are in the DOM (see markedUntilPainted). */
  mountPicker(): Promise<number>;
  /** Types `text` into the mounted picker until the listbox shows that query's options; returns
   *  the wall time until they are in the DOM (see markedUntilPainted). */
  typeInPicker(text: string): Promise<number>;
}

const GIVE_UP_MS = 15_000;
let apps: unknown[] = [];
let picker: PickerElement | undefined;
let longTasks: number[] = [];

/**
 * Resolves right after the next frame: a message posted from requestAnimationFrame is the first
 * task after the frame is produced (a timeout may let idle-time work in before it).
 */
const nextFrame = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(undefined);
    }),
  );

async function untilOptions(element: PickerElement, query: string): Promise<void> {
  const start = performance.now();
  for (;;) {
    await element.updateComplete;
    const options = element.shadowRoot?.querySelectorAll('[role="option"]').length ?? 0;
    if (options > 0 && element.query === query) return;
    if (performance.now() - start > GIVE_UP_MS)
      throw new Error(`<app-picker> showed no options for "${query}" within ${GIVE_UP_MS} ms`);
    await nextFrame();
  }
}

/** Fails the step after GIVE_UP_MS, so a page that never gets there fails the run, not hangs it. */
async function orGiveUp<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const giveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${GIVE_UP_MS} ms`)), GIVE_UP_MS);
  });
  try {
    return await Promise.race([promise, giveUp]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs a picker step between STEP_MARKS: the start, and the frame that shows its result (the
 * caller reads the task time between them from a trace). Returns the wall time until the step's
 * options are in the DOM.
 */
async function markedUntilPainted(step: () => Promise<void>): Promise<number> {
  const start = performance.mark(STEP_MARKS.start).startTime;
  await step();
  const domMs = performance.now() - start;
  await nextFrame();
  performance.mark(STEP_MARKS.painted);
  return domMs;
}

const probe: BenchProbe = {
  async settle(ms) {
    await new Promise((resolve) => setTimeout(resolve, ms));
    (globalThis as { gc?: () => void }).gc?.();
    await nextFrame();
  },

  async importBundle(url, tags) {
    const start = performance.now();
    await import(url);
    await orGiveUp(
      Promise.all(tags.map((tag) => customElements.whenDefined(tag))),
      `${url} did not define ${tags.join(', ')}`,
    );
    return performance.now() - start;
  },

  async lazyTagAfterImport(url, tags, lazyTag) {
    document.body.append(document.createElement(lazyTag));
    await probe.importBundle(url, tags);
    const start = performance.now();
    await orGiveUp(customElements.whenDefined(lazyTag), `${url} did not define ${lazyTag}`);
    return performance.now() - start;
  },

  async loadApps(size) {
    apps = (await (await fetch(`/apps-${size}.json`)).json()) as unknown[];
  },

  watchLongTasks() {
    longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  },

  async longestTaskAfter(ms) {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return Math.max(0, ...longTasks);
  },

  mountPicker() {
    return markedUntilPainted(async () => {
      picker = document.createElement('app-picker') as PickerElement;
      picker.apps = apps;
      document.body.append(picker);
      await untilOptions(picker, '');
    });
  },

  typeInPicker(text) {
    const element = picker;
    const input = element?.shadowRoot?.querySelector('input');
    if (!element || !input) throw new Error('mount the picker first');
    return markedUntilPainted(async () => {
      input.value = text;
      input.dispatchEvent(
        new InputEvent('input', {
          bubbles: true,
          composed: true,
          inputType: 'insertText',
          data: text,
        }),
      );
      await untilOptions(element, text);
    });
  },
};

Object.assign(globalThis, { benchProbe: probe });
