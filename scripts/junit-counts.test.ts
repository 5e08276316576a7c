// The JUnit adder of scripts/test-all.mjs against each runner's own report: node:test's is produced
// here by running a small suite; the others are trimmed copies of reports those runners wrote.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { countJUnit, countJUnitReports } from './junit-counts.mjs';

describe('JUnit counts', () => {
  it("counts node:test's report: nested suites, subtests, failures, skips and todos", () => {
    const dir = mkdtempSync(join(tmpdir(), 'pb-junit-'));
    try {
      writeFileSync(
        join(dir, 'sample.test.mjs'),
        `import { describe, it, test } from 'node:test';
        describe('group', () => {
          it('passes', () => {});
          it('fails', () => { throw new Error('<testcase name="fake"/> ]]> in a message'); });
          it.skip('skipped', () => {});
          it.todo('todo');
          describe('inner', () => { it('inner passes', () => {}); });
        });
        test('parent', async (t) => { await t.test('child', () => {}); });`,
      );
      const report = join(dir, 'node-test.xml');
      try {
        execFileSync(
          process.execPath,
          [
            '--test',
            '--test-reporter=junit',
            `--test-reporter-destination=${report}`,
            'sample.test.mjs',
          ],
          // Without NODE_TEST_CONTEXT, or the inner run reports to this test runner instead.
          { cwd: dir, stdio: 'ignore', env: { ...process.env, NODE_TEST_CONTEXT: undefined } },
        );
      } catch {
        // exits 1: one test fails on purpose
      }
      assert.deepEqual(countJUnit(readFileSync(report, 'utf8')), {
        passed: 3,
        failed: 1,
        skipped: 2,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("counts Playwright's report, whose output sits in CDATA beside the failure", () => {
    const xml = `<testsuites id="" name="" tests="2" failures="1" skipped="0" errors="0" time="38.9">
<testsuite name="oauth-popup.spec.ts" tests="2" failures="1" skipped="0" time="10.5" errors="0">
<testcase name="connects an app" classname="oauth-popup.spec.ts" time="5.3">
<system-out>
<![CDATA[[[ATTACHMENT|trace.zip]] <testcase name="not a test"/>]]>
</system-out>
<failure message="expect(received).toBe(expected)" type="expect.toBe">
<![CDATA[Expected: 299
Received: 200]]>
</failure>
</testcase>
<testcase name="refuses a wrong verifier" classname="oauth-popup.spec.ts" time="4.1">
</testcase>
<testcase name="skipped here" classname="oauth-popup.spec.ts" time="0">
<skipped>
</skipped>
</testcase>
</testsuite>
</testsuites>`;
    assert.deepEqual(countJUnit(xml), { passed: 1, failed: 1, skipped: 1 });
  });

  it("counts Vitest's report", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8" ?>
<testsuites name="vitest tests" tests="3" failures="1" errors="0" time="3.2">
    <testsuite name="src/strict-mode.browser.test.ts" tests="3" failures="1" errors="0" skipped="0">
        <testcase classname="src/strict-mode.browser.test.ts" name="calls a callback once" time="0.7">
            <failure message="expected &apos;pipedrive&apos; to equal &apos;x&apos;" type="AssertionError">
AssertionError: expected &apos;pipedrive&apos; to equal &apos;x&apos;
            </failure>
        </testcase>
        <testcase classname="src/strict-mode.browser.test.ts" name="opens one popup per click" time="0.09">
        </testcase>
        <testcase classname="src/strict-mode.browser.test.ts" name="stops when unmounted" time="2.3">
            <skipped/>
        </testcase>
    </testsuite>
</testsuites>`;
    assert.deepEqual(countJUnit(xml), { passed: 1, failed: 1, skipped: 1 });
  });

  it("counts @web/test-runner's report (self-closing test cases pass)", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite name="Chrome_puppeteer_/packages/elements/src/a.test.ts" id="0" tests="3" skipped="1" errors="1" failures="1" time="0.3">
    <properties><property name="browser.name" value="Chrome"/></properties>
    <testcase name="passes" time="0.1" classname="&lt;a&gt;" file="a.test.ts"/>
    <testcase name="fails" time="0.05" classname="&lt;a&gt;" file="a.test.ts" line="96">
      <failure message="expected x" type="AssertionError"><![CDATA[AssertionError: expected x]]></failure>
    </testcase>
    <testcase name="skipped" time="0" classname="&lt;a&gt;" file="a.test.ts">
      <skipped/>
    </testcase>
  </testsuite>
</testsuites>`;
    assert.deepEqual(countJUnit(xml), { passed: 1, failed: 1, skipped: 1 });
  });

  it('counts an <error> as a failure, and an empty report as no test cases', () => {
    assert.deepEqual(
      countJUnit('<testsuite><testcase name="a"><error message="boom"/></testcase></testsuite>'),
      { passed: 0, failed: 1, skipped: 0 },
    );
    assert.deepEqual(countJUnit('<testsuites></testsuites>'), { passed: 0, failed: 0, skipped: 0 });
  });

  it('sums every report of a folder, and a report cut short counts as one failure', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pb-junit-'));
    try {
      writeFileSync(
        join(dir, 'a.xml'),
        '<testsuite><testcase name="a"/><testcase name="b"/></testsuite>',
      );
      writeFileSync(join(dir, 'b.xml'), '<testsuite><testcase name="c"><skipped/></testcase>');
      writeFileSync(join(dir, 'notes.txt'), 'not a report');
      assert.deepEqual(countJUnitReports(dir), { passed: 2, failed: 1, skipped: 0, reports: 2 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
