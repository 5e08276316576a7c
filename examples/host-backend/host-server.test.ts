// The demo host backend's session endpoint (issue 14, finding 15): POST only, for the configured
// user and origins, never for origins taken from the caller's own headers.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { SESSION_ROUTE, startHostServer } from './host-server.mjs';

interface MintRequest {
  authorization: string | undefined;
  body: { userId: string; allowedOrigins: string[] };
}

/** A stand-in for the Plugboard backend's POST /v1/sessions that records what it was asked. */
async function fakePlugboard() {
  const mints: MintRequest[] = [];
  const read = async (request: IncomingMessage) => {
    let text = '';
    for await (const chunk of request) text += String(chunk);
    return JSON.parse(text) as MintRequest['body'];
  };
  const server = createServer((request, response) => {
    void read(request).then((body) => {
      mints.push({ authorization: request.headers.authorization, body });
      response
        .writeHead(201, { 'content-type': 'application/json' })
        .end(
          JSON.stringify({ token: `pbs_test_${mints.length}`, expiresAt: '2030-01-01T00:00:00Z' }),
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    mints,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the demo host backend mints sessions', () => {
  let plugboard: Awaited<ReturnType<typeof fakePlugboard>>;
  const hosts: Array<{ close(): Promise<void> }> = [];
  const root = fileURLToPath(new URL('.', import.meta.url));

  before(async () => {
    plugboard = await fakePlugboard();
  });
  after(async () => {
    await Promise.all(hosts.map((host) => host.close()));
    await plugboard.close();
  });

  const host = async (options: Record<string, unknown> = {}) => {
    const started = await startHostServer({
      root,
      plugboardUrl: plugboard.url,
      secretKey: 'sk_test_host_backend_suite',
      ...options,
    });
    hosts.push(started);
    return started;
  };

  it('answers POST with a token for the configured user and origins, whatever the caller claims', async () => {
    const started = await host({
      userId: 'user-from-config',
      allowedOrigins: ['https://app.example.com'],
    });
    const before = plugboard.mints.length;
    const answer = await fetch(new URL(SESSION_ROUTE, started.url), { method: 'POST' });
    assert.equal(answer.status, 201);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.match(((await answer.json()) as { token: string }).token, /^pbs_test_/);
    assert.deepEqual(plugboard.mints.slice(before), [
      {
        authorization: 'Bearer sk_test_host_backend_suite',
        body: { userId: 'user-from-config', allowedOrigins: ['https://app.example.com'] },
      },
    ]);
  });

  it('allows its own origin by default, and refuses a POST from another origin', async () => {
    const started = await host();
    const before = plugboard.mints.length;
    const own = await fetch(new URL(SESSION_ROUTE, started.url), {
      method: 'POST',
      headers: { origin: started.origin },
    });
    assert.equal(own.status, 201);
    assert.deepEqual(plugboard.mints.at(-1)?.body.allowedOrigins, [started.origin]);
    const forged = await fetch(new URL(SESSION_ROUTE, started.url), {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(forged.status, 403);
    assert.equal(plugboard.mints.length, before + 1, 'no session for another origin');
  });

  it('refuses GET with 405 and mints nothing', async () => {
    const started = await host();
    const before = plugboard.mints.length;
    const answer = await fetch(new URL(SESSION_ROUTE, started.url));
    assert.equal(answer.status, 405);
    assert.equal(answer.headers.get('allow'), 'POST');
    assert.equal(plugboard.mints.length, before);
  });
});

describe('closing the demo host backend', () => {
  it('ends a connection a browser opened ahead and never used, instead of waiting for it', async () => {
    const started = await startHostServer({
      root: fileURLToPath(new URL('.', import.meta.url)),
      plugboardUrl: 'http://127.0.0.1:9',
      secretKey: 'sk_test_host_backend_suite',
    });
    const { hostname, port } = new URL(started.origin);
    const socket = connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    const socketClosed = new Promise((resolve) => socket.once('close', resolve));
    const outcome = await Promise.race([
      started.close().then(() => 'closed'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting after 3 s'), 3000)),
    ]);
    socket.destroy();
    assert.equal(outcome, 'closed');
    await socketClosed;
  });
});
