// The connection lifecycle: create from credentials (validated, checked against the service,
// de-duplicated by account), update keeping the id, test now (refreshing OAuth tokens), remove,
// and store the outcome of an OAuth flow.
import type {
  App,
  AuthMethod,
  Connection,
  ConnectionError,
  CreateConnectionRequest,
  DisconnectResult,
  TestResult,
  UpdateConnectionRequest,
} from '@plugboard/contract';
import type { CatalogService } from '../catalog/catalog-service.js';
import { randomId } from '../crypto/random.js';
import type { Db, Queryable } from '../db/schema.js';
import {
  eventReceived,
  eventsForChange,
  type ChangeCause,
  type ConnectionEventLog,
} from '../events/index.js';
import { ApiError, notFound } from '../http/api-error.js';
import type { UsageLimits } from '../limits/usage-limits.js';
import type {
  ProviderClient,
  ProviderIdentity,
  RevokeResult,
  TokenSet,
} from '../provider/provider-client.js';
import { allowsApp, type SessionRecord } from '../sessions/session-record.js';
import type { ConnectionRecord } from './connection-record.js';
import type { ConnectionRepository } from './connection-repository.js';
import { validateFields } from './field-validation.js';
import {
  checkedSecretField,
  credentialHint,
  providerCredential,
  publicFieldsOf,
  withStoredSecrets,
  type StoredCredentials,
} from './stored-credentials.js';
import type { WebhookBasicAuth } from '../webhooks/webhook-basic-auth.js';
import { ServiceCalls } from './service-calls.js';
import { toWireConnection } from './to-wire-connection.js';

/** A write that keeps losing races gives up after this many tries. */
const MAX_WRITE_ATTEMPTS = 3;

/** Only these scopes are infrastructure, not permissions the user cares about. */
const PROTOCOL_SCOPES = new Set(['openid', 'offline_access', 'email', 'profile']);

export interface ConnectionServiceDeps {
  db: Db;
  catalog: CatalogService;
  limits: UsageLimits;
  repository: ConnectionRepository;
  /** The client of the service behind an app. */
  provider: (appKey: string) => ProviderClient;
  publicUrl: string;
  /** The HTTP basic auth of a webhook URL, for the services that send it (setup.webhookAuth). */
  webhookBasicAuth: WebhookBasicAuth;
  /** Every change is recorded here, in the change's own transaction. */
  events: ConnectionEventLog;
  now: () => number;
}

export type OAuthConnectOutcome =
  | { outcome: 'connected'; connection: Connection }
  | { outcome: 'duplicate'; connection: Connection }
  | { outcome: 'missing_scopes'; missingScopes: string[] };

/**
 * What a background check saw: `ok`; `auth_failed` (the service refused the credentials or the
 * refresh: only this changes the status); `service_failed` (a timeout, a 5xx or a 429: retried
 * later, the status left alone); `gone` (deleted meanwhile).
 */
export type CheckOutcome =
  | { outcome: 'ok' | 'auth_failed' | 'service_failed'; tokenExpiresAt: number | null }
  | { outcome: 'gone' };

export class ConnectionService {
  /** Calls to the service with stored credentials (Test, setup options, verifications). */
  readonly calls: ServiceCalls;

  constructor(private readonly deps: ConnectionServiceDeps) {
    this.calls = new ServiceCalls({
      repository: deps.repository,
      provider: deps.provider,
      now: deps.now,
      userFacingScopes,
    });
  }

  async list(session: SessionRecord, app?: string): Promise<Connection[]> {
    const records = await this.deps.repository.list(session.userId, app);
    return records
      .filter((record) => allowsApp(session, record.app))
      .map((record) => this.toWire(record));
  }

  async get(session: SessionRecord, id: string): Promise<Connection> {
    return this.toWire(await this.load(session, id));
  }

