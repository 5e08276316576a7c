// The connection lifecycle: create from credentials (validated, checked against the service,
// de-duplicated by account), update keeping the id, test now (refreshing OAuth tokens), remove,
// and store the outcome of an OAuth flow.
import type {
  App,
  AuthMethod,
  Connection,
  ConnectionError,
  CreateConnectionRequest,
  TestResult,
  UpdateConnectionRequest,
} from '@plugboard/contract';
import type { CatalogService } from '../catalog/catalog-service.js';
import { randomId } from '../crypto/random.js';
import type { Db, Queryable } from '../db/schema.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { ApiError, notFound } from '../http/api-error.js';
import type {
  ProviderClient,
  ProviderIdentity,
  TokenSet,
  WhoAmIResult,
} from '../provider/provider-client.js';
import type { SessionRecord } from '../sessions/session-record.js';
import type { ConnectionRecord } from './connection-record.js';
import type { ConnectionRepository } from './connection-repository.js';
import { validateFields } from './field-validation.js';
import {
  checkedSecretField,
  credentialHint,
  providerCredential,
  type StoredCredentials,
} from './stored-credentials.js';
import { toWireConnection } from './to-wire-connection.js';

/** Only these scopes are infrastructure, not permissions the user cares about. */
const PROTOCOL_SCOPES = new Set(['openid', 'offline_access', 'email', 'profile']);

export interface ConnectionServiceDeps {
  db: Db;
  catalog: CatalogService;
  repository: ConnectionRepository;
  provider: () => ProviderClient;
  publicUrl: string;
  now: () => number;
}

export type OAuthConnectOutcome =
  | { outcome: 'connected'; connection: Connection }
  | { outcome: 'duplicate'; connection: Connection }
  | { outcome: 'missing_scopes'; missingScopes: string[] };

export class ConnectionService {
  constructor(private readonly deps: ConnectionServiceDeps) {}

