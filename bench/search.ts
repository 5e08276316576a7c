// Search per keystroke: runs the core package's own search benchmark (ours against uFuzzy,
// MiniSearch, Fuse.js and a naive filter at 1k, 10k and 100k apps, relevance on the judged
// queries) and reads the results it writes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.js';
import { runCommand } from './run-command.js';

/** The fields of packages/core/bench/results/search.json that this report uses. */
export interface SearchRow {
  engine: string;
  apps: number;
  buildMs: number;
  buildCpuMs: number;
  keystrokeMedianMs: number;
  keystrokeP95Ms: number;
  keystrokesTimed: number;
  extraMemoryKb: number;
  top1Percent: number | null;
}

/** Our index's first build in fresh processes (the JIT cold), as a page pays it once. */
export interface FirstBuild {
  apps: number;
  processes: number;
  wallMs: number;
  cpuMs: number;
}

export interface SearchResults {
  keystrokes: number;
  rows: SearchRow[];
  firstBuild: FirstBuild;
}

const RESULTS = join(REPO_ROOT, 'packages/core/bench/results/search.json');

export async function measureSearch(): Promise<SearchResults> {
  const startedAt = Date.now();
  await runCommand('pnpm', ['--filter', '@plugboard/core', 'run', 'bench']);
  const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as SearchResults & { date: string };
  // A results file older than this run would be a previous run's numbers.
  if (Date.parse(results.date) < startedAt) {
    throw new Error(`${RESULTS} was not rewritten by this run (dated ${results.date})`);
  }
  return { keystrokes: results.keystrokes, rows: results.rows, firstBuild: results.firstBuild };
}
