import { html, type TemplateResult } from 'lit';
import type { Connection } from '@plugboard/contract';
import type { MessageKey } from '@plugboard/core/messages';
import type { Translate } from './client-controller.js';
import { problemView } from './error-view.js';

/** The one thing that helps after a failed Test: test again later, or sign in / enter details again. */
export type TestRemedy = 'retest' | 'reauthorize';

/** Failure codes that mean the stored sign-in no longer works (backends and the mocks use these). */
const SIGN_IN_CODES = new Set(['needs_reauth', 'refresh_failed', 'token_expired']);

/**
 * Why a Test did not pass, from what the backend recorded on the connection (`lastError.code`,
 * `status`), and what to do about it.
 */
function explainTestFailure(connection: Connection): {
  cause: MessageKey;
  remedy: TestRemedy;
} {
  const code = connection.lastError?.code ?? '';
  if (code === 'provider_unavailable')
    return { cause: 'error.providerUnavailable.cause', remedy: 'retest' };
  if (code === 'provider_error') return { cause: 'error.testProvider.cause', remedy: 'retest' };
  const signIn =
    SIGN_IN_CODES.has(code) ||
    connection.status === 'needs_reauth' ||
    connection.status === 'expired' ||
    (code === 'credentials_rejected' && connection.method === 'oauth2');
  if (signIn) return { cause: 'error.testSignIn.cause', remedy: 'reauthorize' };
  if (code === 'credentials_rejected')
    return { cause: 'error.testRejected.cause', remedy: 'reauthorize' };
  return { cause: 'error.unknown.cause', remedy: 'retest' };
}

export interface TestFailureViewOptions {
  /** What happened, in the element's words ("Test failed"). */
  title: string;
  /** The service's own words for the outcome (TestResult.message). */
  message: string;
  onRetest: () => void;
  /** Sign in or enter the details again (Update); the action for a rejected sign-in or key. */
  onReauthorize: () => void;
}

/**
 * A failed Test the way every error is shown: what happened (with the service's words), the likely
 * cause, the one action that helps, and the reference the backend recorded with the failure.
 */
export function testFailureView(
  connection: Connection,
  t: Translate,
  opts: TestFailureViewOptions,
): TemplateResult {
  const { cause, remedy } = explainTestFailure(connection);
  const action =
    remedy === 'retest'
      ? { label: t('dialog.testAgain'), onClick: opts.onRetest }
      : {
          label: t(connection.method === 'oauth2' ? 'error.signInAgain' : 'error.enterNewDetails'),
          onClick: opts.onReauthorize,
        };
  const lastError = connection.lastError;
  return problemView(
    {
      title: opts.title,
      serviceMessage: opts.message,
      cause: t(cause),
      action,
      requestId: lastError?.requestId,
      details: [
        [t('error.detailsCode'), html`<code>${lastError?.code ?? connection.status}</code>`],
        [t('error.detailsMessage'), lastError?.message ?? opts.message],
      ],
    },
    t,
  );
}
