// What the server asks of the service behind an app: the authorize URL, the code exchange (with the
// PKCE verifier), refresh, "who am I" with stored credentials, and revocation on disconnect.
// One generic engine (src/providers/definition-client.ts) implements it from a provider definition;
// the demo provider is one such definition.
import type { AuthType, SetupOption } from '@plugboard/contract';

export type ProviderCredential =
  | { type: 'oauth'; tokens: TokenSet }
  | { type: 'fields'; method: Exclude<AuthType, 'oauth2'>; values: Record<string, FieldValue> };

type FieldValue = string | number | boolean | string[];

export interface ProviderIdentity {
  /** The account at the service: duplicates are detected on it. */
  id: string;
  /** How the connection is named: the account's e-mail, else its name. */
  label: string;
  email: string | null;
  name: string | null;
  scopes?: string[];
}

export type WhoAmIResult =
  | { outcome: 'ok'; identity: ProviderIdentity }
  | { outcome: 'rejected' }
  | { outcome: 'unreachable'; detail: string };

export interface TokenSet {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch ms, or null when the provider did not say. */
  expiresAt: number | null;
  scopes: string[];
  /** Values the service gave with the tokens or right after (an instance URL, a cloud id). */
  context?: Record<string, string>;
}

export type TokenResult =
  | { outcome: 'ok'; tokens: TokenSet }
  | { outcome: 'rejected'; error: string }
  | { outcome: 'unreachable'; detail: string };

/** How the service answered a call made with the connection's credentials. */
export type ServiceOutcome<T> =
  | { outcome: 'ok'; value: T }
  | { outcome: 'rejected' }
  | { outcome: 'unreachable'; detail: string };

export interface OptionsPageRequest {
  /** The service's cursor (or page number) from the previous page; null for the first. */
  cursor: string | null;
  /** Text the options' labels should contain ('' for all). */
  search: string;
}

export interface OptionsPage {
  items: SetupOption[];
  /** For the next page; null on the last. */
  next: string | null;
  /** The service applied `search` itself; otherwise the caller filters the labels. */
  searched: boolean;
}

/** A verification's outcome in the words of the definition: what was found, what to do. */
export interface ChoiceCheck {
  passed: boolean;
  message: string;
  action: string | null;
}

export type RevokeResult =
  { outcome: 'revoked' | 'not_supported' } | { outcome: 'failed'; detail: string };

export interface AuthorizeRequest {
  state: string;
  /** S256 challenge of the flow's verifier; sent only to services that support PKCE. */
  codeChallenge: string;
  redirectUri: string;
}

export interface ProviderClient {
  authorizeUrl(request: AuthorizeRequest): string;
  exchangeCode(code: string, codeVerifier: string, redirectUri: string): Promise<TokenResult>;
  /** New tokens; the context and an omitted refresh token are carried over from `tokens`. */
  refresh(tokens: TokenSet): Promise<TokenResult>;
  whoAmI(credential: ProviderCredential): Promise<WhoAmIResult>;
  /** Tells the service to forget the grant, where it can. */
  revoke(credential: ProviderCredential): Promise<RevokeResult>;
  /** One page of a select setup step's options, asked of the service with the credential. */
  setupOptions(
    stepKey: string,
    credential: ProviderCredential,
    page: OptionsPageRequest,
  ): Promise<ServiceOutcome<OptionsPage>>;
  /** Checks a select step's saved choice with the service (its definition's verification). */
  verifyChoice(
    stepKey: string,
    credential: ProviderCredential,
    choice: SetupOption,
  ): Promise<ServiceOutcome<ChoiceCheck>>;
}
