// Every check `npm test` runs, in order. scripts/test-all.mjs runs each command from the repo root
// with $PB_RESULTS_DIR set; a suite whose runner writes JUnit XML there reports its test cases,
// any other counts as one check passed or failed by its exit code.
const node = process.execPath;

/**
 * @param {string} pnpm path of the pinned pnpm binary
 * @returns {{ name: string, command: string[], timeoutMinutes?: number }[]}
 */
export function suites(pnpm) {
  const filtered = (pkg, script) => [pnpm, '--filter', `@plugboard/${pkg}`, 'run', script];
  const browserTests = (engine) => ({
    name: `components:${engine}`,
    command: [node, 'scripts/wtr-run.mjs', engine],
    timeoutMinutes: 10,
  });
  return [
    { name: 'lint', command: [pnpm, 'exec', 'eslint', '.', '--max-warnings', '0'] },
    { name: 'format', command: [pnpm, 'exec', 'prettier', '--check', '.'] },
    // Dead exports, unused files and dependencies (knip.json says what the entries are).
    { name: 'knip', command: [pnpm, 'exec', 'knip', '--no-progress'] },
    { name: 'contract:lint', command: filtered('contract', 'lint:contract') },
    { name: 'contract:generated', command: filtered('contract', 'check:generated') },
    { name: 'typecheck', command: [pnpm, 'run', 'typecheck'] },
    { name: 'build', command: [pnpm, 'run', 'build'] },
    // Before e2e: the accessibility matrix visits every story of the built Storybook.
    {
      name: 'storybook:build',
      command: [pnpm, 'exec', 'storybook', 'build', '-o', 'storybook-static', '--quiet'],
    },
    {
      name: 'distribution',
      command: [node, 'scripts/node-test.mjs', 'test/distribution'],
      timeoutMinutes: 5,
    },
    {
      name: 'fresh-machine',
      command: [node, 'scripts/node-test.mjs', 'test/fresh-machine'],
      timeoutMinutes: 15,
    },
    { name: 'unit:bench', command: [node, 'scripts/node-test.mjs', 'bench'] },
    { name: 'unit:scripts', command: [node, 'scripts/node-test.mjs', 'scripts'] },
    ...['contract', 'core', 'mocks', 'server', 'react', 'vue', 'example-host-backend'].map(
      (pkg) => ({
        name: `unit:${pkg}`,
        command: filtered(pkg, 'test'),
      }),
    ),
    // Three server instances on PostgreSQL behind HAProxy (issue 13).
    { name: 'scale', command: [node, 'scripts/node-test.mjs', 'test/scale'], timeoutMinutes: 10 },
    ...['react', 'vue'].map((pkg) => ({
      name: `browser:${pkg}`,
      command: filtered(pkg, 'test:browser'),
    })),
    browserTests('chromium'),
    browserTests('firefox'),
    browserTests('webkit'),
    {
      name: 'e2e',
      command: [pnpm, 'exec', 'playwright', 'test', '--config', 'test/playwright.config.ts'],
      // About 5 minutes on an idle machine; the margin is for a loaded one.
      timeoutMinutes: 25,
    },
    {
      name: 'storybook:smoke',
      command: [pnpm, 'exec', 'vitest', 'run', '--config', '.storybook/vitest.config.ts'],
      timeoutMinutes: 10,
    },
    { name: 'size', command: [node, 'scripts/size-budgets.mjs'] },
    { name: 'manifest:fresh', command: filtered('elements', 'check:manifest') },
    { name: 'react:generated', command: filtered('react', 'check:generated') },
  ];
}
