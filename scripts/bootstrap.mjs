// Fresh-machine bootstrap shared by `npm start` and `npm test`: needs only Node 20 and npm.
// Gets pnpm (pinned), installs the workspace from the lockfile, and, for tests, the browsers.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname, delimiter } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PNPM_VERSION = '12.4.2';

const localBin = join(root, '.tools', 'node_modules', '.bin');
const localPnpm = join(localBin, 'pnpm');

function versionOf(command) {
  try {
    return execFileSync(command, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

/**
 * Makes the pinned pnpm the one every child process finds as `pnpm`, installing it into .tools/ when
 * no pnpm of that version is on the PATH. Root scripts call `pnpm` by name, so a private pnpm that
 * only the bootstrap knows by path is not enough (issue 19). Returns the binary to call.
 */
export function ensurePnpm() {
  if (versionOf('pnpm') === PNPM_VERSION) return 'pnpm';
  if (versionOf(localPnpm) !== PNPM_VERSION) {
    console.log(`[bootstrap] installing pnpm ${PNPM_VERSION} into .tools/ …`);
    run('npm', [
      'install',
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--prefix',
      join(root, '.tools'),
      `pnpm@${PNPM_VERSION}`,
    ]);
  }
  // First on the PATH, so it also wins over a global pnpm of another version.
  process.env.PATH = `${localBin}${delimiter}${process.env.PATH ?? ''}`;
  return localPnpm;
}

/** Environment for native builds: better-sqlite3 compiles from source against Node's own headers. */
export function buildEnv() {
  const env = { ...process.env };
  if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h'))
    env.npm_config_nodedir = '/usr';
  return env;
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    cwd: root,
    env: buildEnv(),
    ...options,
  });
  if (result.status !== 0) {
    console.error(
      `[bootstrap] \`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).`,
    );
    process.exit(result.status ?? 1);
  }
}

export function installWorkspace(pnpm) {
  run(pnpm, ['install', '--frozen-lockfile', '--reporter=append-only']);
}

// Debian packages the test suites need, by the file each one provides.
const SYSTEM_PACKAGES = {
  '/usr/bin/chromium': 'chromium',
  '/usr/bin/firefox-esr': 'firefox-esr',
  '/usr/bin/WebKitWebDriver': 'webkit2gtk-driver',
  '/usr/bin/xvfb-run': 'xvfb',
  '/usr/bin/xauth': 'xauth',
  // The server suite runs on PostgreSQL too; the scale test puts instances behind HAProxy.
  '/usr/lib/postgresql/15/bin/initdb': 'postgresql',
  '/usr/sbin/haproxy': 'haproxy',
};

/** Makes sure the Debian packages the tests need exist; installs them as root, otherwise says what to run. */
export function ensureSystemPackages() {
  const missing = Object.entries(SYSTEM_PACKAGES)
    .filter(([path]) => !existsSync(path))
    .map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (!isRoot) {
    console.error(
      `[bootstrap] missing system packages: ${missing.join(', ')}. Install them with:\n  sudo sh -c '${command}'`,
    );
    process.exit(1);
  }
  console.log(`[bootstrap] installing ${missing.join(', ')} with apt-get …`);
  run('sh', ['-c', command], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

// `node scripts/bootstrap.mjs system-packages`: what .ci/run calls, so the list lives here only.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] === 'system-packages') ensureSystemPackages();
  else {
    console.error('usage: node scripts/bootstrap.mjs system-packages');
    process.exit(2);
  }
}
