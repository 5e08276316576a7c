import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listen, PortInUseError } from './listen.js';

describe('listen', () => {
  it('answers 503 until the handler is set, then hands requests to it', async () => {
    const listener = await listen(0, '127.0.0.1');
    try {
      const url = `http://127.0.0.1:${listener.port}/`;
      assert.equal((await fetch(url)).status, 503);
      listener.setHandler((_req, res) => res.end('ready'));
      assert.equal(await (await fetch(url)).text(), 'ready');
    } finally {
      await listener.close();
    }
  });

  it('reports a busy port as PortInUseError naming the port', async () => {
    const first = await listen(0, '127.0.0.1');
    try {
      await assert.rejects(listen(first.port, '127.0.0.1'), (error: unknown) => {
        assert.ok(error instanceof PortInUseError);
        assert.equal(error.port, first.port);
        assert.equal(error.message, `Port ${first.port} on 127.0.0.1 is already in use.`);
        return true;
      });
    } finally {
      await first.close();
    }
  });
});