  async list(session: SessionRecord, app?: string): Promise<Connection[]> {
    const records = await this.deps.repository.list(session.userId, app);
    return records.map((record) => this.toWire(record));
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
    const { credentials, identity } = await this.checkCredentials(app, method, request.fields);
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
      return this.toWire(record);
    };
  }

  async create(session: SessionRecord, request: CreateConnectionRequest): Promise<Connection> {
    const commit = await this.prepareCreate(session, request);
    return commit(this.deps.db);
  }

  async update(
    session: SessionRecord,
    id: string,
    patch: UpdateConnectionRequest,
  ): Promise<Connection> {
    const record = await this.load(session, id);
    const app = this.deps.catalog.get(session, record.app);
    const label = patch.label?.trim();
    if (patch.label !== undefined && !label) {
      throw new ApiError(400, 'bad_request', 'The label cannot be empty.');
    }
    let next: ConnectionRecord = { ...record, updatedAt: this.isoNow() };
    if (patch.fields !== undefined || patch.method !== undefined) {
      const method = credentialMethodOf(app, patch.method ?? record.method);
      const { credentials, identity } = await this.checkCredentials(
        app,
        method,
        patch.fields ?? {},
      );
      const holder = await this.deps.repository.findByAccount(session.userId, app.key, identity.id);
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
    await this.deps.repository.save(next);
    return this.toWire(next);
  }

  async remove(session: SessionRecord, id: string): Promise<void> {
    await this.load(session, id);
    await this.deps.repository.delete(session.userId, id);
  }

  async test(session: SessionRecord, id: string): Promise<TestResult> {
    const record = await this.load(session, id);
    const app = this.deps.catalog.get(session, record.app);
    const testedAt = this.isoNow();
    const next: ConnectionRecord = { ...record, lastTestedAt: testedAt, updatedAt: testedAt };
    let message: string;
    if (app.health.status === 'down') {
      message = app.health.message ?? `${app.name} is unavailable right now. Try again later.`;
      Object.assign(next, failure('error', 'provider_unavailable', message));
    } else {
      const outcome = await this.callWhoAmI(app, record);
      message = outcome.message;
      if (outcome.refreshed) {
        next.credentials = outcome.refreshed;
        next.grantedScopes = userFacingScopes(outcome.refreshed.tokens.scopes);
      }
      if (outcome.identity) {
        Object.assign(next, { status: 'connected', lastError: null } as const);
      } else {
        Object.assign(next, failure(outcome.status, outcome.code, message));
      }
    }
    await this.deps.repository.save(next);
    const connection = this.toWire(next);
    return { ok: next.status === 'connected', status: next.status, message, testedAt, connection };
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
      await repository.save(record);
    } else {
      try {
        await this.insertOrExplainDuplicate(record, this.deps.db);
      } catch (error) {
        if (!(error instanceof ApiError) || !error.extras.existingConnection) throw error;
        return { outcome: 'duplicate', connection: error.extras.existingConnection };
      }
    }
    return { outcome: 'connected', connection: this.toWire(record) };
  }

  toWire(record: ConnectionRecord): Connection {
    return toWireConnection(record, this.deps.publicUrl);
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
      label: input.label ?? (sameAccount ? existing.label : identity.email),
      status: 'connected',
      accountId: identity.id,
      credentials: input.credentials,
      credentialHint: credentialHint(input.method, input.credentials),
      grantedScopes: input.grantedScopes,
      missingScopes: [],
      lastTestedAt: timestamp,
      lastError: null,
      hookId: existing?.hookId ?? (needsWebhook(input.app) ? randomId('', 32) : null),
      lastEventAt: existing?.lastEventAt ?? null,
      createdAt: existing?.createdAt ?? timestamp,
      updatedAt: timestamp,
    };
  }

  /** Inserts a new connection; a racing create of the same account becomes 409 duplicate_account. */
  private async insertOrExplainDuplicate(record: ConnectionRecord, db: Queryable): Promise<void> {
    try {
      await this.deps.repository.insert(record, db);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const holder = await this.deps.repository.findByAccount(
        record.userId,
        record.app,
        record.accountId,
      );
      if (!holder) throw error;
      throw duplicateAccount(this.toWire(holder));
    }
  }

  private async load(session: SessionRecord, id: string): Promise<ConnectionRecord> {
    const record = await this.deps.repository.find(session.userId, id);
    if (!record) throw notFound('The connection');
    return record;
  }

  private async checkCredentials(
    app: App,
    method: AuthMethod,
    submitted: CreateConnectionRequest['fields'],
  ): Promise<{ credentials: StoredCredentials; identity: ProviderIdentity }> {
    const { values, errors } = validateFields(method, submitted);
    if (errors.length > 0) {
      throw new ApiError(422, 'validation_failed', 'Check the highlighted fields.', { errors });
    }
    this.deps.catalog.assertAvailable(app);
    const credentials: StoredCredentials = { kind: 'fields', values };
    const answer = await this.deps.provider().whoAmI(providerCredential(method, credentials));
    if (answer.outcome === 'rejected') {
      const field = checkedSecretField(method);
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

  /**
   * Calls "who am I", refreshing an expired or rejected OAuth access token once. Says which
   * credentials it ended up with when it refreshed them; the caller stores them.
   */
  private async callWhoAmI(app: App, record: ConnectionRecord): Promise<WhoAmIOutcome> {
    const method = credentialOrOAuthMethod(app, record.method);
    const provider = this.deps.provider();
    let credentials = record.credentials;
    let refreshed: OAuthCredentials | undefined;
    const refreshOnce = async (): Promise<Failure | null> => {
      const result = await this.refreshTokens(app, credentials);
      if (!result.ok) return result.failure;
      refreshed = result.credentials;
      credentials = result.credentials;
      return null;
    };
    const tokenExpired =
      credentials.kind === 'oauth' &&
      credentials.tokens.expiresAt !== null &&
      credentials.tokens.expiresAt <= this.deps.now();
    if (tokenExpired) {
      const failed = await refreshOnce();
      if (failed) return { ...failed, refreshed };
    }
    let answer: WhoAmIResult = await provider.whoAmI(providerCredential(method, credentials));
    if (answer.outcome === 'rejected' && credentials.kind === 'oauth' && !refreshed) {
      const failed = await refreshOnce();
      if (failed) return { ...failed, refreshed };
      answer = await provider.whoAmI(providerCredential(method, credentials));
    }
    if (answer.outcome === 'ok') {
      return {
        identity: answer.identity,
        message: `Connected as ${answer.identity.email}`,
        refreshed,
      };
    }
    if (answer.outcome === 'unreachable') {
      return { ...providerFailure(app, answer.detail), refreshed };
    }
    const rejected: Failure =
      credentials.kind === 'oauth'
        ? reauthNeeded(app)
        : {
            identity: null,
            status: 'error',
            code: 'credentials_rejected',
            message: `${app.name} no longer accepts these credentials. Update them to reconnect.`,
          };
    return { ...rejected, refreshed };
  }

  /** Asks the service for new tokens; returns them, or why the connection cannot go on. */
  private async refreshTokens(
    app: App,
    credentials: StoredCredentials,
  ): Promise<{ ok: true; credentials: OAuthCredentials } | { ok: false; failure: Failure }> {
    if (credentials.kind !== 'oauth' || !credentials.tokens.refreshToken) {
      return { ok: false, failure: reauthNeeded(app) };
    }
    const result = await this.deps.provider().refresh(credentials.tokens.refreshToken);
    if (result.outcome === 'rejected') return { ok: false, failure: reauthNeeded(app) };
    if (result.outcome === 'unreachable') {
      return { ok: false, failure: providerFailure(app, result.detail) };
    }
    const tokens: TokenSet = {
      ...result.tokens,
      // Providers may omit an unchanged refresh token or scope list on refresh.
      refreshToken: result.tokens.refreshToken ?? credentials.tokens.refreshToken,
      scopes: result.tokens.scopes.length > 0 ? result.tokens.scopes : credentials.tokens.scopes,
    };
    return { ok: true, credentials: { kind: 'oauth', tokens } };
  }

  private isoNow(): string {
    return new Date(this.deps.now()).toISOString();
  }
}

type OAuthCredentials = Extract<StoredCredentials, { kind: 'oauth' }>;

interface Failure {
  identity: null;
  status: ConnectionRecord['status'];
  code: string;
  message: string;
}

type WhoAmIOutcome = ({ identity: ProviderIdentity; message: string } | Failure) & {
  refreshed: OAuthCredentials | undefined;
};

function providerFailure(app: App, detail: string): Failure {
  return {
    identity: null,
    status: 'error',
    code: 'provider_error',
    message: `${app.name}: ${detail}`,
  };
}

function reauthNeeded(app: App): Failure {
  return {
    identity: null,
    status: 'needs_reauth',
    code: 'needs_reauth',
    message: `Your ${app.name} sign-in has expired. Update the connection to sign in again.`,
  };
}

function failure(
  status: ConnectionRecord['status'],
  code: string,
  message: string,
): Pick<ConnectionRecord, 'status' | 'lastError'> {
  const lastError: ConnectionError = { code, message };
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
