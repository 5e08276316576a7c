import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { createSecretBox } from './secret-box.js';

describe('createSecretBox', () => {
  const box = createSecretBox(randomBytes(32));

  it('round-trips a value and never shows the plaintext', () => {
    const sealed = box.seal('demo-key-123', 'connection:con_1');
    assert.ok(!sealed.includes('demo-key-123'));
    assert.equal(box.open(sealed, 'connection:con_1'), 'demo-key-123');
    assert.notEqual(box.seal('demo-key-123', 'connection:con_1'), sealed, 'a fresh IV each time');
  });

  it('refuses a value moved to another row, tampered with, or opened with another key', () => {
    const sealed = box.seal('secret', 'connection:con_1');
    assert.throws(() => box.open(sealed, 'connection:con_2'));
    const [version, iv, tag, data] = sealed.split('.');
    const flipped = Buffer.from(data!, 'base64url');
    flipped[0]! ^= 1;
    assert.throws(() =>
      box.open([version, iv, tag, flipped.toString('base64url')].join('.'), 'connection:con_1'),
    );
    assert.throws(() => createSecretBox(randomBytes(32)).open(sealed, 'connection:con_1'));
    assert.throws(() => createSecretBox(randomBytes(16)));
  });
});
