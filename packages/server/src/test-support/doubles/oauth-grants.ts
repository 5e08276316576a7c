// The bookkeeping of an OAuth 2.0 authorization server, shared by the doubles: codes bound to a
// redirect URI and PKCE challenge, access tokens that expire or are revoked, refresh tokens that
// rotate or stay. What each service answers, and how it wants its client to authenticate, stays in
// that service's double.
import { createHash, randomBytes } from 'node:crypto';
import { form, type DoubleReply, type DoubleRequest } from './service-double.js';

export interface GrantPolicy {
  clientId: string;
  clientSecret: string;
  /** Seconds an access token lives, or null when it never expires. */
  accessTtl: number | null;
  /** Whether the code exchange gives a refresh token. */
  refreshTokens: boolean;
  /** A refresh answers a new refresh token and the old one stops working. */
  rotate: boolean;
}

export interface Grant {
  accessToken: string;
  refreshToken: string | null;
  scopes: string[];
  /** The account the user signed in as (the double's fixture). */
  account: string;
  /** Extra values bound at authorization (Google's access_type, a chosen workspace…). */
  extra: Record<string, string>;
}

interface PendingCode {
  redirectUri: string;
  scopes: string[];
  challenge: string | null;
  extra: Record<string, string>;
}

export type GrantError = 'invalid_grant' | 'invalid_client';

const token = (prefix: string) => `${prefix}${randomBytes(12).toString('hex')}`;

export class OAuthGrants {
  private readonly codes = new Map<string, PendingCode>();
  private readonly byAccess = new Map<string, Grant>();
  private readonly byRefresh = new Map<string, Grant>();
  private readonly expired = new Set<string>();
  readonly stats = { exchanges: 0, refreshes: 0, revocations: 0 };

  constructor(
    readonly policy: GrantPolicy,
    private readonly prefix = '',
  ) {}

  issueCode(input: PendingCode): string {
    const code = token(`${this.prefix}code-`);
    this.codes.set(code, input);
    return code;
  }

  exchange(code: string, redirectUri: string | null, verifier: string | null): Grant | GrantError {
    const pending = this.codes.get(code);
    this.codes.delete(code);
    if (!pending || (redirectUri !== null && pending.redirectUri !== redirectUri)) {
      return 'invalid_grant';
    }
    if (pending.challenge) {
      const computed = verifier && createHash('sha256').update(verifier).digest('base64url');
      if (computed !== pending.challenge) return 'invalid_grant';
    }
    this.stats.exchanges += 1;
    return this.newGrant(pending.scopes, pending.extra, this.policy.refreshTokens);
  }

  refresh(refreshToken: string): Grant | GrantError {
    const old = this.byRefresh.get(refreshToken);
    if (!old) return 'invalid_grant';
    this.stats.refreshes += 1;
    this.byAccess.delete(old.accessToken);
    if (this.policy.rotate) {
      this.byRefresh.delete(refreshToken);
      return this.newGrant(old.scopes, old.extra, true);
    }
    const grant: Grant = { ...old, accessToken: token(`${this.prefix}at-`) };
    this.byAccess.set(grant.accessToken, grant);
    this.byRefresh.set(refreshToken, grant);
    return grant;
  }

  /** The grant of a live access token, or null (unknown, expired or revoked). */
  access(accessToken: string | null): Grant | null {
    if (!accessToken || this.expired.has(accessToken)) return null;
    return this.byAccess.get(accessToken) ?? null;
  }

  /** Forgets a token; an access or refresh token revokes the whole grant. */
  revoke(value: string): boolean {
    const grant = this.byAccess.get(value) ?? this.byRefresh.get(value);
    if (!grant) return false;
    this.byAccess.delete(grant.accessToken);
    if (grant.refreshToken) this.byRefresh.delete(grant.refreshToken);
    this.stats.revocations += 1;
    return true;
  }

  /** Test control: every access token issued so far stops working, as if its time ran out. */
  expireAccessTokens(): void {
    for (const accessToken of this.byAccess.keys()) this.expired.add(accessToken);
  }

  checkClient(client: { id: string; secret: string } | null): boolean {
    return client?.id === this.policy.clientId && client.secret === this.policy.clientSecret;
  }

