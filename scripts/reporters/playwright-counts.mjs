// Playwright reporter that writes {passed, failed, skipped} to $PB_RESULT_FILE for
// scripts/test-all.mjs. Use it beside a human reporter such as `list`.
import { writeFileSync } from 'node:fs';

/** @implements {import('@playwright/test/reporter').Reporter} */
export default class PlaywrightCountsReporter {
  #root;
  #errors = 0;

  onBegin(_config, suite) {
    this.#root = suite;
  }

  // Errors outside any test (a fixture or config that throws) must fail the suite too.
  onError() {
    this.#errors++;
  }

  onEnd() {
    const resultFile = process.env.PB_RESULT_FILE;
    if (!resultFile) return;
    const counts = { passed: 0, failed: this.#errors, skipped: 0 };
    for (const test of this.#root?.allTests() ?? []) {
      const outcome = test.outcome();
      if (outcome === 'skipped') counts.skipped++;
      // "flaky" passed only on a retry; retries are off, so this only guards a config change.
      else if (outcome === 'expected') counts.passed++;
      else counts.failed++;
    }
    writeFileSync(resultFile, JSON.stringify(counts));
  }

  printsToStdio() {
    return false;
  }
}
