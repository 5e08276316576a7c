// What the DevTools protocol cannot list: pending timers, animation frames and windows opened by the
// page. `installCleanupProbes` runs as an init script (before any page script), wraps the timer APIs
// and `window.open`, and keeps live sets that the test reads through `readCleanupProbes`.
import type { Page } from '@playwright/test';

export interface ProbeCounts {
  /** setTimeout calls that have neither fired nor been cleared. */
  timeouts: number;
  /** setInterval calls not cleared yet. */
  intervals: number;
  /** requestAnimationFrame callbacks not run or cancelled yet. */
  animationFrames: number;
  /** Windows returned by `window.open` (a real one or a page's stub) that are not closed. */
  openPopups: number;
  /** Every window `window.open` returned so far: proves the probe saw the page's popups at all. */
  popupsOpened: number;
}

const PROBES_KEY = '__pbCleanupProbes';

/**
 * Serialised by Playwright into the page, so it must be self-contained: no imports, no outer names
 * (the key is repeated as a literal for that reason).
 */
export function installCleanupProbes(): void {
  const timeouts = new Set<number>();
  const intervals = new Set<number>();
  const frames = new Set<number>();
  const popups = new Set<{ closed?: boolean }>();
  let popupsOpened = 0;

  const nativeSetTimeout = window.setTimeout.bind(window);
  const nativeClearTimeout = window.clearTimeout.bind(window);
  const nativeSetInterval = window.setInterval.bind(window);
  const nativeClearInterval = window.clearInterval.bind(window);
  const nativeRequestFrame = window.requestAnimationFrame.bind(window);
  const nativeCancelFrame = window.cancelAnimationFrame.bind(window);

  window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    if (typeof handler !== 'function') return nativeSetTimeout(handler, delay, ...args);
    const id = nativeSetTimeout(
      (...callArgs: unknown[]) => {
        timeouts.delete(id);
        (handler as (...a: unknown[]) => void)(...callArgs);
      },
      delay,
      ...args,
    );
    timeouts.add(id);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) timeouts.delete(id);
    nativeClearTimeout(id);
  }) as typeof window.clearTimeout;
  window.setInterval = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    const id = nativeSetInterval(handler, delay, ...args);
    intervals.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) intervals.delete(id);
    nativeClearInterval(id);
  }) as typeof window.clearInterval;
  window.requestAnimationFrame = (callback: FrameRequestCallback) => {
    const id = nativeRequestFrame((time) => {
      frames.delete(id);
      callback(time);
    });
    frames.add(id);
    return id;
  };
  window.cancelAnimationFrame = (id: number) => {
    frames.delete(id);
    nativeCancelFrame(id);
  };

  // A getter/setter pair, so a stub the page installs later (`window.open = fake`) is wrapped too.
  let openImpl = window.open.bind(window);
  const trackedOpen = ((...args: Parameters<typeof window.open>) => {
    const opened = openImpl(...args);
    if (opened) {
      popups.add(opened);
      popupsOpened += 1;
    }
    return opened;
  }) as typeof window.open;
  Object.defineProperty(window, 'open', {
    configurable: true,
    get: () => trackedOpen,
    set: (impl: typeof window.open) => {
      openImpl = impl;
    },
  });

  const openPopups = () => {
    for (const popup of popups) if (popup.closed) popups.delete(popup);
    return popups.size;
  };
  Object.defineProperty(window, '__pbCleanupProbes', {
    value: {
      counts: () => ({
        timeouts: timeouts.size,
        intervals: intervals.size,
        animationFrames: frames.size,
        openPopups: openPopups(),
        popupsOpened,
      }),
    },
  });
}

export async function readCleanupProbes(page: Page): Promise<ProbeCounts> {
  return page.evaluate(
    (key) => (window as unknown as Record<string, { counts(): ProbeCounts }>)[key]!.counts(),
    PROBES_KEY,
  );
}
