// Everything the mock backend remembers between requests. Replaced wholesale by reset().
import type { App, Connection, LiveEvent, OAuthFlow } from '@plugboard/contract';
import type { ScenarioName } from '../scenarios.js';

export interface RecordedRequest {
  method: string;
  url: string;
  /** Lower-case names, as the Fetch API reports them. */
  headers: Record<string, string>;
  body: string | null;
}

/** A flow as the mock keeps it: the wire shape plus what the authorize page needs. */
export interface MockFlow extends OAuthFlow {
  openerOrigin: string;
  returnUrl: string | null;
  /** The single-use `state` the callback must present. */
  oauthState: string;
  oauthStateUsed: boolean;
  /** The one-time secret of the flow's start URL (`authorizeUrl`). */
  startSecret: string;
  /** The cookie value the start URL gave the browser that opened it first; null until then. */
  browserBinding: string | null;
  /** Epoch milliseconds: the start URL must be opened by then. */
  startBy: number;
  /** The minted session that started the flow; null for any other token. */
  sessionToken: string | null;
}

/** A session minted through POST /v1/sessions. */
export interface MockSession {
  token: string;
  userId: string;
  allowedOrigins: string[];
  /** null: every app of the catalog. */
  allowedApps: string[] | null;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface StoredAnswer {
  fingerprint: string;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface MockState {
  scenario: ScenarioName;
  catalog: App[];
  appsByKey: Map<string, App>;
  connections: Connection[];
  flows: MockFlow[];
  requests: RecordedRequest[];
  /** Connection id → the account it holds, for duplicate_account. Seeds hold unique accounts. */
  accounts: Map<string, string>;
  /** Idempotency-Key → the first answer for that key. */
  idempotency: Map<string, StoredAnswer>;
  /** Minted session tokens → their session. */
  sessions: Map<string, MockSession>;
  /** Revoked tokens, minted or not: the mock then refuses them like the real server. */
  revokedTokens: Set<string>;
  /** Every change of a connection, for the live channel; an event's id is its position from 1. */
  liveEvents: LiveEvent[];
  /** One-shot transport scenarios remember whether they already fired. */
  transport: { sawTokenRequest: boolean; rateLimitSent: boolean };
  /** Set by MockBackend.failNextRevocation(); the next OAuth Disconnect clears it. */
  failNextRevocation: boolean;
}
