// Where the benchmark reads and writes.
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RESULTS_FILE = fileURLToPath(new URL('./results/latest.json', import.meta.url));
export const DOCS_FILE = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
export const SERVER_RESULTS_FILE = fileURLToPath(
  new URL('./results/server-load.json', import.meta.url),
);