  /**
   * Checks a create with the service and returns how to store it: the caller commits it in the
   * transaction that also records the Idempotency-Key's answer.
   */
  async prepareCreate(
    session: SessionRecord,
    request: CreateConnectionRequest,
  ): Promise<(db: Queryable) => Promise<Connection>> {
    const app = this.deps.catalog.get(session, request.app);
    const method = credentialMethodOf(app, request.method);
    const { credentials, identity } = await this.checkCredentials(
      session,
      app,
      method,
      request.fields,
    );
    const existing = await this.deps.repository.findByAccount(session.userId, app.key, identity.id);
    if (existing) throw duplicateAccount(this.toWire(existing));
    const record = this.connectedRecord({
      existing: null,
      userId: session.userId,
      app,
      method,
      credentials,
      identity,
      label: request.label?.trim() || undefined,
      grantedScopes: [],
    });
    return async (db) => {
      await this.insertOrExplainDuplicate(record, db);
      await this.deps.events.record(db, eventsForChange(null, record, 'edit'));
      return this.toWire(record);
    };
  }

  async create(session: SessionRecord, request: CreateConnectionRequest): Promise<Connection> {
    const commit = await this.prepareCreate(session, request);
    return this.deps.db.transaction().execute((trx) => commit(trx));
  }

  async update(
    session: SessionRecord,
    id: string,
    patch: UpdateConnectionRequest,
  ): Promise<Connection> {
    const label = patch.label?.trim();
    if (patch.label !== undefined && !label) {
      throw new ApiError(400, 'bad_request', 'The label cannot be empty.');
    }
    await this.load(session, id); // 404 for another app's connection in a limited session
    const next = await this.rewrite(session.userId, id, 'edit', async (record) => {
      const app = this.deps.catalog.get(session, record.app);
      let next: ConnectionRecord = { ...record, updatedAt: this.isoNow() };
      if (patch.fields !== undefined || patch.method !== undefined) {
        const method = credentialMethodOf(app, patch.method ?? record.method);
        const sameMethod = method.type === record.method;
        const { credentials, identity } = await this.checkCredentials(
          session,
          app,
          method,
          withStoredSecrets(
            method,
            patch.fields ?? {},
            sameMethod ? this.deps.repository.openCredentials(record) : null,
            sameMethod ? record.publicFields : null,
          ),
        );
        const holder = await this.deps.repository.findByAccount(
          session.userId,
          app.key,
          identity.id,
        );
        if (holder && holder.id !== record.id) throw duplicateAccount(this.toWire(holder));
        next = this.connectedRecord({
          existing: record,
          userId: session.userId,
          app,
          method,
          credentials,
          identity,
          grantedScopes: [],
        });
      }
      if (label) next.label = label;
      return next;
    });
    return this.toWire(next);
  }

  /**
   * Deletes the connection (its webhook URL and deliveries with it), then asks the service to
   * revoke the access. The connection is gone whatever the service answers: the result says
   * whether the access was withdrawn there too.
   */
  async remove(session: SessionRecord, id: string): Promise<DisconnectResult> {
    const record = await this.load(session, id);
    await this.deps.db.transaction().execute(async (trx) => {
      if (!(await this.deps.repository.delete(session.userId, id, trx))) {
        throw notFound('The connection');
      }
      await this.deps.events.record(trx, eventsForChange(record, null, 'edit'));
    });
    const credentials = this.deps.repository.openCredentials(record);
    // Keys the user made at the service are theirs to delete; only OAuth grants are revoked.
    if (credentials?.kind !== 'oauth') return { revocation: 'not_supported' };
    const app = this.deps.catalog.find(record.app);
    let revoked: RevokeResult;
    try {
      revoked = await this.deps
        .provider(record.app)
        .revoke({ type: 'oauth', tokens: credentials.tokens });
    } catch {
      revoked = { outcome: 'failed', detail: 'The revocation could not be sent.' };
    }
    if (revoked.outcome !== 'failed') return { revocation: revoked.outcome };
    return {
      revocation: 'failed',
      message: `${app.name} did not confirm that it withdrew access. To be sure, remove the access in your ${app.name} account settings.`,
    };
  }

