// Catalog search benchmark: our index against uFuzzy, MiniSearch, Fuse.js and a naive filter,
// at 1k, 10k and 100k apps. Run: pnpm --filter @plugboard/core bench
// Prints a markdown table and writes bench/results/search.json.
import type { AppSummary } from '@plugboard/contract';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { engines, type BuiltEngine, type Engine } from './engines.js';
import { judgedCatalog, judgedQueries } from './judged-queries.js';
import { minGzipBytes, percentile, settledMemory } from './measure.js';

const SIZES = [1_000, 10_000, 100_000];
/** Keystroke timing stops after this much search time per engine and size (slow engines). */
const KEYSTROKE_BUDGET_MS = 1_000;
/**
 * Builds at up to 10k apps: warm-ups (the first runs also compile the code), then timed runs whose
 * median is reported. 100k builds of the slow engines take seconds, so only one, unwarmed.
 */
const BUILD_RUNS = { warmUp: 5, small: 9, large: 1 };
/** Fresh processes timing our first build, as a page pays it (see first-build.ts). */
const FIRST_BUILD_PROCESSES = 7;

interface Row {
  engine: string;
  apps: number;
  buildMs: number;
  /** CPU time of the build (all threads): less sensitive than wall time to a busy machine. */
  buildCpuMs: number;
  keystrokeMedianMs: number;
  keystrokeP95Ms: number;
  keystrokesTimed: number;
  extraMemoryKb: number;
  top1Percent: number | null;
  bundleMinGzipBytes: number;
}

/** Every prefix of every judged query, as typed one character at a time. */
const keystrokes = judgedQueries.flatMap(({ query }) =>
  Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)),
);

function median(values: number[]): number {
  return percentile(values, 50);
}

