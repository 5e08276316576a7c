// Runs the browser tests in ONE engine: node scripts/wtr-run.mjs chromium|firefox|webkit [wtr flags]
// A missing browser or a driver that does not start is a failure of that engine's suite, never a skip.
// WebKit has no headless mode: this script re-runs itself under `xvfb-run -a` when there is no
// display, then starts WebKitWebDriver on a free port for the run and stops it afterwards.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSER_BINARIES, ENGINES } from './wtr-browsers.mjs';
import { freePort } from './wtr-free-port.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [engine, ...wtrArgs] = process.argv.slice(2);

// Each child runs in its own process group so a stop (test-all's timeout sends SIGTERM, a user
// presses Ctrl-C) takes down everything under it: xvfb-run's X server, the driver, the browsers.
const children = new Set();
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    for (const child of children) stopGroup(child);
    process.exit(1);
  });
}

if (!ENGINES.includes(engine))
  fail(`usage: node scripts/wtr-run.mjs <${ENGINES.join('|')}> [flags]`);
if (!existsSync(BROWSER_BINARIES[engine])) {
  fail(
    `${engine}: ${BROWSER_BINARIES[engine]} is missing (run \`npm test\` to install the browsers).`,
  );
}

if (engine === 'webkit' && !process.env.DISPLAY) {
  process.exit(await run('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)]));
}

const env = { ...process.env, PB_ENGINE: engine };
let driver;
if (engine === 'webkit') {
  const port = await freePort();
  driver = spawn(BROWSER_BINARIES.webkit, [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  children.add(driver);
  await waitForDriver(port, driver);
  env.PB_WEBDRIVER_PORT = String(port);
}

const wtrBin = join(root, 'node_modules', '@web', 'test-runner', 'dist', 'bin.js');
const code = await run(
  process.execPath,
  [wtrBin, '--config', join(root, 'web-test-runner.config.mjs'), '--static-logging', ...wtrArgs],
  { env },
);
if (driver) stopGroup(driver);
process.exit(code);

/** Spawns a command with inherited output; resolves with its exit code (1 on a spawn error). */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', detached: true, ...options });
    children.add(child);
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (status, signal) => {
      children.delete(child);
      resolve(status ?? (signal ? 1 : 0));
    });
  });
}

/** Polls the driver's /status endpoint until it answers; fails if it exits or takes over 15 s. */
async function waitForDriver(port, child) {
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && !exited) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stopGroup(child);
  fail(`webkit: WebKitWebDriver did not start on port ${port}.`);
}

function stopGroup(child) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
