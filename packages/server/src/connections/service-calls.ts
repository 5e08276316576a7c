// Calls to the service behind a connection with its stored credentials: Test, a setup step's live
// options and its verification. An expired OAuth access token is refreshed first, and one the
// service refuses is refreshed once and the call made again; one refresh runs per connection at a
// time on every instance (a rotating refresh token works once).
import type { App, AuthMethod } from '@plugboard/contract';
import { randomId } from '../crypto/random.js';
import { ApiError, notFound } from '../http/api-error.js';
import type {
  ProviderClient,
  ProviderCredential,
  ServiceOutcome,
  TokenSet,
} from '../provider/provider-client.js';
import type { ConnectionRecord } from './connection-record.js';
import type { ConnectionRepository } from './connection-repository.js';
import { providerCredential, type StoredCredentials } from './stored-credentials.js';

/** A refresh holds its lease this long at most (the provider call times out after 10 s). */
const REFRESH_LEASE_MS = 15_000;
const REFRESH_POLL_MS = 100;

/** Why a call did not get an answer: what the connection's status and last error become. */
export interface CallFailure {
  /** Whose fault: the service's (a timeout, 5xx, 429) or the credentials' (refused, unreadable). */
  fault: 'service' | 'credentials';
  status: ConnectionRecord['status'];
  code: string;
  message: string;
}

export type CallOutcome<T> = ({ ok: true; value: T } | { ok: false; failure: CallFailure }) & {
  /** The record as stored after a refresh (new tokens, new version), when one happened. */
  refreshed: ConnectionRecord | undefined;
};

export interface ServiceCallsDeps {
  repository: ConnectionRepository;
  provider: (appKey: string) => ProviderClient;
  now: () => number;
  /** Only these scopes are what the user granted (not protocol ones such as openid). */
  userFacingScopes: (scopes: string[]) => string[];
}

type OAuthCredentials = Extract<StoredCredentials, { kind: 'oauth' }>;

export class ServiceCalls {
  constructor(private readonly deps: ServiceCallsDeps) {}

  /**
   * Asks the service with the record's credentials, refreshing OAuth tokens as needed: an access
   * token that expires by `refreshBy` (epoch ms; default now) is refreshed first.
   */
  async call<T>(
    app: App,
    record: ConnectionRecord,
    ask: (client: ProviderClient, credential: ProviderCredential) => Promise<ServiceOutcome<T>>,
    refreshBy = this.deps.now(),
  ): Promise<CallOutcome<T>> {
    const method = methodOf(app, record.method);
    const client = this.deps.provider(app.key);
    let credentials = this.deps.repository.openCredentials(record);
    if (!credentials)
      return { ok: false, failure: unreadableCredentials(app), refreshed: undefined };
    let current = record;
    let refreshed: ConnectionRecord | undefined;
    const refreshOnce = async (): Promise<CallFailure | null> => {
      const result = await this.refreshOnceAcrossInstances(app, current);
      if (!result.ok) return result.failure;
      refreshed = result.record;
      current = result.record;
      credentials = result.credentials;
      return null;
    };
    const tokenExpired =
      credentials.kind === 'oauth' &&
      credentials.tokens.expiresAt !== null &&
      credentials.tokens.expiresAt <= refreshBy;
    if (tokenExpired) {
      const failed = await refreshOnce();
      if (failed) return { ok: false, failure: failed, refreshed };
    }
    let answer = await ask(client, providerCredential(method, credentials));
    if (answer.outcome === 'rejected' && credentials.kind === 'oauth' && !refreshed) {
      const failed = await refreshOnce();
      if (failed) return { ok: false, failure: failed, refreshed };
      answer = await ask(client, providerCredential(method, credentials));
    }
    if (answer.outcome === 'ok') return { ok: true, value: answer.value, refreshed };
    if (answer.outcome === 'unreachable') {
      return { ok: false, failure: providerFailure(app, answer.detail), refreshed };
    }
    const rejected: CallFailure =
      credentials.kind === 'oauth'
        ? reauthNeeded(app)
        : {
            fault: 'credentials',
            status: 'error',
            code: 'credentials_rejected',
            message: `${app.name} no longer accepts these credentials. Update them to reconnect.`,
          };
    return { ok: false, failure: rejected, refreshed };
  }

