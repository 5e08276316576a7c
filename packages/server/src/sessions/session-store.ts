// Session tokens: minted for one end user, stored as a SHA-256 hash, short-lived, revocable.
import type { CreateSessionRequest, Session } from '@plugboard/contract';
import { randomId, randomToken, sha256 } from '../crypto/random.js';
import type { Db } from '../db/open-database.js';
import type { SessionRecord } from './session-record.js';

const TOKEN_PREFIX = 'pbs_';
const DEFAULT_SESSION_TTL_SECONDS = 1800;
/** How long after expiry an origin still gets CORS headers, so clients can read the 401. */
const ORIGIN_MEMORY_MS = 24 * 60 * 60 * 1000;

interface SessionRow {
  id: string;
  user_id: string;
  allowed_origins: string;
  allowed_apps: string | null;
  expires_at: number;
  revoked_at: number | null;
}

export type SessionLookup =
  { state: 'valid'; session: SessionRecord } | { state: 'expired' } | { state: 'unknown' };

export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  create(input: CreateSessionRequest): Session {
    const token = TOKEN_PREFIX + randomToken(32);
    const createdAt = this.now();
    const expiresAt = createdAt + (input.ttlSeconds ?? DEFAULT_SESSION_TTL_SECONDS) * 1000;
    this.db
      .prepare(
        `INSERT INTO sessions (id, token_hash, user_id, allowed_origins, allowed_apps, expires_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        randomId('ses_'),
        sha256(token),
        input.userId,
        JSON.stringify(input.allowedOrigins),
        input.allowedApps ? JSON.stringify(input.allowedApps) : null,
        expiresAt,
        createdAt,
      );
    return { token, expiresAt: new Date(expiresAt).toISOString() };
  }

  lookup(token: string): SessionLookup {
    if (!token.startsWith(TOKEN_PREFIX)) return { state: 'unknown' };
    const row = this.db
      .prepare('SELECT * FROM sessions WHERE token_hash = ?')
      .get(sha256(token)) as SessionRow | undefined;
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

  /** True when the host revoked this session (an OAuth flow it started must not complete). */
  isRevoked(sessionId: string): boolean {
    const row = this.db.prepare('SELECT revoked_at FROM sessions WHERE id = ?').get(sessionId) as
      Pick<SessionRow, 'revoked_at'> | undefined;
    return !row || row.revoked_at !== null;
  }

  revoke(token: string): void {
    this.db
      .prepare('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL')
      .run(this.now(), sha256(token));
  }

  /**
   * Whether any recent session lists this origin. Preflights and 401s carry no usable session,
   * yet the browser must be allowed to read them.
   */
  isKnownOrigin(origin: string): boolean {
    const row = this.db
      .prepare(
        `SELECT 1 FROM sessions, json_each(sessions.allowed_origins) AS origin
         WHERE origin.value = ? AND sessions.expires_at > ? AND sessions.revoked_at IS NULL LIMIT 1`,
      )
      .get(origin, this.now() - ORIGIN_MEMORY_MS);
    return row !== undefined;
  }
}
