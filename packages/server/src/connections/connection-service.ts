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
import { ApiError, notFound } from '../http/api-error.js';
import type {
  ProviderClient,
  ProviderIdentity,
  TokenSet,
  WhoAmIResult,
} from '../provider/provider-client.js';
import { allowsApp, type SessionRecord } from '../sessions/session-record.js';
import type { ConnectionRecord } from './connection-record.js';
import type { ConnectionRepository } from './connection-repository.js';
import { validateFields } from './field-validation.js';
import {
  checkedSecretField,
  credentialHint,
  providerCredential,
  type StoredCredentials,
} from './stored-credentials.js';
import type { WebhookBasicAuth } from '../webhooks/webhook-basic-auth.js';
import { toWireConnection } from './to-wire-connection.js';

/** Only these scopes are infrastructure, not permissions the user cares about. */
const PROTOCOL_SCOPES = new Set(['openid', 'offline_access', 'email', 'profile']);

export interface ConnectionServiceDeps {
  catalog: CatalogService;
  repository: ConnectionRepository;
  provider: () => ProviderClient;
  publicUrl: string;
  /** The HTTP basic auth of a webhook URL, for the services that send it (setup.webhookAuth). */
  webhookBasicAuth: WebhookBasicAuth;
  now: () => number;
}

export type OAuthConnectOutcome =
  | { outcome: 'connected'; connection: Connection }
  | { outcome: 'duplicate'; connection: Connection }
  | { outcome: 'missing_scopes'; missingScopes: string[] };

export class ConnectionService {
  constructor(private readonly deps: ConnectionServiceDeps) {}

  list(session: SessionRecord, app?: string): Connection[] {
    return this.deps.repository
      .list(session.userId, app)
      .filter((record) => allowsApp(session, record.app))
      .map((record) => this.toWire(record));
  }

  get(session: SessionRecord, id: string): Connection {
    return this.toWire(this.load(session, id));
  }

  async create(session: SessionRecord, request: CreateConnectionRequest): Promise<Connection> {
    const app = this.deps.catalog.get(session, request.app);
    const method = credentialMethodOf(app, request.method);
    const { credentials, identity } = await this.checkCredentials(app, method, request.fields);
    const existing = this.deps.repository.findByAccount(session.userId, app.key, identity.id);
    if (existing) throw duplicateAccount(this.toWire(existing));
    const timestamp = this.isoNow();
    const record: ConnectionRecord = {
      id: randomId('con_'),
      userId: session.userId,
      app: app.key,
      method: method.type,
      label: request.label?.trim() || identity.email,
      status: 'connected',
      accountId: identity.id,
      credentials,
      credentialHint: credentialHint(method, credentials),
      grantedScopes: [],
      missingScopes: [],
      lastTestedAt: timestamp,
      lastError: null,
      hookId: needsWebhook(app) ? randomId('', 32) : null,
      lastEventAt: null,
      createdAt: timestamp,
      updatedAt: timestamp,
    };
    this.deps.repository.save(record);
    return this.toWire(record);
  }

  async update(
    session: SessionRecord,
    id: string,
    patch: UpdateConnectionRequest,
  ): Promise<Connection> {
    const record = this.load(session, id);
    const app = this.deps.catalog.get(session, record.app);
    const label = patch.label?.trim();
    if (patch.label !== undefined && !label) {
      throw new ApiError(400, 'bad_request', 'The label cannot be empty.');
    }
    const next: ConnectionRecord = { ...record, updatedAt: this.isoNow() };
    if (patch.fields !== undefined || patch.method !== undefined) {
      const method = credentialMethodOf(app, patch.method ?? record.method);
      const { credentials, identity } = await this.checkCredentials(
        app,
        method,
        patch.fields ?? {},
      );
      const holder = this.deps.repository.findByAccount(session.userId, app.key, identity.id);
      if (holder && holder.id !== record.id) throw duplicateAccount(this.toWire(holder));
      Object.assign(next, {
        method: method.type,
        credentials,
        credentialHint: credentialHint(method, credentials),
        label: identity.id === record.accountId ? record.label : identity.email,
        accountId: identity.id,
        status: 'connected',
        grantedScopes: [],
        missingScopes: [],
        lastError: null,
        lastTestedAt: next.updatedAt,
      } satisfies Partial<ConnectionRecord>);
    }
    if (label) next.label = label;
    this.deps.repository.save(next);
    return this.toWire(next);
  }

  remove(session: SessionRecord, id: string): void {
    this.load(session, id);
    this.deps.repository.delete(session.userId, id);
  }

  async test(session: SessionRecord, id: string): Promise<TestResult> {
    const record = this.load(session, id);
    const app = this.deps.catalog.get(session, record.app);
    const testedAt = this.isoNow();
    const next: ConnectionRecord = { ...record, lastTestedAt: testedAt, updatedAt: testedAt };
    let message: string;
    if (app.health.status === 'down') {
      message = app.health.message ?? `${app.name} is unavailable right now. Try again later.`;
      Object.assign(next, failure('error', 'provider_unavailable', message));
    } else {
      const outcome = await this.callWhoAmI(app, next);
      message = outcome.message;
      if (outcome.identity) {
        Object.assign(next, { status: 'connected', lastError: null } as const);
      } else {
        Object.assign(next, failure(outcome.status, outcome.code, message));
      }
    }
    this.deps.repository.save(next);
    const connection = this.toWire(next);
    return { ok: next.status === 'connected', status: next.status, message, testedAt, connection };
  }