  /**
   * Tests the connection against the service and records the outcome. A failure is stored with
   * `requestId`, the id of the request that found it, which the widget shows for support.
   */
  async test(session: SessionRecord, id: string, requestId: string): Promise<TestResult> {
    const { app: appKey } = await this.load(session, id);
    await this.deps.limits.test(session, this.deps.catalog.get(session, appKey).key);
    let message = '';
    const next = await this.rewrite(session.userId, id, 'test', async (record) => {
      const app = this.deps.catalog.get(session, record.app);
      const testedAt = this.isoNow();
      if (app.health.status === 'down') {
        message = app.health.message ?? `${app.name} is unavailable right now. Try again later.`;
        return {
          ...record,
          lastTestedAt: testedAt,
          updatedAt: testedAt,
          ...failure('error', { code: 'provider_unavailable', message, requestId }),
        };
      }
      const outcome = await this.calls.call(app, record, async (client, credential) => {
        const answer = await client.whoAmI(credential);
        return answer.outcome === 'ok' ? { outcome: 'ok', value: answer.identity } : answer;
      });
      message = outcome.ok ? `Connected as ${outcome.value.label}` : outcome.failure.message;
      // A refresh stored new tokens already: the result is written over that version.
      const base = outcome.refreshed ?? record;
      const result = outcome.ok
        ? ({ status: 'connected', lastError: null } as const)
        : failure(outcome.failure.status, { code: outcome.failure.code, message, requestId });
      return { ...base, lastTestedAt: testedAt, updatedAt: testedAt, ...result };
    });
    return {
      ok: next.status === 'connected',
      status: next.status,
      message,
      testedAt: next.lastTestedAt!,
      connection: this.toWire(next),
    };
  }

  /** Stores the result of a successful OAuth exchange (a new connection or, in update mode, the given one). */
  async connectOAuth(
    session: Pick<SessionRecord, 'userId'>,
    app: App,
    tokens: TokenSet,
    identity: ProviderIdentity,
    connectionId: string | null,
  ): Promise<OAuthConnectOutcome> {
    const required = oauthMethodOf(app).scopes.filter((scope) => scope.required);
    const missingScopes = required
      .map((scope) => scope.name)
      .filter((name) => !tokens.scopes.includes(name));
    if (missingScopes.length > 0) return { outcome: 'missing_scopes', missingScopes };

    const { repository } = this.deps;
    const holder = await repository.findByAccount(session.userId, app.key, identity.id);
    const target = connectionId ? await repository.find(session.userId, connectionId) : null;
    if (holder && holder.id !== target?.id) {
      return { outcome: 'duplicate', connection: this.toWire(holder) };
    }
    const record = this.connectedRecord({
      existing: target,
      userId: session.userId,
      app,
      method: oauthMethodOf(app),
      credentials: { kind: 'oauth', tokens },
      identity,
      grantedScopes: userFacingScopes(tokens.scopes),
    });
    if (target) {
      // A write beside the sign-in (a Test, a rename) must not be lost, nor override it.
      const rewritten = await this.rewrite(session.userId, target.id, 'edit', async (current) => ({
        ...record,
        label: current.accountId === identity.id ? current.label : record.label,
        settings: current.accountId === identity.id ? current.settings : record.settings,
        lastEventAt: current.lastEventAt,
        version: current.version,
      }));
      return { outcome: 'connected', connection: this.toWire(rewritten) };
    } else {
      try {
        await this.deps.db.transaction().execute(async (trx) => {
          await this.insertOrExplainDuplicate(record, trx);
          await this.deps.events.record(trx, eventsForChange(null, record, 'edit'));
        });
      } catch (error) {
        if (!(error instanceof ApiError) || !error.extras.existingConnection) throw error;
        return { outcome: 'duplicate', connection: error.extras.existingConnection };
      }
    }
    return { outcome: 'connected', connection: this.toWire(record) };
  }

