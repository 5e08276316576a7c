// Development defaults. Each one prints a warning when used, because none is fit for production.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The documented development secret key. Never accept it in production: set PB_SECRET_KEY. */
export const DEV_SECRET_KEY = 'sk_test_plugboard_dev_only';
const ENCRYPTION_KEY_FILE = 'encryption.key';
export const DATABASE_FILE = 'plugboard.sqlite';

/** `<repo>/.data` (this file sits at packages/server/{src,dist}/config/). */
export function defaultDataDir(): string {
  return fileURLToPath(new URL('../../../../.data', import.meta.url));
}

export function resolveSecretKey(
  explicit: string | undefined,
  warn: (message: string) => void,
): string {
  if (explicit) {
    if (!/^sk_[A-Za-z0-9_-]{12,}$/.test(explicit)) {
      throw new Error(
        'The secret key must look like sk_ followed by at least 12 letters or digits.',
      );
    }
    return explicit;
  }
  warn(`Using the development secret key ${DEV_SECRET_KEY}. Set PB_SECRET_KEY in production.`);
  return DEV_SECRET_KEY;
}

function decodeEncryptionKey(base64: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) {
    throw new Error('Each encryption key must be 32 bytes, base64-encoded (PB_ENCRYPTION_KEYS).');
  }
  return key;
}

/**
 * The keys that encrypt stored secrets, newest first: the configured ones (a comma-separated list
 * of base64 keys), a throwaway one for an in-memory database, or one generated once into the data
 * folder (development only).
 */
export function resolveEncryptionKeys(input: {
  explicit: string | undefined;
  inMemory: boolean;
  dataDir: string;
  warn: (message: string) => void;
}): Buffer[] {
  if (input.explicit) return input.explicit.split(',').map(decodeEncryptionKey);
  if (input.inMemory) return [randomBytes(32)];
  const path = join(input.dataDir, ENCRYPTION_KEY_FILE);
  if (!existsSync(path)) {
    mkdirSync(input.dataDir, { recursive: true });
    writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    input.warn(`Generated an encryption key in ${path}. Set PB_ENCRYPTION_KEY in production.`);
  }
  return [decodeEncryptionKey(readFileSync(path, 'utf8'))];
}
