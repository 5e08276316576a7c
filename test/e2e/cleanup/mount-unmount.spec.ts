// Mounting and removing each element 200 times leaves no listeners, timers, popups or growing heap,
// measured through the DevTools protocol after a warm-up (module code, translators, the catalog and
// Lit's template caches are created once and are not leaks). The last test breaks cleanup on
// purpose and checks that the same measurement reports it, so the others cannot pass vacuously.
import type { Page } from '@playwright/test';
import { expect, test } from '../../harness/fixtures.js';
import { installCleanupProbes } from '../../harness/cleanup-probes.js';
import {
  leaksBetween,
  openCdp,
  takeSnapshot,
  type CleanupSnapshot,
  type LeakTolerance,
} from '../../harness/cleanup-metrics.js';
import {
  CLEANUP_PAGE_KEY,
  CLEANUP_SCENARIOS,
  type CleanupPageApi,
  type CleanupScenario,
} from '../../pages/cleanup/scenarios.js';

const WARM_UP_CYCLES = 20;
const MEASURED_CYCLES = 200;

/**
 * Heap noise between two snapshots with no work in between is a few KB, and 200 clean cycles stay
 * well under 1 MB; a leaked element with its shadow tree costs tens of KB each, so 200 of them
 * exceed it by far. Nodes and listeners: a handful of stragglers (a node Lit keeps for its last
 * template) is not growth; one per cycle is.
 */
const TOLERANCE: LeakTolerance = { heapBytes: 1024 * 1024, nodes: 50, jsEventListeners: 10 };

// Each test runs hundreds of real renders against the real backend on a shared, loaded machine.
test.describe.configure({ timeout: 180_000 });

/** Opens the cleanup page with the probes installed; `sabotage` runs after them, before the page. */
async function openCleanupPage(
  page: Page,
  url: string,
  sabotage?: () => void,
): Promise<{ cycle(scenario: CleanupScenario, times: number): Promise<void> }> {
  await page.addInitScript(installCleanupProbes);
  if (sabotage) await page.addInitScript(sabotage);
  await page.goto(url);
  await expect(page.getByRole('status')).toHaveText('ready');
  return {
    cycle: (scenario, times) =>
      page.evaluate(
        ([key, name, count]) =>
          (window as unknown as Record<string, CleanupPageApi>)[key]!.cycle(name, count),
        [CLEANUP_PAGE_KEY, scenario, times] as const,
      ),
  };
}

function describeSnapshots(baseline: CleanupSnapshot, after: CleanupSnapshot): string {
  return JSON.stringify({ baseline, after }, null, 2);
}

for (const scenario of CLEANUP_SCENARIOS) {
  test(`${scenario}: ${MEASURED_CYCLES} mounts and removals leave nothing behind`, async ({
    page,
    context,
    pageServer,
    endUser,
  }) => {
    const cleanupPage = await openCleanupPage(
      page,
      pageServer.url('cleanup/mount-unmount.html', { user: endUser }),
    );
    const cdp = await openCdp(page);

    await cleanupPage.cycle(scenario, WARM_UP_CYCLES);
    const baseline = await takeSnapshot(page, cdp);
    await cleanupPage.cycle(scenario, MEASURED_CYCLES);
    const after = await takeSnapshot(page, cdp);

    await test.info().attach('snapshots.json', {
      body: describeSnapshots(baseline, after),
      contentType: 'application/json',
    });
    expect(leaksBetween(baseline, after, TOLERANCE)).toEqual([]);
    expect(after.probes.openPopups).toBe(0);
    // The OAuth scenario really opened (stubbed) popups, and the probe saw every one.
    const popupsPerCycle = scenario === 'connect-dialog-oauth' ? 1 : 0;
    expect(after.probes.popupsOpened - baseline.probes.popupsOpened).toBe(
      MEASURED_CYCLES * popupsPerCycle,
    );
    expect(context.pages()).toHaveLength(1);
  });
}

test('the measurement reports an element that skips its cleanup', async ({
  page,
  pageServer,
  endUser,
}) => {
  // Removing the popover's outside-click listener and every clearInterval (the relative-time
  // ticker's) silently do nothing, as in an element that forgot them.
  const cleanupPage = await openCleanupPage(
    page,
    pageServer.url('cleanup/mount-unmount.html', { user: endUser }),
    () => {
      const removeListener = EventTarget.prototype.removeEventListener;
      EventTarget.prototype.removeEventListener = function (type, ...rest) {
        if (this === document && type === 'pointerdown') return;
        removeListener.call(this, type, ...rest);
      };
      window.clearInterval = () => {};
    },
  );
  const cdp = await openCdp(page);

  await cleanupPage.cycle('connection-status', 5);
  const baseline = await takeSnapshot(page, cdp);
  await cleanupPage.cycle('connection-status', 40);
  const after = await takeSnapshot(page, cdp);

  const leaks = leaksBetween(baseline, after, TOLERANCE);
  expect(leaks).toContain('document "pointerdown" listeners: +40');
  expect(leaks).toContain('live intervals: +40');
  // Each leaked listener keeps its removed card, shadow tree and all, alive.
  expect(leaks.some((leak) => leak.startsWith('DOM nodes:'))).toBe(true);
});