  private newGrant(scopes: string[], extra: Record<string, string>, withRefresh: boolean): Grant {
    const grant: Grant = {
      accessToken: token(`${this.prefix}at-`),
      refreshToken: withRefresh ? token(`${this.prefix}rt-`) : null,
      scopes,
      account: 'jane',
      extra,
    };
    this.byAccess.set(grant.accessToken, grant);
    if (grant.refreshToken) this.byRefresh.set(grant.refreshToken, grant);
    return grant;
  }
}

/**
 * The service's sign-in and consent page, reduced to its decision: an "Allow" button that posts
 * back to the same authorize URL. `problem` shows an error page instead (bad client, wrong
 * redirect URI), as services do rather than redirecting to an unverified URI.
 */
export function consentPage(
  service: string,
  request: DoubleRequest,
  problem?: string,
): DoubleReply {
  if (problem) {
    return {
      status: 400,
      html: `<!doctype html><title>${service}</title><h1>Error</h1><p>${problem}</p>`,
    };
  }
  const action = request.url.toString().replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return {
    status: 200,
    html: `<!doctype html><html lang="en"><title>${service}</title><main><h1>${service}</h1>
<p>Plugboard test app wants to access your ${service} account.</p>
<form method="post" action="${action}"><button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button></form></main></html>`,
  };
}

/** The decision posted from the consent page. */
export function consentDecision(request: DoubleRequest): 'allow' | 'deny' {
  return form(request).get('decision') === 'deny' ? 'deny' : 'allow';
}

/** Back to the client with a code (or an error), keeping its state. */
export function redirectBack(
  redirectUri: string,
  state: string | null,
  result: { code: string } | { error: string },
  extra: Record<string, string> = {},
): DoubleReply {
  const location = new URL(redirectUri);
  for (const [name, value] of Object.entries({ ...result, ...extra })) {
    location.searchParams.set(name, value);
  }
  if (state !== null) location.searchParams.set('state', state);
  return { status: 302, headers: { Location: location.toString() } };
}

export interface AuthorizeRules {
  service: string;
  /** Extra checks of the authorize parameters; a message shows the service's error page. */
  check?: (params: URLSearchParams) => string | null;
  /** Scopes as the service reads them from the authorize URL (default: `scope`, space separated). */
  scopes?: (params: URLSearchParams) => string[];
  /** Values kept with the grant (a chosen workspace, Google's access_type). */
  extra?: (params: URLSearchParams) => Record<string, string>;
  /** Added to the redirect back (QuickBooks' realmId). */
  redirectExtra?: Record<string, string>;
  requirePkce?: boolean;
}

/** GET (the page) and POST (the decision) of an authorize endpoint. */
export function authorizeEndpoint(grants: OAuthGrants, rules: AuthorizeRules) {
  const problem = (request: DoubleRequest): string | undefined => {
    const params = request.url.searchParams;
    if (params.get('client_id') !== grants.policy.clientId) return 'Unknown client_id.';
    if (!params.get('redirect_uri')) return 'redirect_uri is missing.';
    if (params.get('response_type') !== 'code') return 'response_type must be code.';
    if (rules.requirePkce && params.get('code_challenge_method') !== 'S256')
      return 'PKCE (S256) is required.';
    return rules.check?.(params) ?? undefined;
  };
  return {
    page: (request: DoubleRequest) => consentPage(rules.service, request, problem(request)),
    decide: (request: DoubleRequest) => {
      const error = problem(request);
      if (error) return consentPage(rules.service, request, error);
      const params = request.url.searchParams;
      const redirectUri = params.get('redirect_uri')!;
      if (consentDecision(request) === 'deny') {
        return redirectBack(redirectUri, params.get('state'), { error: 'access_denied' });
      }
      const code = grants.issueCode({
        redirectUri,
        scopes: rules.scopes?.(params) ?? (params.get('scope') ?? '').split(' ').filter(Boolean),
        challenge: params.get('code_challenge'),
        extra: rules.extra?.(params) ?? {},
      });
      return redirectBack(redirectUri, params.get('state'), { code }, rules.redirectExtra);
    },
  };
}
