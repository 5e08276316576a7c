// `npm start` as a newcomer runs it (issue 19): a copy of this checkout without node_modules or
// builds, no pnpm anywhere on the PATH, an empty home folder and an empty npm cache. It must install
// its own pnpm, build, and serve the start page and the examples.
// Run: node scripts/node-test.mjs test/fresh-machine
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from '../../scripts/wtr-free-port.mjs';
import { pathWithout } from '../../scripts/path-without.mjs';

const root = join(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 12 * 60_000;

let scratch: string;
let server: ChildProcess | undefined;
let output = '';
const ports: Record<string, number> = {};

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'pb-fresh-machine-'));
  const checkout = join(scratch, 'plugboard');
  // What a clone holds: tracked files and new, not ignored ones; no node_modules, dist or .tools.
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  )
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(join(checkout, dirname(file)), { recursive: true });
    cpSync(join(root, file), join(checkout, file), { dereference: false, errorOnExist: false });
  }
  for (const name of ['SITE', 'SCRIPT_TAG', 'REACT', 'VUE', 'SERVER', 'PROVIDER']) {
    ports[name] = await freePort();
  }
  const home = join(scratch, 'home');
  mkdirSync(home);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: pathWithout(['pnpm', 'pnpx'], process.env.PATH ?? '', join(scratch, 'path')),
    HOME: home,
    npm_config_cache: join(scratch, 'npm-cache'),
    // pnpm's package store stays the machine's own (~/.local/share/pnpm) so the install is warm;
    // the store holds packages, not tools, so nothing on the PATH comes from it.
    XDG_DATA_HOME: process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'),
    ...Object.fromEntries(
      Object.entries(ports).map(([name, port]) => [`PB_${name}_PORT`, String(port)]),
    ),
  };
  delete env.PB_RESULTS_DIR;
  delete env.PB_PNPM;
  server = spawn('npm', ['start'], { cwd: checkout, env, detached: true, stdio: 'pipe' });
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm start did not serve within ${START_TIMEOUT_MS / 60_000} min`)),
      START_TIMEOUT_MS,
    );
    const check = () => {
      if (output.includes('Plugboard is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    server!.stdout?.on('data', check);
    server!.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output.slice(-3000)}`));
    });
  });
});

after(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    const killer = setTimeout(() => process.kill(-server!.pid!, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  }
  rmSync(scratch, { recursive: true, force: true });
});

test('npm start installed its own pnpm, since none was on the PATH', () => {
  assert.match(output, /installing pnpm 12\.4\.2 into \.tools/);
});

test('npm start serves the start page', async () => {
  const response = await fetch(`http://localhost:${ports.SITE}/`);
  assert.equal(response.status, 200);
  const page = await response.text();
  assert.match(page, /<title>Plugboard — start page<\/title>/);
  assert.ok(
    page.includes(`http://localhost:${ports.SCRIPT_TAG}/`),
    'links to the script-tag example',
  );
});

test('npm start serves the script-tag example and its bundle', async () => {
  const page = await fetch(`http://localhost:${ports.SCRIPT_TAG}/`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<app-connections/);
  const bundle = await fetch(`http://localhost:${ports.SCRIPT_TAG}/plugboard.js`);
  assert.equal(bundle.status, 200);
  assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
});

test('npm start serves the reference backend with a session for the example', async () => {
  const origin = `http://localhost:${ports.SCRIPT_TAG}`;
  const session = await fetch(`${origin}/api/plugboard-session`, {
    method: 'POST',
    headers: { origin },
  });
  assert.equal(session.status, 201);
  const { token } = (await session.json()) as { token: string };
  const apps = await fetch(`http://127.0.0.1:${ports.SERVER}/v1/apps?limit=1`, {
    headers: { authorization: `Bearer ${token}`, origin },
  });
  assert.equal(apps.status, 200);
});
