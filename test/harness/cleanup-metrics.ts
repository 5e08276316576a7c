// A snapshot of what a page holds on to, read through the DevTools protocol after a full garbage
// collection: JS heap, listeners on window and document (by event type), Chromium's live counters
// (JSEventListeners, Nodes, Documents), plus the init-script probes (timers, frames, popups).
import type { CDPSession, Page } from '@playwright/test';
import { readCleanupProbes, type ProbeCounts } from './cleanup-probes.js';

export interface CleanupSnapshot {
  heapUsedBytes: number;
  /** Listener counts per event type, e.g. `{ focus: 1, message: 2 }`. */
  windowListeners: Record<string, number>;
  documentListeners: Record<string, number>;
  jsEventListeners: number;
  nodes: number;
  documents: number;
  probes: ProbeCounts;
}

const OBJECT_GROUP = 'pb-cleanup';

export async function openCdp(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

/** Listeners registered directly on a global (`window` or `document`), counted per type. */
async function listenersOn(cdp: CDPSession, expression: string): Promise<Record<string, number>> {
  const { result } = await cdp.send('Runtime.evaluate', { expression, objectGroup: OBJECT_GROUP });
  if (!result.objectId) throw new Error(`${expression} did not evaluate to an object`);
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
    objectId: result.objectId,
  });
  const byType: Record<string, number> = {};
  for (const { type } of listeners) byType[type] = (byType[type] ?? 0) + 1;
  return byType;
}

/**
 * Lets pending work settle (a few tasks and frames, so timers an element cleared on removal are
 * gone and its last render has run), collects garbage twice (the first pass runs finalizers that
 * free more), then reads everything.
 */
export async function takeSnapshot(page: Page, cdp: CDPSession): Promise<CleanupSnapshot> {
  await page.evaluate(async () => {
    for (let tick = 0; tick < 3; tick += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  });
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? NaN;
  const windowListeners = await listenersOn(cdp, 'window');
  const documentListeners = await listenersOn(cdp, 'document');
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: OBJECT_GROUP });
  return {
    heapUsedBytes: usedSize,
    windowListeners,
    documentListeners,
    jsEventListeners: metric('JSEventListeners'),
    nodes: metric('Nodes'),
    documents: metric('Documents'),
    probes: await readCleanupProbes(page),
  };
}

/** How much may differ between two snapshots before it counts as a leak (see the spec for noise). */
export interface LeakTolerance {
  heapBytes: number;
  nodes: number;
  jsEventListeners: number;
}

/** Everything `after` holds beyond `baseline`, in words; empty when nothing leaked. */
export function leaksBetween(
  baseline: CleanupSnapshot,
  after: CleanupSnapshot,
  tolerance: LeakTolerance,
): string[] {
  const leaks: string[] = [];
  const compareListeners = (
    target: string,
    before: Record<string, number>,
    now: Record<string, number>,
  ) => {
    for (const type of new Set([...Object.keys(before), ...Object.keys(now)])) {
      const grown = (now[type] ?? 0) - (before[type] ?? 0);
      if (grown !== 0) leaks.push(`${target} "${type}" listeners: ${grown > 0 ? '+' : ''}${grown}`);
    }
  };
  compareListeners('window', baseline.windowListeners, after.windowListeners);
  compareListeners('document', baseline.documentListeners, after.documentListeners);
  for (const key of ['timeouts', 'intervals', 'animationFrames'] as const) {
    const grown = after.probes[key] - baseline.probes[key];
    if (grown > 0) leaks.push(`live ${key}: +${grown}`);
  }
  if (after.probes.openPopups > 0) leaks.push(`open popups: ${after.probes.openPopups}`);
  if (after.documents > baseline.documents)
    leaks.push(`documents: +${after.documents - baseline.documents}`);
  const grew = (what: string, by: number, allowed: number) => {
    if (by > allowed) leaks.push(`${what}: +${by} (allowed ${allowed})`);
  };
  grew('DOM nodes', after.nodes - baseline.nodes, tolerance.nodes);
  grew(
    'JS event listeners',
    after.jsEventListeners - baseline.jsEventListeners,
    tolerance.jsEventListeners,
  );
  grew('heap bytes', after.heapUsedBytes - baseline.heapUsedBytes, tolerance.heapBytes);
  return leaks;
}
