// Session tokens: minted for one end user, stored as a SHA-256 hash, short-lived, revocable.
import type { CreateSessionRequest, Session } from '@plugboard/contract';
import { randomId, randomToken, sha256 } from '../crypto/random.js';
import type { Db } from '../db/schema.js';
import type { SessionRecord } from './session-record.js';

const TOKEN_PREFIX = 'pbs_';
const DEFAULT_SESSION_TTL_SECONDS = 1800;
/** How long after expiry an origin still gets CORS headers, so clients can read the 401. */
const ORIGIN_MEMORY_MS = 24 * 60 * 60 * 1000;

export type SessionLookup =
  { state: 'valid'; session: SessionRecord } | { state: 'expired' } | { state: 'unknown' };

export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  async create(input: CreateSessionRequest): Promise<Session> {
    const token = TOKEN_PREFIX + randomToken(32);
    const createdAt = this.now();
    const expiresAt = createdAt + (input.ttlSeconds ?? DEFAULT_SESSION_TTL_SECONDS) * 1000;
    const id = randomId('ses_');
    const origins = [...new Set(input.allowedOrigins)].map((origin) => ({
      origin,
      session_id: id,
      expires_at: expiresAt,
    }));
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('sessions')
        .values({
          id,
          token_hash: sha256(token),
          user_id: input.userId,
          allowed_origins: JSON.stringify(input.allowedOrigins),
          allowed_apps: input.allowedApps ? JSON.stringify(input.allowedApps) : null,
          expires_at: expiresAt,
          created_at: createdAt,
        })
        .execute();
      if (origins.length > 0) await trx.insertInto('session_origins').values(origins).execute();
    });
    return { token, expiresAt: new Date(expiresAt).toISOString() };
  }

  async lookup(token: string): Promise<SessionLookup> {
    if (!token.startsWith(TOKEN_PREFIX)) return { state: 'unknown' };
    const row = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('token_hash', '=', sha256(token))
      .executeTakeFirst();
    if (!row || row.revoked_at !== null) return { state: 'unknown' };
    if (row.expires_at <= this.now()) return { state: 'expired' };
    return {
      state: 'valid',
      session: {
        id: row.id,
        userId: row.user_id,
        allowedOrigins: JSON.parse(row.allowed_origins) as string[],
        allowedApps: row.allowed_apps ? (JSON.parse(row.allowed_apps) as string[]) : null,
        expiresAt: row.expires_at,
      },
    };
  }

  /**
   * False when the session was revoked or has expired: an OAuth flow it started must not complete
   * (a flow's lifetime is capped at its session's, this checks again at the callback).
   */
  async isActive(sessionId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('sessions')
      .select(['revoked_at', 'expires_at'])
      .where('id', '=', sessionId)
      .executeTakeFirst();
    return row !== undefined && row.revoked_at === null && row.expires_at > this.now();
  }

  async revoke(token: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const revoked = await trx
        .updateTable('sessions')
        .set({ revoked_at: this.now() })
        .where('token_hash', '=', sha256(token))
        .where('revoked_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (revoked)
        await trx.deleteFrom('session_origins').where('session_id', '=', revoked.id).execute();
    });
  }

  /**
   * Whether any recent session lists this origin. Preflights and 401s carry no usable session,
   * yet the browser must be allowed to read them.
   */
  async isKnownOrigin(origin: string): Promise<boolean> {
    // One index seek on (origin, expires_at), however many sessions exist.
    const row = await this.db
      .selectFrom('session_origins')
      .select('session_id')
      .where('origin', '=', origin)
      .where('expires_at', '>', this.now() - ORIGIN_MEMORY_MS)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}
