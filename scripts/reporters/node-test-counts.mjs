// node:test reporter that writes {passed, failed, skipped} for scripts/test-all.mjs.
// Use it beside a human reporter: --test-reporter=spec --test-reporter-destination=stdout
//   --test-reporter=./scripts/reporters/node-test-counts.mjs --test-reporter-destination=<file>
export default async function* countTests(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip || event.data.todo) counts.skipped++;
    else if (event.type === 'test:pass') counts.passed++;
    else counts.failed++;
  }
  yield JSON.stringify(counts);
}
