// Moves every stored secret to the newest encryption key, so an older key can then be removed:
// connection credentials and the PKCE verifiers of OAuth flows. Each row is swapped only if it
// still holds the value that was read (a concurrent write wins), and rows no configured key opens
// are counted and left alone. Safe to run while servers serve, and to run again.
import type { Database } from '../db/open-database.js';
import type { SecretBox } from './secret-box.js';

export interface ReencryptCounts {
  connections: number;
  flows: number;
  /** Values no configured key opens (they show as needing re-authorization). */
  unreadable: number;
}

export async function reencryptStoredSecrets(
  { db }: Database,
  box: SecretBox,
): Promise<ReencryptCounts> {
  const counts: ReencryptCounts = { connections: 0, flows: 0, unreadable: 0 };
  const connections = await db
    .selectFrom('connections')
    .select(['id', 'user_id', 'app', 'credentials'])
    .execute();
  for (const row of connections) {
    if (!box.needsResealing(row.credentials)) continue;
    const context = JSON.stringify(['connection', row.id, row.user_id, row.app]);
    const resealed = reseal(box, row.credentials, context, `connection:${row.id}`);
    if (resealed === null) {
      counts.unreadable += 1;
      continue;
    }
    const result = await db
      .updateTable('connections')
      .set({ credentials: resealed })
      .where('id', '=', row.id)
      .where('credentials', '=', row.credentials)
      .executeTakeFirst();
    counts.connections += Number(result.numUpdatedRows);
  }
  const flows = await db
    .selectFrom('oauth_flows')
    .select(['id', 'user_id', 'app', 'code_verifier'])
    .where('state_used_at', 'is', null)
    .execute();
  for (const row of flows) {
    if (!box.needsResealing(row.code_verifier)) continue;
    const context = JSON.stringify(['oauth_flow', row.id, row.user_id, row.app]);
    const resealed = reseal(box, row.code_verifier, context, `oauth_flow:${row.id}`);
    if (resealed === null) {
      counts.unreadable += 1;
      continue;
    }
    const result = await db
      .updateTable('oauth_flows')
      .set({ code_verifier: resealed })
      .where('id', '=', row.id)
      .where('code_verifier', '=', row.code_verifier)
      .executeTakeFirst();
    counts.flows += Number(result.numUpdatedRows);
  }
  return counts;
}

function reseal(box: SecretBox, sealed: string, context: string, legacy: string): string | null {
  try {
    return box.seal(box.open(sealed, context, legacy), context);
  } catch {
    return null;
  }
}