  /**
   * Refreshes the tokens under the connection's refresh lease. A request that finds the lease
   * taken waits for the holder and uses the tokens it stored.
   */
  private async refreshOnceAcrossInstances(
    app: App,
    record: ConnectionRecord,
  ): Promise<
    | { ok: true; record: ConnectionRecord; credentials: StoredCredentials }
    | { ok: false; failure: CallFailure }
  > {
    const { repository, now } = this.deps;
    /** Another holder stored new tokens: use those. */
    const theirs = (current: ConnectionRecord) => {
      const credentials = repository.openCredentials(current);
      return credentials
        ? { ok: true as const, record: current, credentials }
        : { ok: false as const, failure: unreadableCredentials(app) };
    };
    const owner = randomId('rfl_');
    const giveUpAt = now() + REFRESH_LEASE_MS;
    while (!(await repository.claimRefresh(record, owner, now(), now() + REFRESH_LEASE_MS))) {
      await delay(REFRESH_POLL_MS);
      const current = await repository.find(record.userId, record.id);
      if (!current) throw notFound('The connection');
      if (tokensChanged(record, current)) return theirs(current);
      if (now() > giveUpAt) {
        return { ok: false, failure: providerFailure(app, 'A token refresh is still running.') };
      }
    }
    try {
      // Someone may have refreshed between our read and our claim.
      const current = await repository.find(record.userId, record.id);
      if (!current) throw notFound('The connection');
      if (tokensChanged(record, current)) return theirs(current);
      const credentials = repository.openCredentials(current);
      if (!credentials) return { ok: false, failure: unreadableCredentials(app) };
      const result = await this.refreshTokens(app, credentials);
      if (!result.ok) return result;
      const saved = await repository.saveRefreshed(current, owner, {
        credentials: result.credentials,
        grantedScopes: this.deps.userFacingScopes(result.credentials.tokens.scopes),
        updatedAt: new Date(now()).toISOString(),
      });
      if (!saved) {
        return { ok: false, failure: providerFailure(app, 'The token refresh took too long.') };
      }
      return { ok: true, record: saved, credentials: result.credentials };
    } finally {
      await repository.releaseRefresh(record, owner);
    }
  }

  /** Asks the service for new tokens; returns them, or why the connection cannot go on. */
  private async refreshTokens(
    app: App,
    credentials: StoredCredentials,
  ): Promise<{ ok: true; credentials: OAuthCredentials } | { ok: false; failure: CallFailure }> {
    if (credentials.kind !== 'oauth' || !credentials.tokens.refreshToken) {
      return { ok: false, failure: reauthNeeded(app) };
    }
    const result = await this.deps.provider(app.key).refresh(credentials.tokens);
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
}

/** Only credential writes (a refresh, an update) change the sealed value. */
function tokensChanged(before: ConnectionRecord, after: ConnectionRecord): boolean {
  return before.sealedCredentials !== after.sealedCredentials;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function methodOf(app: App, type: AuthMethod['type']): AuthMethod {
  const method = app.authMethods.find((candidate) => candidate.type === type);
  if (!method) throw new ApiError(400, 'bad_request', `${app.name} does not support ${type}.`);
  return method;
}

function providerFailure(app: App, detail: string): CallFailure {
  return {
    fault: 'service',
    status: 'error',
    code: 'provider_error',
    message: `${app.name}: ${detail}`,
  };
}

/** Stored credentials that no configured key opens (tampered, moved, or a key removed too soon). */
function unreadableCredentials(app: App): CallFailure {
  return {
    fault: 'credentials',
    status: 'needs_reauth',
    code: 'needs_reauth',
    message: `The stored sign-in for ${app.name} cannot be read. Update the connection to sign in again.`,
  };
}

function reauthNeeded(app: App): CallFailure {
  return {
    fault: 'credentials',
    status: 'needs_reauth',
    code: 'needs_reauth',
    message: `Your ${app.name} sign-in has expired. Update the connection to sign in again.`,
  };
}
