// From core's OAuth result to what the connect flow does next.
import type { AppKey, Connection } from '@plugboard/contract';
import { HttpError, PlugboardError } from '../errors.js';
import { errorFromOAuthResult } from '../oauth/flow-result.js';
import type { OAuthResult } from '../oauth/oauth-types.js';
import type { ConnectErrorCode } from './connect-flow-types.js';

/** What the flow does next after an OAuth flow ended. */
export type OAuthOutcome =
  | { kind: 'connected'; connection: Connection }
  | { kind: 'blocked' }
  | { kind: 'cancelled-by-user' }
  | { kind: 'missing-scopes'; scopes: readonly string[]; connectionId: string | undefined }
  | { kind: 'duplicate'; existing: Connection }
  | { kind: 'declined' }
  | { kind: 'failed'; code: ConnectErrorCode; error: PlugboardError };

/** The next step for a flow's outcome; undefined when there is nothing to show. */
export function interpretOAuthResult(result: OAuthResult): OAuthOutcome | undefined {
  switch (result.status) {
    case 'succeeded':
      return { kind: 'connected', connection: result.connection };
    case 'popup_blocked':
      return { kind: 'blocked' };
    case 'failed':
      if (result.code === 'missing_scopes') {
        return {
          kind: 'missing-scopes',
          scopes: result.missingScopes ?? [],
          connectionId: result.connection?.id,
        };
      }
      if (result.code === 'duplicate_account' && result.connection) {
        return { kind: 'duplicate', existing: result.connection };
      }
      if (result.code === 'access_denied') return { kind: 'declined' };
      return failed(result, result.code);
    case 'cancelled':
      if (result.reason === 'user') return { kind: 'cancelled-by-user' };
      // superseded / aborted: another flow or a disconnect took over; nothing to show.
      return result.reason === 'popup_closed' ? failed(result, 'popup_closed') : undefined;
    case 'timeout':
      return failed(result, 'flow_timeout');
    case 'expired':
      return failed(result, 'flow_expired');
    case 'redirecting':
      return undefined;
    case 'error':
      return failed(result, errorCodeOf(result.error));
  }
}

function failed(result: OAuthResult, code: ConnectErrorCode): OAuthOutcome {
  const error = errorFromOAuthResult(result) ?? new PlugboardError('flow_failed', code);
  return { kind: 'failed', code, error };
}

/** The code a `connect_error` carries: the backend's problem code, else core's error code. */
export function errorCodeOf(error: PlugboardError): ConnectErrorCode {
  return error instanceof HttpError ? error.problem.code : error.code;
}

/**
 * What a flow that came back by redirect is about: its app (unknown when it expired or the
 * backend could not be asked) and the connection it re-authorized ('' for a new one).
 */
export function redirectTarget(result: OAuthResult): {
  appKey: AppKey | undefined;
  connectionId: string;
} {
  switch (result.status) {
    case 'succeeded':
      return { appKey: result.connection.app, connectionId: result.connectionId ?? '' };
    case 'failed':
      return { appKey: result.app, connectionId: result.connectionId ?? '' };
    default:
      return { appKey: undefined, connectionId: '' };
  }
}
