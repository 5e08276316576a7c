// Session tokens as the host backend mints and revokes them, and what a token is worth on a
// widget request. Unlike the real server the mock accepts tokens it never minted (unless
// `strictSessions`), so stories and tests can use any bearer token.
import type { CreateSessionRequest, Session } from '@plugboard/contract';
import type { MockContext } from '../context.js';
import { bearerToken } from '../http/bearer.js';
import type { MockSession } from './mock-state.js';

export type SessionLookup =
  | { state: 'valid'; session: MockSession }
  | { state: 'expired' }
  | { state: 'unknown' }
  /** A token the mock did not mint, accepted because `strictSessions` is off. */
  | { state: 'unminted' };

export function mintSession(ctx: MockContext, request: CreateSessionRequest): Session {
  const token = ctx.ids.sessionToken();
  const expiresAt = Date.now() + request.ttlSeconds * 1000;
  ctx.state.sessions.set(token, {
    token,
    userId: request.userId,
    allowedOrigins: [...request.allowedOrigins],
    allowedApps: request.allowedApps ? [...request.allowedApps] : null,
    expiresAt,
  });
  return { token, expiresAt: new Date(expiresAt).toISOString() };
}

export function revokeToken(ctx: MockContext, token: string): void {
  ctx.state.revokedTokens.add(token);
}

export function lookupSession(ctx: MockContext, token: string): SessionLookup {
  // The secret key is never a session token, even for the lenient mock: it must not reach a browser.
  if (ctx.state.revokedTokens.has(token) || token === ctx.secretKey) return { state: 'unknown' };
  const session = ctx.state.sessions.get(token);
  if (!session) return ctx.strictSessions ? { state: 'unknown' } : { state: 'unminted' };
  if (session.expiresAt <= Date.now()) return { state: 'expired' };
  return { state: 'valid', session };
}

/** The minted session behind a request that passed the session check, if any. */
export function currentSession(ctx: MockContext, request: Request): MockSession | undefined {
  const token = bearerToken(request);
  if (token === null) return undefined;
  const lookup = lookupSession(ctx, token);
  return lookup.state === 'valid' ? lookup.session : undefined;
}

export function allowsApp(session: MockSession | undefined, appKey: string): boolean {
  return !session || session.allowedApps === null || session.allowedApps.includes(appKey);
}
