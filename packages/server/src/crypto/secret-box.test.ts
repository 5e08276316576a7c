import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { createSecretBox } from './secret-box.js';

describe('createSecretBox', () => {
  const box = createSecretBox([randomBytes(32)]);

  it('round-trips a value and never shows the plaintext', () => {
    const sealed = box.seal('demo-key-123', 'connection:con_1');
    assert.ok(!sealed.includes('demo-key-123'));
    assert.equal(box.open(sealed, 'connection:con_1'), 'demo-key-123');
    assert.notEqual(box.seal('demo-key-123', 'connection:con_1'), sealed, 'a fresh IV each time');
  });

  it('refuses a value moved to another row, tampered with, or opened with another key', () => {
    const sealed = box.seal('secret', 'connection:con_1');
    assert.throws(() => box.open(sealed, 'connection:con_2'));
    const parts = sealed.split('.');
    const data = Buffer.from(parts.at(-1)!, 'base64url');
    data[0]! ^= 1;
    assert.throws(() =>
      box.open([...parts.slice(0, -1), data.toString('base64url')].join('.'), 'connection:con_1'),
    );
    assert.throws(() => createSecretBox([randomBytes(32)]).open(sealed, 'connection:con_1'));
    assert.throws(() => createSecretBox([randomBytes(16)]));
  });

  it('refuses a shortened authentication tag (finding 14: the tag length is fixed at 16)', () => {
    const sealed = box.seal('secret', 'connection:con_1');
    const parts = sealed.split('.');
    const tagIndex = parts.length - 2;
    const tag = Buffer.from(parts[tagIndex]!, 'base64url');
    assert.equal(tag.length, 16);
    // A 4-byte prefix of the right tag: GCM accepts it unless the length is pinned.
    parts[tagIndex] = tag.subarray(0, 4).toString('base64url');
    assert.throws(() => box.open(parts.join('.'), 'connection:con_1'));
  });

  it('names its key in every sealed value and opens values of older keys (finding 14)', () => {
    const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
    const before = createSecretBox([oldKey]).seal('secret', 'ctx');
    const rotated = createSecretBox([newKey, oldKey]);
    assert.equal(rotated.open(before, 'ctx'), 'secret', 'an older key still opens its values');
    const after = rotated.seal('secret', 'ctx');
    assert.notEqual(rotated.keyIdOf(after), rotated.keyIdOf(before));
    assert.equal(rotated.keyIdOf(after), createSecretBox([newKey]).currentKeyId);
    assert.equal(rotated.needsResealing(before), true);
    assert.equal(rotated.needsResealing(after), false);
    assert.equal(createSecretBox([newKey]).open(after, 'ctx'), 'secret');
    assert.throws(() => createSecretBox([newKey]).open(before, 'ctx'), /key/);
  });
});
