import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AppSummary, Connection } from '@plugboard/contract';
import {
  errorFromOAuthResult,
  HttpError,
  PlugboardError,
  type OAuthFlowHandle,
  type OAuthResult,
  type PlugboardClient,
} from '@plugboard/core';
import type { ConnectErrorCode } from './connect-dialog.events.js';

/** What the dialog does next after a flow ends. */
export type OAuthStepResult =
  | { kind: 'connected'; connection: Connection }
  | { kind: 'blocked' }
  | { kind: 'cancelled-by-user' }
  | { kind: 'missing-scopes'; scopes: readonly string[]; connectionId: string | undefined }
  | { kind: 'duplicate'; existing: Connection }
  | { kind: 'declined' }
  | { kind: 'failed'; code: ConnectErrorCode; error: PlugboardError };

/**
 * One OAuth flow at a time for the dialog: starts it (synchronously, so the popup opens inside the
 * user's click), reopens or cancels it, and turns core's result into the dialog's next step.
 * Results of a flow that was cancelled or replaced are ignored. Cancels on disconnect, which
 * closes the popup.
 */
export class OAuthStep implements ReactiveController {
  private handle: OAuthFlowHandle | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: {
      client: () => PlugboardClient | undefined;
      onResult: (result: OAuthStepResult) => void;
    },
  ) {
    host.addController(this);
  }

  /** Opens the popup and starts the flow. Returns false when the browser blocked the popup. */
  start(app: AppSummary, connectionId: string): boolean {
    this.cancel();
    const client = this.options.client();
    if (!client) return false;
    const handle = client.startOAuth(app, {
      mode: 'popup',
      ...(connectionId ? { connectionId } : {}),
    });
    this.handle = handle;
    void handle.result.then((result) => {
      if (this.handle !== handle) return;
      this.handle = undefined;
      const next = interpretOAuthResult(result);
      if (next) this.options.onResult(next);
    });
    return handle.popupOpened;
  }

  /** "Open the window again": must run inside a click handler. */
  reopen(): void {
    this.handle?.reopen();
  }

  /** Ends the current flow quietly (closes the popup); its late result is ignored. */
  cancel(): void {
    const handle = this.handle;
    this.handle = undefined;
    handle?.cancel();
  }

  /** "Continue in this tab": the page navigates to the provider and comes back to this URL. */
  redirect(app: AppSummary, connectionId: string): void {
    this.cancel();
    this.options.client()?.startOAuth(app, {
      mode: 'redirect',
      returnUrl: location.href,
      ...(connectionId ? { connectionId } : {}),
    });
  }

  hostDisconnected(): void {
    this.cancel();
  }
}

/** The dialog's next step for a flow's outcome; undefined when there is nothing to show. */
export function interpretOAuthResult(result: OAuthResult): OAuthStepResult | undefined {
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
      return failed(
        result,
        result.error instanceof HttpError ? result.error.problem.code : result.error.code,
      );
  }
}

function failed(result: OAuthResult, code: ConnectErrorCode): OAuthStepResult {
  const error = errorFromOAuthResult(result) ?? new PlugboardError('flow_failed', code);
  return { kind: 'failed', code, error };
}
