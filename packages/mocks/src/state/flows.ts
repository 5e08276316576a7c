// OAuth flow bookkeeping: expiry, settling a flow (by the mock authorize page or by a test through
// completeFlow), and telling long-polls that something changed.
import type { App, Connection, OAuthFlow, OAuthFlowErrorCode } from '@plugboard/contract';
import { findApp, type MockContext } from '../context.js';
import { requiredScopeNames, scopeNames } from '../seed/pick-apps.js';
import { clip } from '../text.js';
import { buildConnection } from './connection-factory.js';
import { addConnection, replaceConnection } from './connections.js';
import type { MockFlow } from './mock-state.js';

export type FlowOutcome =
  | { status: 'succeeded' }
  | { status: 'failed'; code: OAuthFlowErrorCode; message?: string; missingScopes?: string[] }
  | { status: 'expired' };

const defaultMessages: Record<OAuthFlowErrorCode, string> = {
  access_denied: 'You did not allow access.',
  provider_error: 'The service could not complete the sign-in. Try again in a moment.',
  missing_scopes: 'Some access the app needs was not granted.',
  duplicate_account: 'This account is already connected.',
  state_invalid: 'The sign-in link is no longer valid. Start again.',
  exchange_failed: 'The service did not confirm the sign-in.',
  browser_mismatch:
    'Nothing was connected: the sign-in was finished in another browser than the one that started it.',
};

function notifyFlowChange(ctx: MockContext): void {
  for (const listener of [...ctx.flowListeners]) listener();
}

/** A pending flow past its expiry reads as expired. */
export function refreshExpiry(flow: MockFlow, now = Date.now()): void {
  if (flow.status === 'pending' && Date.parse(flow.expiresAt) <= now) flow.status = 'expired';
}

/** The wire shape: the mock's bookkeeping stays private. */
export function publicFlow(flow: MockFlow): OAuthFlow {
  const {
    openerOrigin: _origin,
    returnUrl: _returnUrl,
    oauthState: _state,
    oauthStateUsed: _stateUsed,
    startSecret: _startSecret,
    browserBinding: _binding,
    startBy: _startBy,
    sessionToken: _sessionToken,
    ...wire
  } = flow;
  return wire;
}

/** The flow an unused `state` belongs to, marking the state used: a replay finds nothing. */
export function consumeState(ctx: MockContext, state: string): MockFlow | undefined {
  const flow = ctx.state.flows.find(
    (candidate) => !candidate.oauthStateUsed && candidate.oauthState === state,
  );
  if (flow) flow.oauthStateUsed = true;
  return flow;
}

/** Who signs in at the mock provider: the first account not connected to the app yet. */
const OAUTH_ACCOUNTS = [
  { identity: 'jane#demo-user', label: 'Jane Doe (jane@acme.example)' },
  { identity: 'alex#demo-user-2', label: 'Alex Rivera (alex@acme.example)' },
];

/** A new connection of the next account; undefined when every account is connected already. */
function oauthConnection(ctx: MockContext, app: App): Connection | undefined {
  const taken = new Set(ctx.state.accounts.values());
  const account = OAUTH_ACCOUNTS.find(
    (candidate) => !taken.has(`${app.key}|oauth|${candidate.identity}`),
  );
  if (!account) return undefined;
  const connection = buildConnection({
    id: ctx.ids.connectionId(),
    app: app.key,
    label: account.label,
    method: 'oauth2',
    grantedScopes: scopeNames(app),
  });
  ctx.state.accounts.set(connection.id, `${app.key}|oauth|${account.identity}`);
  addConnection(ctx, connection);
  return connection;
}

function reauthorized(ctx: MockContext, connectionId: string, app: App): Connection | undefined {
  const current = ctx.state.connections.find((connection) => connection.id === connectionId);
  if (!current) return undefined;
  const now = new Date().toISOString();
  const connection: Connection = {
    ...current,
    method: 'oauth2',
    status: 'connected',
    grantedScopes: scopeNames(app),
    missingScopes: [],
    lastError: null,
    lastTestedAt: now,
    updatedAt: now,
  };
  replaceConnection(ctx, connection, 'edit');
  return connection;
}

/** The connection that "already holds" the account for duplicate_account. */
function existingConnectionFor(ctx: MockContext, app: App): Connection {
  return (
    ctx.state.connections.find((connection) => connection.app === app.key) ??
    oauthConnection(ctx, app)!
  );
}

export function settleFlow(ctx: MockContext, flow: MockFlow, outcome: FlowOutcome): void {
  const app = findApp(ctx, flow.app);
  if (!app) throw new Error(`flow ${flow.flowId} names an unknown app ${flow.app}`);
  delete flow.error;
  delete flow.connection;
  flow.status = outcome.status;
  const connected =
    outcome.status === 'succeeded'
      ? ((flow.connectionId ? reauthorized(ctx, flow.connectionId, app) : undefined) ??
        oauthConnection(ctx, app))
      : undefined;
  if (connected) {
    flow.connection = connected;
  } else if (outcome.status === 'succeeded') {
    // Every mock account of this app is connected: signing in again finds one of them.
    flow.status = 'failed';
    flow.error = { code: 'duplicate_account', message: defaultMessages.duplicate_account };
    flow.connection = existingConnectionFor(ctx, app);
  } else if (outcome.status === 'failed') {
    flow.error = {
      code: outcome.code,
      message: clip(outcome.message ?? defaultMessages[outcome.code], 2000),
    };
    if (outcome.code === 'missing_scopes')
      flow.error.missingScopes = outcome.missingScopes ?? requiredScopeNames(app);
    if (outcome.code === 'duplicate_account') flow.connection = existingConnectionFor(ctx, app);
  }
  notifyFlowChange(ctx);
}

/** Resolves when any flow changes, or after `ms`. */
export function flowChangeOrTimeout(ctx: MockContext, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      ctx.flowListeners.delete(done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    ctx.flowListeners.add(done);
  });
}
