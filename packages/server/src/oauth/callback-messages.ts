// Every user-visible string of the OAuth callback page and flow errors, in plain English.
// This is the single place to plug in the shared catalog (`@plugboard/core/messages`) once it
// exists: replace `callbackMessages` with a lookup there, keeping these keys.
import type { OAuthFlowErrorCode } from '@plugboard/contract';

export interface CallbackMessages {
  succeededTitle: string;
  succeededBody: (appName: string) => string;
  failedTitle: string;
  closeWindow: string;
  invalidStateTitle: string;
  flowErrors: Record<OAuthFlowErrorCode, (appName: string) => string>;
}

export const callbackMessages: CallbackMessages = {
  succeededTitle: 'Connected',
  succeededBody: (appName) => `${appName} is connected.`,
  failedTitle: 'Not connected',
  closeWindow: 'You can close this window.',
  invalidStateTitle: 'This sign-in link is no longer valid',
  flowErrors: {
    access_denied: (appName) =>
      `You cancelled the sign-in to ${appName}, so nothing was connected.`,
    provider_error: (appName) => `${appName} reported a problem during sign-in. Please try again.`,
    missing_scopes: (appName) =>
      `Some permissions this connection needs were not granted in ${appName}. Try again and keep them ticked.`,
    duplicate_account: (appName) => `This ${appName} account is already connected.`,
    state_invalid: () =>
      'This sign-in link has expired or was already used. Start again from the app.',
    exchange_failed: (appName) => `We could not finish signing in to ${appName}. Please try again.`,
  },
};
