// `plugboard-server reencrypt`: after putting a new key first in PB_ENCRYPTION_KEYS (and restarting
// the servers with it), moves every stored secret to it; then the old key can be dropped from the
// list. Uses the same database and key settings as `start`.
import { join } from 'node:path';
import { DATABASE_FILE, defaultDataDir, resolveEncryptionKeys } from '../config/defaults.js';
import { openDatabase } from '../db/open-database.js';
import { reencryptStoredSecrets, type ReencryptCounts } from './reencrypt.js';
import { createSecretBox } from './secret-box.js';

export async function reencryptFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
): Promise<ReencryptCounts> {
  const dataDir = env.PB_DATA_DIR || defaultDataDir();
  const keys = resolveEncryptionKeys({
    explicit: env.PB_ENCRYPTION_KEYS || env.PB_ENCRYPTION_KEY || undefined,
    inMemory: false,
    dataDir,
    warn: (message) => process.stderr.write(`${message}\n`),
  });
  const database = await openDatabase({
    url: env.PB_DATABASE_URL || undefined,
    sqlitePath: join(dataDir, DATABASE_FILE),
  });
  try {
    return await reencryptStoredSecrets(database, createSecretBox(keys));
  } finally {
    await database.close();
  }
}
