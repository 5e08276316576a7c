import type {
  App,
  AppKey,
  AppSummary,
  Connection,
  OAuthFlowErrorCode,
  OAuthMode,
} from '@plugboard/contract';
import type { PlugboardError } from '../errors.js';

export interface StartOAuthOptions {
  /** Re-authorize this connection (update mode) instead of creating a new one. */
  connectionId?: string;
  /** Default 'popup'. 'redirect' navigates this tab ("continue in this tab"). */
  mode?: OAuthMode;
  /** Redirect mode: where the backend sends the user back (default: the current URL). */
  returnUrl?: string;
  signal?: AbortSignal;
}

export type OAuthCancelReason = 'user' | 'popup_closed' | 'superseded' | 'aborted';

export type OAuthResult =
  | {
      status: 'succeeded';
      connection: Connection;
      flowId: string;
      /** Update mode: the connection the flow re-authorized (the same as `connection.id`). */
      connectionId?: string;
    }
  | {
      status: 'failed';
      /** The app of the flow (a redirect-mode page learns it only from the backend). */
      app: AppKey;
      /** Update mode: the connection the flow was to re-authorize. */
      connectionId?: string;
      code: OAuthFlowErrorCode;
      message: string;
      missingScopes?: string[];
      /** For duplicate_account: the connection that already holds the account. */
      connection?: Connection;
      flowId: string;
    }
  | { status: 'popup_blocked' }
  | { status: 'cancelled'; reason: OAuthCancelReason }
  | { status: 'timeout' }
  | { status: 'expired'; flowId: string }
  /** Redirect mode: the tab is navigating to the provider; `resumeRedirectFlow` picks it up. */
  | { status: 'redirecting'; flowId: string }
  | { status: 'error'; error: PlugboardError };

export type OAuthResultStatus = OAuthResult['status'];

export interface OAuthFlowHandle {
  /** Settles once, with the flow's outcome; never rejects. */
  readonly result: Promise<OAuthResult>;
  /** False when the popup was blocked (and in redirect mode, which opens none). */
  readonly popupOpened: boolean;
  /** Opens the popup again on the same authorize URL, or focuses it. Call from a click handler. */
  reopen(): void;
  /** Ends the wait with `{ status: 'cancelled', reason: 'user' }` and closes the popup. */
  cancel(): void;
}

export type OAuthApp = Pick<App | AppSummary, 'key'>;