  /** Stores the result of a successful OAuth exchange (a new connection or, in update mode, the given one). */
  connectOAuth(
    session: Pick<SessionRecord, 'userId'>,
    app: App,
    tokens: TokenSet,
    identity: ProviderIdentity,
    connectionId: string | null,
  ): OAuthConnectOutcome {
    const grantedScopes = userFacingScopes(tokens.scopes);
    const required = oauthMethodOf(app).scopes.filter((scope) => scope.required);
    const missingScopes = required
      .map((scope) => scope.name)
      .filter((name) => !tokens.scopes.includes(name));
    if (missingScopes.length > 0) return { outcome: 'missing_scopes', missingScopes };

    const { repository } = this.deps;
    const holder = repository.findByAccount(session.userId, app.key, identity.id);
    const target = connectionId ? repository.find(session.userId, connectionId) : null;
    if (holder && holder.id !== target?.id) {
      return { outcome: 'duplicate', connection: this.toWire(holder) };
    }
    const timestamp = this.isoNow();
    const credentials: StoredCredentials = { kind: 'oauth', tokens };
    const record: ConnectionRecord = {
      id: target?.id ?? randomId('con_'),
      userId: session.userId,
      app: app.key,
      method: 'oauth2',
      label: target && target.accountId === identity.id ? target.label : identity.email,
      status: 'connected',
      accountId: identity.id,
      credentials,
      credentialHint: null,
      grantedScopes,
      missingScopes: [],
      lastTestedAt: timestamp,
      lastError: null,
      hookId: target?.hookId ?? (needsWebhook(app) ? randomId('', 32) : null),
      lastEventAt: target?.lastEventAt ?? null,
      createdAt: target?.createdAt ?? timestamp,
      updatedAt: timestamp,
    };
    repository.save(record);
    return { outcome: 'connected', connection: this.toWire(record) };
  }

  toWire(record: ConnectionRecord): Connection {
    return toWireConnection(record, this.deps.publicUrl, this.deps.webhookBasicAuth);
  }

  private load(session: SessionRecord, id: string): ConnectionRecord {
    const record = this.deps.repository.find(session.userId, id);
    // A session limited to some apps sees the user's other connections as absent (issue 14, 3).
    if (!record || !allowsApp(session, record.app)) throw notFound('The connection');
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

  /** Calls "who am I", refreshing an expired or rejected OAuth access token once. */
  private async callWhoAmI(
    app: App,
    record: ConnectionRecord,
  ): Promise<
    | { identity: ProviderIdentity; message: string }
    | { identity: null; status: ConnectionRecord['status']; code: string; message: string }
  > {
    const method = credentialOrOAuthMethod(app, record.method);
    const provider = this.deps.provider();
    const { credentials } = record;
    const tokenExpired =
      credentials.kind === 'oauth' &&
      credentials.tokens.expiresAt !== null &&
      credentials.tokens.expiresAt <= this.deps.now();
    let refreshed = false;
    if (tokenExpired) {
      const refresh = await this.refresh(record);
      if (refresh) return refresh;
      refreshed = true;
    }
    let answer: WhoAmIResult = await provider.whoAmI(
      providerCredential(method, record.credentials),
    );
    if (answer.outcome === 'rejected' && record.credentials.kind === 'oauth' && !refreshed) {
      const refresh = await this.refresh(record);
      if (refresh) return refresh;
      answer = await provider.whoAmI(providerCredential(method, record.credentials));
    }
    if (answer.outcome === 'ok') {
      return { identity: answer.identity, message: `Connected as ${answer.identity.email}` };
    }
    if (answer.outcome === 'unreachable') {
      return {
        identity: null,
        status: 'error',
        code: 'provider_error',
        message: `${app.name}: ${answer.detail}`,
      };
    }
    return record.credentials.kind === 'oauth'
      ? reauthNeeded(app)
      : {
          identity: null,
          status: 'error',
          code: 'credentials_rejected',
          message: `${app.name} no longer accepts these credentials. Update them to reconnect.`,
        };
  }

  /** Refreshes the record's tokens in place; returns a failure outcome when it cannot. */
  private async refresh(record: ConnectionRecord) {
    const { credentials } = record;
    const app = this.deps.catalog.find(record.app);
    if (credentials.kind !== 'oauth' || !credentials.tokens.refreshToken) return reauthNeeded(app);
    const result = await this.deps.provider().refresh(credentials.tokens.refreshToken);
    if (result.outcome === 'rejected') return reauthNeeded(app);
    if (result.outcome === 'unreachable') {
      return {
        identity: null,
        status: 'error' as const,
        code: 'provider_error',
        message: `${app.name}: ${result.detail}`,
      };
    }
    const tokens: TokenSet = {
      ...result.tokens,
      // Providers may omit an unchanged refresh token or scope list on refresh.
      refreshToken: result.tokens.refreshToken ?? credentials.tokens.refreshToken,
      scopes: result.tokens.scopes.length > 0 ? result.tokens.scopes : credentials.tokens.scopes,
    };
    record.credentials = { kind: 'oauth', tokens };
    record.grantedScopes = userFacingScopes(tokens.scopes);
    return null;
  }

  private isoNow(): string {
    return new Date(this.deps.now()).toISOString();
  }
}

function reauthNeeded(app: App) {
  return {
    identity: null,
    status: 'needs_reauth' as const,
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
