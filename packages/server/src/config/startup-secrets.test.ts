// Issue 14, finding 2: a server reachable from the network must not run on the published
// development secret key or a generated encryption key.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { startReferenceStack, type ReferenceStack } from '../reference-stack.js';
import { DEV_SECRET_KEY } from './defaults.js';

const SECRET_KEY = 'sk_live_startup_secrets_test';
const ENCRYPTION_KEY = randomBytes(32).toString('base64');
const base = { port: 0, providerPort: 0, dbPath: ':memory:', quiet: true } as const;
/** Every variable the stack reads, cleared so the test does not depend on the shell. */
const CLEARED_ENV = {
  PB_SECRET_KEY: '',
  PB_ENCRYPTION_KEY: '',
  PB_ENCRYPTION_KEYS: '',
  PB_DATABASE_URL: '',
  PB_DEV: '',
  PB_HOST: '',
  PB_PUBLIC_URL: '',
};

describe('startup secrets', () => {
  const started: ReferenceStack[] = [];
  const saved = { ...process.env };
  Object.assign(process.env, CLEARED_ENV);
  after(async () => {
    process.env = saved;
    await Promise.all(started.map((stack) => stack.close()));
  });
  const start = async (options: Parameters<typeof startReferenceStack>[0]) => {
    const stack = await startReferenceStack({ ...base, ...options });
    started.push(stack);
    return stack;
  };

  it('refuses every interface without PB_SECRET_KEY and PB_ENCRYPTION_KEYS', async () => {
    await assert.rejects(
      startReferenceStack({ ...base, host: '0.0.0.0' }),
      /^Error: Refusing to listen on 0\.0\.0\.0 without PB_SECRET_KEY and PB_ENCRYPTION_KEYS/,
    );
    await assert.rejects(
      startReferenceStack({ ...base, host: '0.0.0.0', secretKey: SECRET_KEY }),
      /without PB_ENCRYPTION_KEY/,
    );
    await assert.rejects(
      startReferenceStack({ ...base, host: '0.0.0.0', encryptionKey: ENCRYPTION_KEY }),
      /without PB_SECRET_KEY/,
    );
  });

  it('refuses the published development key as an explicit PB_SECRET_KEY off loopback', async () => {
    await assert.rejects(
      startReferenceStack({
        ...base,
        host: '0.0.0.0',
        secretKey: DEV_SECRET_KEY,
        encryptionKey: ENCRYPTION_KEY,
      }),
      /the published development key/,
    );
  });

  it('starts off loopback with both keys, and on loopback or with PB_DEV=1 without them', async () => {
    const production = await start({
      host: '0.0.0.0',
      secretKey: SECRET_KEY,
      encryptionKey: ENCRYPTION_KEY,
    });
    assert.equal(production.secretKey, SECRET_KEY);
    for (const host of ['127.0.0.1', 'localhost', '::1']) {
      const local = await start({ host });
      assert.equal(local.secretKey, DEV_SECRET_KEY, host);
    }
    const dev = await start({ host: '0.0.0.0', dev: true });
    assert.equal(dev.secretKey, DEV_SECRET_KEY);
    process.env.PB_DEV = '1';
    try {
      const devFromEnvironment = await start({ host: '0.0.0.0' });
      assert.equal(devFromEnvironment.secretKey, DEV_SECRET_KEY);
    } finally {
      process.env.PB_DEV = '';
    }
  });

  it('the CLI says so in one line and exits 1', async () => {
    const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['--import', 'tsx', cli, 'start'], {
        env: {
          ...saved,
          ...CLEARED_ENV,
          PB_HOST: '0.0.0.0',
          PB_SERVER_PORT: '0',
          PB_PROVIDER_PORT: '0',
          PB_DATA_DIR: mkdtempSync(join(tmpdir(), 'pb-startup-')),
          ...env,
        },
        encoding: 'utf8',
        timeout: 20_000,
      });
    const refused = run({});
    assert.equal(refused.status, 1);
    const lines = refused.stderr.trim().split('\n');
    assert.equal(lines.length, 1, refused.stderr);
    assert.match(
      lines[0]!,
      /^plugboard-server: Refusing to listen on 0\.0\.0\.0 without PB_SECRET_KEY and PB_ENCRYPTION_KEYS: set both, listen on loopback only \(PB_HOST=127\.0\.0\.1\), or set PB_DEV=1 for development\.$/,
    );
  });
});