/** One build, timed in wall-clock and CPU time. */
function timedBuild(engine: Engine, apps: readonly AppSummary[]) {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const built = engine.build(apps);
  const buildMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { built, buildMs, buildCpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * Memory an index keeps: the heap with it, minus the heap once it is dropped. Measuring the
 * release (rather than growth during the build) leaves out the build's garbage and the
 * compiled code, which made growth figures swing by hundreds of kB.
 */
function retainedMemory(engine: Engine, apps: readonly AppSummary[]): number {
  const holder: { built?: BuiltEngine } = { built: engine.build(apps) };
  const withIndex = settledMemory();
  holder.built = undefined;
  return withIndex - settledMemory();
}

function measureBuild(engine: Engine, apps: readonly AppSummary[]) {
  const large = apps.length > 10_000;
  for (let i = 0; !large && i < BUILD_RUNS.warmUp; i++) engine.build(apps);
  const runs = Array.from({ length: large ? BUILD_RUNS.large : BUILD_RUNS.small }, () =>
    timedBuild(engine, apps),
  );
  return {
    built: runs[runs.length - 1]!.built,
    buildMs: median(runs.map((run) => run.buildMs)),
    buildCpuMs: median(runs.map((run) => run.buildCpuMs)),
    extraMemory: retainedMemory(engine, apps),
  };
}

/** Our index's first build in each of several fresh processes: the median wall and CPU time. */
function measureFirstBuild() {
  const script = fileURLToPath(new URL('./first-build.ts', import.meta.url));
  const runs = Array.from({ length: FIRST_BUILD_PROCESSES }, () => {
    // The same Node flags as this process, so the child loads TypeScript the same way.
    const output = execFileSync(process.execPath, [...process.execArgv, script], {
      encoding: 'utf8',
    });
    return JSON.parse(output) as { apps: number; wallMs: number; cpuMs: number };
  });
  return {
    apps: runs[0]!.apps,
    processes: runs.length,
    wallMs: median(runs.map((run) => run.wallMs)),
    cpuMs: median(runs.map((run) => run.cpuMs)),
  };
}

function measureKeystrokes(search: (query: string) => string[]) {
  for (const query of keystrokes.slice(0, 40)) search(query); // warm-up
  const times: number[] = [];
  let spent = 0;
  for (const query of keystrokes) {
    const start = performance.now();
    search(query);
    const elapsed = performance.now() - start;
    times.push(elapsed);
    spent += elapsed;
    if (spent > KEYSTROKE_BUDGET_MS) break;
  }
  return times;
}

function measureRelevance(search: (query: string) => string[]): number | null {
  let correct = 0;
  const start = performance.now();
  for (const { query, expected } of judgedQueries) {
    if (search(query)[0] === expected) correct++;
    if (performance.now() - start > KEYSTROKE_BUDGET_MS * 3) return null;
  }
  return (100 * correct) / judgedQueries.length;
}

function format(value: number | null, digits: number): string {
  return value === null || Number.isNaN(value) ? '—' : value.toFixed(digits);
}

function ratio(value: number, ours: number | undefined): string {
  return ours ? `${(value / ours).toFixed(1)}×` : '';
}

function markdownTable(rows: Row[]): string {
  const header =
    '| engine | apps | build ms (cpu ms) | keystroke median ms | p95 ms | vs ours (median) | extra memory kB | top-1 % | min+gzip kB |';
  const lines = [header, '|' + ' --- |'.repeat(9)];
  for (const row of rows) {
    const ours = rows.find((r) => r.engine === 'ours' && r.apps === row.apps);
    const timed = row.keystrokesTimed < keystrokes.length ? ` (${row.keystrokesTimed} timed)` : '';
    lines.push(
      `| ${row.engine} | ${row.apps} | ${format(row.buildMs, 1)} (${format(row.buildCpuMs, 1)}) | ` +
        `${format(row.keystrokeMedianMs, 3)}${timed} | ` +
        `${format(row.keystrokeP95Ms, 3)} | ${ratio(row.keystrokeMedianMs, ours?.keystrokeMedianMs)} | ` +
        `${format(row.extraMemoryKb, 0)} | ${format(row.top1Percent, 1)} | ${format(row.bundleMinGzipBytes / 1024, 1)} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const bundleBytes = new Map<string, number>();
  for (const engine of engines) {
    bundleBytes.set(engine.name, await minGzipBytes(engine.bundleEntry, root));
  }

  const rows: Row[] = [];
  for (const size of SIZES) {
    const apps = judgedCatalog(size);
    for (const engine of engines) {
      const { built, buildMs, buildCpuMs, extraMemory } = measureBuild(engine, apps);
      const times = measureKeystrokes(built.search);
      rows.push({
        engine: engine.name,
        apps: size,
        buildMs,
        buildCpuMs,
        keystrokeMedianMs: median(times),
        keystrokeP95Ms: percentile(times, 95),
        keystrokesTimed: times.length,
        extraMemoryKb: extraMemory / 1024,
        top1Percent: measureRelevance(built.search),
        bundleMinGzipBytes: bundleBytes.get(engine.name)!,
      });
    }
  }

  const table = markdownTable(rows);
  const firstBuild = measureFirstBuild();
  // Timings are wall-clock: on a shared machine the load says how much to trust them.
  const load = loadavg()[0]!.toFixed(1);
  process.stdout.write(
    `Search benchmark: ${judgedQueries.length} judged queries, ${keystrokes.length} keystrokes ` +
      `typed; Node ${process.version}, ${availableParallelism()} cores, load ${load}.\n\n${table}\n\n` +
      `Our first index build at ${firstBuild.apps} apps in a fresh process (a page builds once): ` +
      `median ${format(firstBuild.wallMs, 1)} ms wall (${format(firstBuild.cpuMs, 1)} ms CPU) ` +
      `of ${firstBuild.processes} processes.\n`,
  );
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/search.json', import.meta.url),
    JSON.stringify(
      {
        node: process.version,
        date: new Date().toISOString(),
        load1m: loadavg()[0],
        keystrokes: keystrokes.length,
        rows,
        firstBuild,
      },
      null,
      2,
    ) + '\n',
  );
}

await main();
