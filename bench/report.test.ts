import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundleTargets } from './bundles.js';
import { renderReport, type BenchRun } from './report.js';
import type { SearchRow } from './search.js';

function searchRow(engine: string, keystrokeMedianMs: number, overrides: Partial<SearchRow> = {}) {
  return {
    engine,
    apps: 10_000,
    buildMs: 40,
    buildCpuMs: 12,
    keystrokeMedianMs,
    keystrokeP95Ms: keystrokeMedianMs * 2,
    keystrokesTimed: 379,
    extraMemoryKb: 600,
    top1Percent: 100,
    ...overrides,
  };
}

function run(overrides: Partial<BenchRun> = {}): BenchRun {
  return {
    date: '2026-11-29T10:00:00.000Z',
    durationSeconds: 120,
    machine: {
      node: 'v20.20.2',
      cores: 2,
      cpu: 'Test CPU',
      memoryGb: 8,
      os: 'Linux',
      esbuild: '0.28.2',
      vite: '8.3.8',
    },
    load: [{ at: 'at start', average: [12.5, 11, 10] }],
    bundles: [
      {
        target: bundleTargets[0]!,
        min: 60_000,
        gzip: 20_000,
        brotli: 18_000,
        lazyMin: 0,
        parts: [],
      },
      {
        target: bundleTargets[1]!,
        min: 30_000,
        gzip: 10_000,
        brotli: 9_000,
        lazyMin: 0,
        parts: [],
      },
    ],
    search: {
      keystrokes: 379,
      rows: [
        searchRow('ours', 0.05),
        searchRow('Fuse.js', 20, { keystrokesTimed: 40, top1Percent: null }),
      ],
      firstBuild,
    },
    problems: [],
    ...overrides,
  };
}

const firstBuild = { apps: 10_000, processes: 7, wallMs: 13, cpuMs: 12 };

test('ratios are against ours, and slow engines say how many keystrokes were timed', () => {
  const report = renderReport(run());
  assert.match(report, /\| 0\.50× \|/); // the floor's gzip against ours
  assert.match(report, /\| Fuse\.js \| 20\.000 \(40 timed\) \| 40\.000 \| 400× \|/);
  assert.match(report, /\| over budget \|/);
  assert.match(report, /12\.5 at start/);
});

test('targets are judged: met, missed, or not measured', () => {
  const met = renderReport(run());
  assert.match(met, /≤ 0\.2 ms \| 0\.050 ms \| met \|/);
  assert.match(met, /≤ 25 kB min\+gzip \(aiming at 20 kB\) \| 20\.0 kB \| met \|/);
  const missed = renderReport(
    run({
      search: {
        keystrokes: 379,
        rows: [searchRow('ours', 0.5, { buildCpuMs: 30 })],
        firstBuild: { ...firstBuild, cpuMs: 45, wallMs: 50 },
      },
    }),
  );
  assert.match(missed, /≤ 0\.2 ms \| 0\.500 ms \| \*\*missed\*\* \|/);
  assert.match(missed, /≤ 15 ms .*\| 30\.0 ms CPU, 40\.0 ms wall \| \*\*missed\*\* \|/);
  assert.match(
    met,
    /first build in a fresh process.*\| 12\.0 ms CPU, 13\.0 ms wall \(median of 7 processes\) \| met \|/,
  );
  assert.match(
    missed,
    /first build in a fresh process.*\| 45\.0 ms CPU, 50\.0 ms wall .*\| \*\*missed\*\* \|/,
  );
  const { search: _search, ...withoutSearch } = run();
  assert.match(renderReport(withoutSearch), /≤ 0\.2 ms \| not measured \| — \|/);
});

test('rows that could not be measured are listed with the reason', () => {
  const report = renderReport(run({ problems: ['picker time to first results: no options'] }));
  assert.match(report, /### Not measured\n\n- picker time to first results: no options/);
  assert.doesNotMatch(renderReport(run()), /Not measured/);
});

test('the browser targets: whole bundle, define time, picker per catalog size, long tasks', () => {
  const sample = (taskMs: number) => ({ taskMs, wallMs: taskMs });
  const picker = (apps: number, mountMs: number, longestTaskMs: number) => ({
    apps,
    mount: [sample(mountMs)],
    keystroke: [sample(4)],
    longestTaskMs: [longestTaskMs],
  });
  const sizes = { min: 100_000, gzip: 30_000, brotli: 27_000 };
  const report = renderReport(
    run({
      shipped: [
        { file: 'plugboard.js', ...sizes, chunks: { min: 90_000, gzip: 20_000, brotli: 1 } },
      ],
      browser: {
        chromium: '156',
        runs: 1,
        define: { ours: [sample(4)] },
        picker: [picker(1_000, 10, 0), picker(10_000, 60, 0), picker(20_000, 80, 70)],
        dialogColdMs: [230],
      },
    }),
  );
  assert.match(report, /first download ≤ 25 kB .*\| 30\.0 kB \| \*\*missed\*\* \|/);
  assert.match(report, /whole \(every chunk\) ≤ 45 kB .*\| 50\.0 kB \| \*\*missed\*\* \|/);
  assert.match(report, /every element ≤ 5 ms .*\| 4\.0 ms task \| met \|/);
  assert.match(report, /at 1,000 apps ≤ 16 ms task \| 14\.0 ms \| met \|/);
  assert.match(report, /at 10,000 apps ≤ 50 ms task \| 64\.0 ms \| \*\*missed\*\* \|/);
  assert.match(report, /no long task .*\| longest 70\.0 ms \| \*\*missed\*\* \|/);
  assert.match(report, /dialog's code in.*\| 230\.0 ms \| — \|/);
  assert.match(report, /20,000 apps 70\.0 ms/);
});
