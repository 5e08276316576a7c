// Vitest reporter that writes {passed, failed, skipped} to $PB_RESULT_FILE for scripts/test-all.mjs.
// Use it beside the default reporter: reporters: ['default', new VitestCountsReporter()].
import { writeFileSync } from 'node:fs';

/** @implements {import('vitest/node').Reporter} */
export class VitestCountsReporter {
  /**
   * @param {ReadonlyArray<import('vitest/node').TestModule>} testModules
   * @param {ReadonlyArray<unknown>} unhandledErrors
   */
  onTestRunEnd(testModules, unhandledErrors) {
    const resultFile = process.env.PB_RESULT_FILE;
    if (!resultFile) return;
    // An error outside any test (a story file that fails to import, a crash) is a failure too.
    const counts = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
    for (const testModule of testModules) {
      let tests = 0;
      for (const testCase of testModule.children.allTests()) {
        tests++;
        const { state } = testCase.result();
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
      if (tests === 0 && testModule.state() === 'failed') counts.failed++;
    }
    writeFileSync(resultFile, JSON.stringify(counts));
  }
}
