// @web/test-runner reporter that writes {passed, failed, skipped} to $PB_RESULT_FILE for
// scripts/test-all.mjs. Use it beside defaultReporter(), which prints the human output.
import { writeFileSync } from 'node:fs';

/** @returns {import('@web/test-runner').Reporter} */
export function countsReporter(resultFile = process.env.PB_RESULT_FILE) {
  return {
    onTestRunFinished({ sessions }) {
      if (!resultFile) return;
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const before = counts.failed;
        if (session.testResults) addSuite(session.testResults, counts);
        // A file that failed to load or a browser that crashed has errors but maybe no tests:
        // it must still count as a failure.
        if (!session.passed && counts.failed === before) counts.failed++;
      }
      writeFileSync(resultFile, JSON.stringify(counts));
    },
  };
}

/** Adds a mocha suite's tests, nested suites included. */
function addSuite(suite, counts) {
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const child of suite.suites) addSuite(child, counts);
}
