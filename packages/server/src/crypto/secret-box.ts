// AES-256-GCM for secrets at rest. Each value gets a fresh 96-bit IV and a 128-bit tag (its length
// is pinned when opening: GCM would otherwise accept a shortened, forgeable tag). The associated
// data binds a ciphertext to its row (a connection's id, user and app) so values cannot be moved.
// Every value names the key that sealed it ("v2.<key id>.iv.tag.data"); several keys may be
// configured, newest first: new values use the newest, older values open with theirs, and
// reencrypt.ts moves old values to the newest key. Values from before key ids ("v1.iv.tag.data")
// still open with any configured key until they are re-encrypted.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v2';
const LEGACY_VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const TAG_BYTES = 16;

export interface SecretBox {
  /** The id of the key new values are sealed with. */
  readonly currentKeyId: string;
  seal(plaintext: string, associatedData: string): string;
  /**
   * Opens a value; throws when it was tampered with, moved, or sealed by a key not configured.
   * `legacyAssociatedData` is what values sealed before key ids were bound to.
   */
  open(sealed: string, associatedData: string, legacyAssociatedData?: string): string;
  /** The key id a value names, or null for a value from before key ids. */
  keyIdOf(sealed: string): string | null;
  /** True when the value is not sealed with the newest key (re-encrypt it). */
  needsResealing(sealed: string): boolean;
}

/** A short, stable name for a key that reveals nothing usable about it. */
export function keyId(key: Buffer): string {
  return createHash('sha256')
    .update('plugboard key id\u0000')
    .update(key)
    .digest('base64url')
    .slice(0, 8);
}

function decrypt(key: Buffer, iv: string, tag: string, data: string, aad: string): string {
  const tagBytes = Buffer.from(tag, 'base64url');
  if (tagBytes.length !== TAG_BYTES) throw new Error('Unreadable sealed value.');
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tagBytes);
  return Buffer.concat([
    decipher.update(Buffer.from(data, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}

export function createSecretBox(keys: readonly Buffer[]): SecretBox {
  if (keys.length === 0) throw new Error('At least one encryption key is needed.');
  for (const key of keys) {
    if (key.length !== 32) throw new Error('Each encryption key must be 32 bytes.');
  }
  const byId = new Map(keys.map((key) => [keyId(key), key]));
  const current = keys[0]!;
  const currentKeyId = keyId(current);
  const keyIdOf = (sealed: string) => {
    const [version, id] = sealed.split('.');
    return version === VERSION && id ? id : null;
  };
  return {
    currentKeyId,
    seal(plaintext, associatedData) {
      const iv = randomBytes(12);
      const cipher = createCipheriv(ALGORITHM, current, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(associatedData, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
      return [VERSION, currentKeyId, ...parts].join('.');
    },
    open(sealed, associatedData, legacyAssociatedData) {
      const parts = sealed.split('.');
      if (parts[0] === VERSION && parts.length === 5) {
        const [, id, iv, tag, data] = parts as [string, string, string, string, string];
        const key = byId.get(id);
        if (!key) throw new Error(`No configured encryption key has the id ${id}.`);
        return decrypt(key, iv, tag, data, associatedData);
      }
      if (parts[0] === LEGACY_VERSION && parts.length === 4) {
        const [, iv, tag, data] = parts as [string, string, string, string];
        for (const key of keys) {
          try {
            return decrypt(key, iv, tag, data, legacyAssociatedData ?? associatedData);
          } catch {
            // Try the next key: values from before key ids do not say which one sealed them.
          }
        }
        throw new Error('No configured encryption key opens this value.');
      }
      throw new Error('Unreadable sealed value.');
    },
    keyIdOf,
    needsResealing: (sealed) => keyIdOf(sealed) !== currentKeyId,
  };
}