  /**
   * The background check of one connection (checks/check-scheduler.ts): refreshes an OAuth token
   * that expires within `refreshAheadMs`, asks the service who the credentials belong to, and
   * writes the status only when it changes for a reason the user must see: the service refused
   * the credentials, or a failed connection works again. A failure is stored with `checkId` where
   * a request's id would be: the scheduler logs it, so support can find the check.
   */
  async check(
    userId: string,
    id: string,
    refreshAheadMs: number,
    checkId: string,
  ): Promise<CheckOutcome> {
    let outcome: CheckOutcome = { outcome: 'gone' };
    try {
      await this.rewrite(userId, id, 'check', async (record) => {
        const app = this.deps.catalog.find(record.app);
        const probe = await this.calls.call(
          app,
          record,
          async (client, credential) => {
            const answer = await client.whoAmI(credential);
            return answer.outcome === 'ok' ? { outcome: 'ok', value: answer.identity } : answer;
          },
          this.deps.now() + refreshAheadMs,
        );
        const current = probe.refreshed ?? record;
        const tokenExpiresAt = this.tokenExpiry(current);
        if (!probe.ok && probe.failure.fault === 'service') {
          outcome = { outcome: 'service_failed', tokenExpiresAt };
          return null;
        }
        outcome = { outcome: probe.ok ? 'ok' : 'auth_failed', tokenExpiresAt };
        const checkedAt = this.isoNow();
        const result = probe.ok
          ? ({ status: 'connected', lastError: null } as const)
          : failure(probe.failure.status, {
              code: probe.failure.code,
              message: probe.failure.message,
              requestId: checkId,
            });
        const changed = result.status !== current.status;
        return {
          ...current,
          ...result,
          lastTestedAt: checkedAt,
          updatedAt: changed ? checkedAt : current.updatedAt,
        };
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return { outcome: 'gone' };
      throw error;
    }
    return outcome;
  }

  /**
   * A service delivered an event to a connection's webhook URL: records the delivery and its
   * event together. False when no connection has this hook id.
   */
  async recordWebhookDelivery(hookId: string, at: number): Promise<boolean> {
    return this.deps.db.transaction().execute(async (trx) => {
      const connection = await this.deps.repository.recordHookEvent(hookId, at, trx);
      if (connection) await this.deps.events.record(trx, [eventReceived(connection, at)]);
      return connection !== null;
    });
  }

  toWire(record: ConnectionRecord): Connection {
    return toWireConnection(record, this.deps.publicUrl, this.deps.webhookBasicAuth);
  }

  /**
   * Reads the connection, lets `change` compute its next state (it may call the service; null
   * leaves it as it is), and
   * writes it only if nobody wrote in between; otherwise reads it again and redoes the change.
   * A connection deleted meanwhile stays deleted (404). The write and the events it gives (`cause`
   * says why it was written) commit together.
   */
  async rewrite(
    userId: string,
    id: string,
    cause: ChangeCause,
    change: (record: ConnectionRecord) => Promise<ConnectionRecord | null>,
  ): Promise<ConnectionRecord> {
    const { db, repository, events } = this.deps;
    for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt += 1) {
      const record = await repository.find(userId, id);
      if (!record) throw notFound('The connection');
      const next = await change(record);
      // Nothing to write (a background check that only saw the service fail).
      if (next === null) return record;
      const written = await db.transaction().execute(async (trx) => {
        const result = await repository.update(next, trx);
        if (result === 'updated') await events.record(trx, eventsForChange(record, next, cause));
        return result;
      });
      if (written === 'updated') return { ...next, version: next.version + 1 };
      if (written === 'gone') throw notFound('The connection');
    }
    throw new ApiError(500, 'internal_error', 'The connection kept changing; try again.');
  }

  /** The one place a connected record is built: a new connection, new credentials, a new sign-in. */
  private connectedRecord(input: {
    existing: ConnectionRecord | null;
    userId: string;
    app: App;
    method: AuthMethod;
    credentials: StoredCredentials;
    identity: ProviderIdentity;
    /** The user's own label; else the existing one for the same account, else the account email. */
    label?: string;
    grantedScopes: string[];
  }): ConnectionRecord {
    const { existing, identity } = input;
    const timestamp = this.isoNow();
    const sameAccount = existing !== null && existing.accountId === identity.id;
    return {
      id: existing?.id ?? randomId('con_'),
      userId: input.userId,
      app: input.app.key,
      method: input.method.type,
      label: input.label ?? (sameAccount ? existing.label : identity.label),
      status: 'connected',
      accountId: identity.id,
      sealedCredentials: existing?.sealedCredentials ?? '',
      credentials: input.credentials,
      credentialHint: credentialHint(input.method, input.credentials),
      grantedScopes: input.grantedScopes,
      missingScopes: [],
      lastTestedAt: timestamp,
      lastError: null,
      hookId: existing?.hookId ?? (needsWebhook(input.app) ? randomId('', 32) : null),
      lastEventAt: existing?.lastEventAt ?? null,
      // Choices such as a channel belong to the account they were made in.
      settings: sameAccount ? existing.settings : {},
      publicFields:
        input.credentials.kind === 'fields'
          ? publicFieldsOf(input.method, input.credentials.values)
          : null,
      createdAt: existing?.createdAt ?? timestamp,
      updatedAt: timestamp,
      version: existing?.version ?? 1,
    };
  }

  /** Inserts a new connection; a racing create of the same account becomes 409 duplicate_account. */
  private async insertOrExplainDuplicate(record: ConnectionRecord, db: Queryable): Promise<void> {
    const { repository } = this.deps;
    if (await repository.insert(record, db)) return;
    const holder = await repository.findByAccount(record.userId, record.app, record.accountId, db);
    if (!holder) throw new ApiError(500, 'internal_error', 'The connection could not be stored.');
    throw duplicateAccount(this.toWire(holder));
  }

  /** The session's connection as stored (404 when absent or outside the session's apps). */
  async load(session: SessionRecord, id: string): Promise<ConnectionRecord> {
    const record = await this.deps.repository.find(session.userId, id);
    // A session limited to some apps sees the user's other connections as absent (issue 14, 3).
    if (!record || !allowsApp(session, record.app)) throw notFound('The connection');
    return record;
  }

  /** Every submission of credentials counts against the rate limits, valid or not. */
  private async checkCredentials(
    session: SessionRecord,
    app: App,
    method: AuthMethod,
    submitted: CreateConnectionRequest['fields'],
  ): Promise<{ credentials: StoredCredentials; identity: ProviderIdentity }> {
    await this.deps.limits.credentialAttempt(session, app.key);
    const { values, errors } = validateFields(method, submitted);
    if (errors.length > 0) {
      throw new ApiError(422, 'validation_failed', 'Check the highlighted fields.', { errors });
    }
    this.deps.catalog.assertAvailable(app);
    const credentials: StoredCredentials = { kind: 'fields', values };
    const answer = await this.deps
      .provider(app.key)
      .whoAmI(providerCredential(method, credentials));
    if (answer.outcome === 'rejected') {
      const field = checkedSecretField(method, credentials.values);
      const label = inSentence(
        method.fields.find((candidate) => candidate.name === field)?.label ?? 'key',
      );
      throw new ApiError(422, 'credentials_rejected', `${app.name} did not accept this ${label}.`, {
        errors: [
          {
            field,
            code: 'rejected',
            message: `${app.name} did not accept this ${label}. Check that you copied all of it.`,
          },
        ],
      });
    }
    if (answer.outcome === 'unreachable') {
      throw new ApiError(502, 'provider_error', `${app.name}: ${answer.detail}`);
    }
    return { credentials, identity: answer.identity };
  }

  /** When the stored OAuth access token expires (epoch ms); null for keys or an unknown expiry. */
  private tokenExpiry(record: ConnectionRecord): number | null {
    const credentials = this.deps.repository.openCredentials(record);
    return credentials?.kind === 'oauth' ? credentials.tokens.expiresAt : null;
  }

  private isoNow(): string {
    return new Date(this.deps.now()).toISOString();
  }
}

function failure(
  status: ConnectionRecord['status'],
  lastError: Required<ConnectionError>,
): Pick<ConnectionRecord, 'status' | 'lastError'> {
  return { status, lastError };
}

function duplicateAccount(existing: Connection): ApiError {
  return new ApiError(
    409,
    'duplicate_account',
    `This account is already connected as “${existing.label}”.`,
    {
      existingConnection: existing,
    },
  );
}

/** "Secret key" → "secret key", but "API key" stays as it is. */
function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

function needsWebhook(app: App): boolean {
  return app.setupSteps.some((step) => step.type === 'webhook_url');
}

function userFacingScopes(scopes: string[]): string[] {
  return scopes.filter((scope) => !PROTOCOL_SCOPES.has(scope));
}

/** A credential method of the app (OAuth goes through POST /v1/oauth/flows). */
function credentialMethodOf(app: App, type: AuthMethod['type']): AuthMethod {
  if (type === 'oauth2') {
    throw new ApiError(400, 'bad_request', 'OAuth connections are made with POST /v1/oauth/flows.');
  }
  return credentialOrOAuthMethod(app, type);
}

function credentialOrOAuthMethod(app: App, type: AuthMethod['type']): AuthMethod {
  const method = app.authMethods.find((candidate) => candidate.type === type);
  if (!method) throw new ApiError(400, 'bad_request', `${app.name} does not support ${type}.`);
  return method;
}

export function oauthMethodOf(app: App): AuthMethod {
  const method = app.authMethods.find((candidate) => candidate.type === 'oauth2');
  if (!method) throw new ApiError(400, 'bad_request', `${app.name} does not sign in with OAuth.`);
  return method;
}
