// OAuth flows in SQLite, found by id (the widget) or by the hash of their state (the start URL
// and the callback).
import type { SecretBox } from '../crypto/secret-box.js';
import { sha256 } from '../crypto/random.js';
import type { Db } from '../db/open-database.js';
import type { FlowRecord } from './flow-record.js';

interface FlowRow {
  id: string;
  session_id: string;
  user_id: string;
  app: string;
  connection_id: string | null;
  mode: FlowRecord['mode'];
  opener_origin: string;
  return_url: string | null;
  code_verifier: string;
  status: FlowRecord['status'];
  error: string | null;
  result_connection_id: string | null;
  state_used_at: number | null;
  browser_binding_hash: string | null;
  expires_at: number;
  created_at: number;
}

const associatedData = (id: string) => `oauth_flow:${id}`;

export class FlowRepository {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
  ) {}

  insert(flow: FlowRecord, state: string): void {
    this.db
      .prepare(
        `INSERT INTO oauth_flows (id, state_hash, session_id, user_id, app, connection_id, mode,
           opener_origin, return_url, code_verifier, status, error, result_connection_id,
           state_used_at, expires_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?)`,
      )
      .run(
        flow.id,
        sha256(state),
        flow.sessionId,
        flow.userId,
        flow.app,
        flow.connectionId,
        flow.mode,
        flow.openerOrigin,
        flow.returnUrl,
        this.box.seal(flow.codeVerifier, associatedData(flow.id)),
        flow.status,
        flow.expiresAt,
        flow.createdAt,
      );
  }

  findById(id: string): FlowRecord | null {
    const row = this.db.prepare('SELECT * FROM oauth_flows WHERE id = ?').get(id) as
      FlowRow | undefined;
    return row ? this.fromRow(row) : null;
  }

  /** The flow of an unused state, without using it up (the start URL). */
  findByUnusedState(state: string): FlowRecord | null {
    const row = this.db
      .prepare('SELECT * FROM oauth_flows WHERE state_hash = ? AND state_used_at IS NULL')
      .get(sha256(state)) as FlowRow | undefined;
    return row ? this.fromRow(row) : null;
  }

  /** Binds a flow to a browser once: false when another opening bound it first. */
  bindBrowser(id: string, bindingHash: string): boolean {
    return (
      this.db
        .prepare(
          'UPDATE oauth_flows SET browser_binding_hash = ? WHERE id = ? AND browser_binding_hash IS NULL',
        )
        .run(bindingHash, id).changes === 1
    );
  }

  /**
   * Marks the state used and returns its flow, atomically: a replayed state finds nothing, so
   * only the first callback can proceed.
   */
  consumeState(state: string, now: number): FlowRecord | null {
    return this.db.transaction(() => {
      const row = this.db
        .prepare('SELECT * FROM oauth_flows WHERE state_hash = ? AND state_used_at IS NULL')
        .get(sha256(state)) as FlowRow | undefined;
      if (!row) return null;
      this.db.prepare('UPDATE oauth_flows SET state_used_at = ? WHERE id = ?').run(now, row.id);
      return this.fromRow({ ...row, state_used_at: now });
    })();
  }

  finish(flow: FlowRecord): void {
    this.db
      .prepare(
        'UPDATE oauth_flows SET status = ?, error = ?, result_connection_id = ? WHERE id = ?',
      )
      .run(
        flow.status,
        flow.error ? JSON.stringify(flow.error) : null,
        flow.resultConnectionId,
        flow.id,
      );
  }

  private fromRow(row: FlowRow): FlowRecord {
    return {
      id: row.id,
      sessionId: row.session_id,
      userId: row.user_id,
      app: row.app,
      connectionId: row.connection_id,
      mode: row.mode,
      openerOrigin: row.opener_origin,
      returnUrl: row.return_url,
      codeVerifier: this.box.open(row.code_verifier, associatedData(row.id)),
      status: row.status,
      error: row.error ? (JSON.parse(row.error) as FlowRecord['error']) : null,
      resultConnectionId: row.result_connection_id,
      stateUsedAt: row.state_used_at,
      browserBindingHash: row.browser_binding_hash,
      expiresAt: row.expires_at,
      createdAt: row.created_at,
    };
  }
}
