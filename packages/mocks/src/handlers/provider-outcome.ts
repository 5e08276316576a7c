// What the mock OAuth provider does in each scenario, for the authorize page and the callback.
import type { MockContext } from '../context.js';
import type { FlowOutcome } from '../state/flows.js';
import type { MockFlow } from '../state/mock-state.js';

export type ProviderAction =
  FlowOutcome | { status: 'close-without-result' } | { status: 'never-finish' };

export function providerAction(ctx: MockContext): ProviderAction {
  switch (ctx.state.scenario) {
    case 'oauth-fails':
      return { status: 'failed', code: 'provider_error' };
    case 'oauth-denied':
      return { status: 'failed', code: 'access_denied' };
    case 'oauth-missing-scopes':
      return { status: 'failed', code: 'missing_scopes' };
    case 'oauth-duplicate':
      return { status: 'failed', code: 'duplicate_account' };
    case 'oauth-cancelled':
      return { status: 'close-without-result' };
    case 'oauth-times-out':
      return { status: 'never-finish' };
    default:
      return { status: 'succeeded' };
  }
}

/** A flow whose session the host revoked meanwhile must not complete (the real server's rule). */
export function unlessRevoked(ctx: MockContext, flow: MockFlow, outcome: FlowOutcome): FlowOutcome {
  const revoked = flow.sessionToken !== null && ctx.state.revokedTokens.has(flow.sessionToken);
  return revoked ? { status: 'failed', code: 'state_invalid' } : outcome;
}
