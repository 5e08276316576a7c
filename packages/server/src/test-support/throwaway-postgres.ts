// A PostgreSQL server for one test run: initdb in a temporary folder, started on a free loopback
// port with fsync off, removed by stop(). As root it runs as the `postgres` user (PostgreSQL refuses
// root). Missing binaries are an error that says how to install them, never a silent skip.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface ThrowawayPostgres {
  /** `postgres://pb@127.0.0.1:PORT/postgres` (trust authentication, loopback only). */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'pb';
const MIN_VERSION = 15;

export class PostgresMissingError extends Error {
  constructor() {
    super(
      `PostgreSQL ${MIN_VERSION}+ is needed for these tests and was not found in /usr/lib/postgresql/*/bin ` +
        '(or PB_POSTGRES_BIN). Install it with `apt-get install -y postgresql` ' +
        '(`node scripts/bootstrap.mjs system-packages` does it as root).',
    );
    this.name = 'PostgresMissingError';
  }
}

/** The folder holding initdb and pg_ctl of the newest PostgreSQL installed, or null. */
function findPostgresBin(): string | null {
  const configured = process.env.PB_POSTGRES_BIN;
  if (configured) return existsSync(join(configured, 'pg_ctl')) ? configured : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .map(Number)
    .filter((version) => version >= MIN_VERSION)
    .sort((a, b) => b - a);
  for (const version of versions) {
    const bin = join(root, String(version), 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new PostgresMissingError();
  const asRoot = userInfo().uid === 0;
  /** Runs a PostgreSQL tool, as the postgres user when we are root. */
  const tool = (name: string, args: string[]) => {
    const [command, commandArgs] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, name), ...args]]
      : [join(bin, name), args];
    const result = spawnSync(command, commandArgs, { encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`${name} failed (${result.status}): ${result.stderr || result.stdout}`);
    }
  };
  const dir = mkdtempSync(join(tmpdir(), 'pb-postgres-'));
  const data = join(dir, 'data');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    tool('initdb', ['-D', data, '-A', 'trust', '-U', USER, '--no-sync', '-E', 'UTF8']);
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      const options = [
        `-p ${port}`,
        `-k ${dir}`,
        '-c listen_addresses=127.0.0.1',
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=300',
      ].join(' ');
      try {
        tool('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
      } catch (error) {
        // Another process may have taken the port between our check and the start.
        if (attempt < 3) continue;
        const log = existsSync(join(dir, 'server.log'))
          ? readFileSync(join(dir, 'server.log'), 'utf8')
          : '';
        throw new Error(`${(error as Error).message}\n${log}`, { cause: error });
      }
      return {
        url: `postgres://${USER}@127.0.0.1:${port}/postgres`,
        port,
        stop: async () => {
          try {
            tool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
          } finally {
            remove();
          }
        },
      };
    }
  } catch (error) {
    remove();
    throw error;
  }
}
