// OAuth flows in the database, found by id (the widget) or by the hash of their state (the start
// URL and the callback).
import type { Selectable } from 'kysely';
import type { SecretBox } from '../crypto/secret-box.js';
import { sha256 } from '../crypto/random.js';
import type { Db, OAuthFlowsTable } from '../db/schema.js';
import type { FlowRecord } from './flow-record.js';

type FlowRow = Selectable<OAuthFlowsTable>;

/** What a sealed verifier is bound to: its flow, user and app. */
const associatedData = (flow: Pick<FlowRecord, 'id' | 'userId' | 'app'>) =>
  JSON.stringify(['oauth_flow', flow.id, flow.userId, flow.app]);
const legacyAssociatedData = (flow: Pick<FlowRecord, 'id'>) => `oauth_flow:${flow.id}`;

export class FlowRepository {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
  ) {}

  /** Seals a new flow's verifier (the flow's sealedVerifier is ignored). */
  async insert(flow: FlowRecord, state: string, codeVerifier: string): Promise<void> {
    await this.db
      .insertInto('oauth_flows')
      .values({
        id: flow.id,
        state_hash: sha256(state),
        session_id: flow.sessionId,
        user_id: flow.userId,
        app: flow.app,
        connection_id: flow.connectionId,
        mode: flow.mode,
        opener_origin: flow.openerOrigin,
        return_url: flow.returnUrl,
        code_verifier: this.box.seal(codeVerifier, associatedData(flow)),
        status: flow.status,
        error: null,
        result_connection_id: null,
        state_used_at: null,
        expires_at: flow.expiresAt,
        created_at: flow.createdAt,
      })
      .execute();
  }

  async findById(id: string): Promise<FlowRecord | null> {
    const row = await this.db
      .selectFrom('oauth_flows')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? this.fromRow(row) : null;
  }

  /** The flow of an unused state, without using it up (the start URL). */
  async findByUnusedState(state: string): Promise<FlowRecord | null> {
    const row = await this.db
      .selectFrom('oauth_flows')
      .selectAll()
      .where('state_hash', '=', sha256(state))
      .where('state_used_at', 'is', null)
      .executeTakeFirst();
    return row ? this.fromRow(row) : null;
  }

  /** Binds a flow to a browser once: false when another opening bound it first. */
  async bindBrowser(id: string, bindingHash: string): Promise<boolean> {
    const result = await this.db
      .updateTable('oauth_flows')
      .set({ browser_binding_hash: bindingHash })
      .where('id', '=', id)
      .where('browser_binding_hash', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /**
   * Marks the state used and returns its flow in one statement: a replayed state finds nothing,
   * so only the first callback can proceed, whichever instance it reaches.
   */
  async consumeState(state: string, now: number): Promise<FlowRecord | null> {
    const row = await this.db
      .updateTable('oauth_flows')
      .set({ state_used_at: now })
      .where('state_hash', '=', sha256(state))
      .where('state_used_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row ? this.fromRow(row) : null;
  }

  /** The PKCE verifier; throws when it cannot be opened. */
  openVerifier(flow: FlowRecord): string {
    return this.box.open(flow.sealedVerifier, associatedData(flow), legacyAssociatedData(flow));
  }

  async finish(flow: FlowRecord): Promise<void> {
    await this.db
      .updateTable('oauth_flows')
      .set({
        status: flow.status,
        error: flow.error ? JSON.stringify(flow.error) : null,
        result_connection_id: flow.resultConnectionId,
      })
      .where('id', '=', flow.id)
      .execute();
  }

  private fromRow(row: FlowRow): FlowRecord {
    return {
      id: row.id,
      sessionId: row.session_id,
      userId: row.user_id,
      app: row.app,
      connectionId: row.connection_id,
      mode: row.mode as FlowRecord['mode'],
      openerOrigin: row.opener_origin,
      returnUrl: row.return_url,
      sealedVerifier: row.code_verifier,
      status: row.status as FlowRecord['status'],
      error: row.error ? (JSON.parse(row.error) as FlowRecord['error']) : null,
      resultConnectionId: row.result_connection_id,
      stateUsedAt: row.state_used_at,
      browserBindingHash: row.browser_binding_hash,
      expiresAt: row.expires_at,
      createdAt: row.created_at,
    };
  }
}
