// Adds up JUnit XML reports (node:test, Playwright, Vitest and @web/test-runner all write them) for
// scripts/test-all.mjs: every <testcase>, at any depth of <testsuites>/<testsuite>, counts once —
// failed when it holds a <failure> or an <error>, skipped when it holds a <skipped>, else passed.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** @typedef {{ passed: number, failed: number, skipped: number }} Counts */

const parser = new XMLParser({
  // Only element names matter; messages and stack traces stay text (CDATA included).
  ignoreAttributes: true,
  isArray: (name) => name === 'testcase',
});

/**
 * @param {string} xml one JUnit report
 * @returns {Counts}
 */
export function countJUnit(xml) {
  // The parser is lenient (an unclosed tag passes): a report cut short must not count as complete.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`${valid.err.msg} (line ${valid.err.line})`);
  const counts = { passed: 0, failed: 0, skipped: 0 };
  addTestCases(parser.parse(xml), counts);
  return counts;
}

/**
 * Sums every `*.xml` report in `dir`. A report that cannot be parsed (a runner that died while
 * writing it) counts as one failure.
 * @param {string} dir
 * @returns {(Counts & { reports: number })}
 */
export function countJUnitReports(dir) {
  const totals = { passed: 0, failed: 0, skipped: 0, reports: 0 };
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.xml'))) {
    totals.reports++;
    try {
      const counts = countJUnit(readFileSync(join(dir, file), 'utf8'));
      totals.passed += counts.passed;
      totals.failed += counts.failed;
      totals.skipped += counts.skipped;
    } catch (error) {
      console.error(`${file}: not a readable JUnit report (${String(error)})`);
      totals.failed++;
    }
  }
  return totals;
}

/** @param {unknown} node @param {Counts} counts */
function addTestCases(node, counts) {
  if (Array.isArray(node)) {
    for (const child of node) addTestCases(child, counts);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [name, child] of Object.entries(node)) {
    if (name === 'testcase') for (const testCase of child) counts[outcome(testCase)]++;
    else addTestCases(child, counts);
  }
}

/**
 * A self-closing <testcase/> parses to a string: a test that passed with nothing to say.
 * @param {unknown} testCase
 * @returns {keyof Counts}
 */
function outcome(testCase) {
  if (testCase === null || typeof testCase !== 'object') return 'passed';
  if ('failure' in testCase || 'error' in testCase) return 'failed';
  if ('skipped' in testCase) return 'skipped';
  return 'passed';
}
