// `pnpm bench`: bundle sizes, search per keystroke and browser main-thread times, measured side
// by side in one run. Prints the report, writes bench/results/latest.json and the results part of
// docs/benchmarks.md, and exits non-zero when any row could not be measured.
import { version as esbuildVersion } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { dirname, join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { version as viteVersion } from 'vite';
import { measureInBrowser } from './browser/timings.js';
import {
  buildShipped,
  buildWithCommonSettings,
  bundleTargets,
  type BuiltBundle,
} from './bundles.js';
import { DOCS_FILE, RESULTS_FILE } from './paths.js';
import { renderReport, type BenchRun } from './report.js';
import { measureSearch } from './search.js';

const RESULTS_START = '<!-- bench:results:start -->';
const RESULTS_END = '<!-- bench:results:end -->';

const problems: string[] = [];
const load: BenchRun['load'] = [];
const readLoad = (at: string) => load.push({ at, average: loadavg().map((v) => +v.toFixed(2)) });
/** The gist of an error on one line (esbuild and Playwright messages run over many). */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n').map((line) => line.trim());
  return lines.filter(Boolean).slice(0, 3).join(' ');
}

/** Runs one measurement; a failure becomes a "not measured" line instead of ending the run. */
async function attempt<T>(what: string, measure: () => Promise<T>): Promise<T | undefined> {
  try {
    return await measure();
  } catch (error) {
    problems.push(`${what}: ${reason(error)}`);
    return undefined;
  }
}

/** Written as `prettier --write` would leave them, so `pnpm format:check` stays clean. */
async function writeFormatted(file: string, text: string): Promise<void> {
  const options = await resolveConfig(file);
  writeFileSync(file, await format(text, { ...options, filepath: file }));
}

async function writeDocs(report: string): Promise<void> {
  const docs = readFileSync(DOCS_FILE, 'utf8');
  const start = docs.indexOf(RESULTS_START);
  const end = docs.indexOf(RESULTS_END);
  if (start < 0 || end < start) {
    problems.push(`docs: ${DOCS_FILE} has no ${RESULTS_START} … ${RESULTS_END} section to update`);
    return;
  }
  const results = `${RESULTS_START}\n\n${report}\n${RESULTS_END}`;
  await writeFormatted(
    DOCS_FILE,
    docs.slice(0, start) + results + docs.slice(end + RESULTS_END.length),
  );
}

async function main(): Promise<number> {
  const started = performance.now();
  const date = new Date().toISOString();
  const outRoot = mkdtempSync(join(tmpdir(), 'pb-bench-'));
  readLoad('at start');
  try {
    const bundles: BuiltBundle[] = [];
    for (const target of bundleTargets) {
      const built = await attempt(`bundle "${target.label}"`, () =>
        buildWithCommonSettings(target, outRoot),
      );
      if (built) bundles.push(built);
    }
    const shippedBuild = await attempt('bundle "ours as shipped"', () => buildShipped(outRoot));
    const shipped = shippedBuild?.bundles;
    readLoad('after the builds');

    const browser = await attempt('browser timings', () =>
      measureInBrowser(bundles, outRoot, shippedBuild?.files),
    );
    for (const target of bundleTargets) {
      if (!bundles.some((bundle) => bundle.target === target))
        problems.push(`define time "${target.label}": its bundle did not build`);
    }
    if (browser?.pickerError) problems.push(`picker time to first results: ${browser.pickerError}`);
    readLoad('after the browser');

    const search = await attempt('search per keystroke', measureSearch);
    readLoad('after the search');

    const run: BenchRun = {
      date,
      durationSeconds: (performance.now() - started) / 1000,
      machine: {
        node: process.version,
        cores: availableParallelism(),
        cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
        memoryGb: Math.round(totalmem() / 2 ** 30),
        os: `${type()} ${release()}`,
        esbuild: esbuildVersion,
        vite: viteVersion,
        ...(browser && { chromium: browser.chromium }),
      },
      load,
      bundles: bundles.map(({ file: _file, ...sizes }) => sizes),
      problems,
      ...(shippedBuild && { shipped, shippedBuildOutputLines: shippedBuild.outputLines }),
      ...(search && { search }),
      ...(browser && { browser }),
    };
    // Formatted for the terminal too: prettier aligns the table columns.
    const report = await format(renderReport(run), { parser: 'markdown' });
    process.stdout.write(report);
    mkdirSync(dirname(RESULTS_FILE), { recursive: true });
    await writeFormatted(RESULTS_FILE, JSON.stringify(run));
    await writeDocs(report);
    if (problems.length) {
      process.stderr.write(`\n${problems.length} row(s) could not be measured (see above).\n`);
      return 1;
    }
    return 0;
  } finally {
    rmSync(outRoot, { recursive: true, force: true });
  }
}

process.exitCode = await main();
