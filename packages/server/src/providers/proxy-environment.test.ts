// The real start path: the package's `plugboard-server` bin, `start`, in its own process with PB_PROVIDERS_FILE,
// HTTPS_PROXY and NODE_EXTRA_CA_CERTS reaches a service on its real host name through the proxy,
// trusting the extra CA, exactly as a corporate deployment would; and it runs no demo provider.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before, it } from 'node:test';
import { startDoublesServer, type DoublesServer } from '../test-support/doubles/doubles-server.js';
import { stripeService } from '../test-support/doubles/services/stripe.js';
import { idempotencyKey, ORIGIN } from '../test-support/test-stack.js';

const SECRET_KEY = 'sk_test_proxy_environment_suite';
const bin = fileURLToPath(new URL('../../bin/plugboard-server.mjs', import.meta.url));
const stripe = stripeService();
let doubles: DoublesServer;
let server: ChildProcess;
let dir: string;
let url: string;
const logs: string[] = [];

before(async () => {
  doubles = await startDoublesServer([stripe.double]);
  dir = mkdtempSync(join(tmpdir(), 'pb-proxy-env-'));
  writeFileSync(join(dir, 'providers.json'), JSON.stringify({ stripe: {} }));
  server = spawn(process.execPath, [bin, 'start'], {
    env: {
      PATH: process.env.PATH,
      PB_SERVER_PORT: '0',
      PB_PROVIDERS_FILE: join(dir, 'providers.json'),
      PB_DATA_DIR: dir,
      PB_SECRET_KEY: SECRET_KEY,
      HTTPS_PROXY: doubles.proxyUrl,
      NODE_EXTRA_CA_CERTS: doubles.tls.caPath,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  url = await new Promise<string>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    createInterface({ input: server.stdout! }).on('line', (line) => {
      logs.push(line);
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'listening' && entry.url) resolve(entry.url);
    });
  });
});

after(async () => {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  await doubles.close();
  rmSync(dir, { recursive: true, force: true });
});

it('connects Stripe through HTTPS_PROXY, trusting NODE_EXTRA_CA_CERTS', async () => {
  assert.match(logs.join('\n'), /real services: stripe/);
  const session = await fetch(`${url}/v1/sessions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${SECRET_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId: 'u1', allowedOrigins: [ORIGIN] }),
  });
  const { token } = (await session.json()) as { token: string };
  const { fields } = stripe.scenarios[0]!.credentials![0]!;
  const created = await fetch(`${url}/v1/connections`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      Origin: ORIGIN,
      'Content-Type': 'application/json',
      'Idempotency-Key': idempotencyKey(),
    },
    body: JSON.stringify({ app: 'stripe', method: 'api_key', fields }),
  });
  const body = (await created.json()) as { label?: string };
  assert.equal(created.status, 201, JSON.stringify(body));
  assert.equal(body.label, 'jane@acme.com');
  assert.ok(
    doubles.log.includes('GET https://api.stripe.com/v1/account'),
    'the call went through the proxy',
  );
});
