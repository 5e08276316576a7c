// From the backend's flow status (the source of truth) to the result the UI shows.
import type { Connection, OAuthFlow } from '@plugboard/contract';
import { PlugboardError } from '../errors.js';
import type { OAuthResult } from './oauth-types.js';

/** The result for a finished flow, or null while it is still pending. */
export function resultFromFlow(flow: OAuthFlow): OAuthResult | null {
  switch (flow.status) {
    case 'pending':
      return null;
    case 'succeeded':
      return flow.connection
        ? {
            status: 'succeeded',
            connection: flow.connection,
            flowId: flow.flowId,
            ...updateTarget(flow),
          }
        : {
            status: 'error',
            error: new PlugboardError('malformed', 'The flow succeeded without a connection.'),
          };
    case 'expired':
      return { status: 'expired', flowId: flow.flowId };
    case 'failed':
      return {
        status: 'failed',
        app: flow.app,
        code: flow.error?.code ?? 'provider_error',
        message: flow.error?.message ?? '',
        missingScopes: flow.error?.missingScopes,
        connection: flow.connection,
        flowId: flow.flowId,
        ...updateTarget(flow),
      };
  }
}

function updateTarget(flow: OAuthFlow): { connectionId?: string } {
  return flow.connectionId ? { connectionId: flow.connectionId } : {};
}

/** The connection a result carries: the new one, or the existing one of a duplicate_account. */
export function connectionOf(result: OAuthResult): Connection | undefined {
  return result.status === 'succeeded' || result.status === 'failed'
    ? result.connection
    : undefined;
}

/** The PlugboardError equivalent of an unsuccessful result (null for success and redirecting),
 *  for code that reports every failure the same way (e.g. a `connect_error` event). */
export function errorFromOAuthResult(result: OAuthResult): PlugboardError | null {
  switch (result.status) {
    case 'succeeded':
    case 'redirecting':
      return null;
    case 'error':
      return result.error;
    case 'failed':
      return new PlugboardError('flow_failed', result.message || result.code);
    case 'popup_blocked':
      return new PlugboardError('popup_blocked', 'The browser blocked the sign-in window.');
    case 'cancelled':
      return result.reason === 'popup_closed'
        ? new PlugboardError('popup_closed', 'The sign-in window was closed.')
        : new PlugboardError('aborted', 'The sign-in was cancelled.');
    case 'timeout':
      return new PlugboardError('flow_timeout', 'The sign-in took too long.');
    case 'expired':
      return new PlugboardError('flow_expired', 'The sign-in link expired.');
  }
}
