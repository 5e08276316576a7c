import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomId } from './random-id.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomId', () => {
  it('gives v4 UUIDs', () => {
    assert.match(randomId(), UUID_V4);
    assert.notEqual(randomId(), randomId());
  });

  it('still works where crypto.randomUUID is missing (insecure contexts)', () => {
    // Shadow the prototype method on the instance, as an insecure context leaves it undefined.
    Object.defineProperty(globalThis.crypto, 'randomUUID', {
      value: undefined,
      configurable: true,
    });
    try {
      assert.equal(typeof globalThis.crypto.randomUUID, 'undefined');
      assert.match(randomId(), UUID_V4);
    } finally {
      Reflect.deleteProperty(globalThis.crypto, 'randomUUID');
    }
    assert.equal(typeof globalThis.crypto.randomUUID, 'function');
  });
});
