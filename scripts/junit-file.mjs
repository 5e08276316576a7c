// Where a test runner writes its JUnit XML. scripts/test-all.mjs gives each suite its own folder in
// .pb-results/ through $PB_RESULTS_DIR and adds up the test cases of every file found there (see
// junit-counts.mjs); a runner started by hand writes none.
import { join } from 'node:path';

/**
 * @param {string} runner names the file, e.g. `playwright` → `$PB_RESULTS_DIR/playwright.xml`
 * @returns {string | undefined} undefined outside scripts/test-all.mjs
 */
export function junitFile(runner) {
  const dir = process.env.PB_RESULTS_DIR;
  return dir ? join(dir, `${runner}.xml`) : undefined;
}
