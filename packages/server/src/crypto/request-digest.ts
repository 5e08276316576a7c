// What an Idempotency-Key remembers of its request body: an HMAC-SHA-256 under a key derived from
// the encryption key, never a plain hash (a short secret in the body would be guessable offline
// from a plain hash). The digest names its key, so it still matches after a key rotation.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { keyId } from './secret-box.js';

export interface RequestDigest {
  /** The digest to store: `<key id>.<HMAC>`. */
  value: string;
  /** Whether a stored digest is of the same body. */
  matches(stored: string): boolean;
}

export type RequestDigester = (body: string) => RequestDigest;

export function createRequestDigester(keys: readonly Buffer[]): RequestDigester {
  const macKeys = new Map(
    keys.map((key) => [
      keyId(key),
      Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'plugboard idempotency body', 32)),
    ]),
  );
  const [currentId, currentKey] = [...macKeys][0]!;
  const mac = (key: Buffer, body: string) =>
    createHmac('sha256', key).update(body, 'utf8').digest('base64url');
  return (body) => ({
    value: `${currentId}.${mac(currentKey, body)}`,
    matches(stored) {
      const [id, digest] = stored.split('.');
      const key = id ? macKeys.get(id) : undefined;
      if (!key || !digest) return false;
      const expected = Buffer.from(mac(key, body));
      const actual = Buffer.from(digest);
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },
  });
}
