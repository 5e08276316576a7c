// POST /v1/connections/{id}/test: the mock service's verdict, recorded on the connection.
import type { Connection, TestResult } from '@plugboard/contract';
import { findApp, type MockContext } from '../context.js';
import { isProviderDown } from '../state/app-health.js';
import { replaceConnection } from '../state/connections.js';
import { clip } from '../text.js';

/**
 * The service's verdict: expired OAuth tokens refresh, a connection that failed during an outage
 * works once the provider is back; other failures stay as they were.
 */
function testOutcome(ctx: MockContext, requestId: string, connection: Connection) {
  const app = findApp(ctx, connection.app);
  const appName = app?.name ?? connection.app;
  if (app && isProviderDown(app)) {
    const message = clip(`${appName} is not responding. Try again later.`, 2000);
    return {
      ok: false,
      status: 'error' as const,
      message,
      lastError: { code: 'provider_unavailable', message, requestId },
    };
  }
  if (ctx.state.scenario === 'test-fails') return refusal(appName, connection, requestId);
  const refreshes = connection.status === 'expired' && connection.method === 'oauth2';
  // Failed only because the provider was down: its credentials work again once it is back.
  const outageOver = connection.lastError?.code === 'provider_unavailable';
  if (connection.status === 'connected' || refreshes || outageOver) {
    return {
      ok: true,
      status: 'connected' as const,
      message: clip(`Connected as ${connection.label}`, 2000),
      lastError: null,
    };
  }
  const message =
    connection.lastError?.message ?? 'The service did not accept the stored credentials.';
  return {
    ok: false,
    status: connection.status,
    message: clip(message, 2000),
    lastError: { code: connection.lastError?.code ?? 'credentials_rejected', message, requestId },
  };
}

/** The `test-fails` scenario: the service refuses what it accepted when the connection was made. */
function refusal(appName: string, connection: Connection, requestId: string) {
  const signIn = connection.method === 'oauth2';
  const message = clip(
    signIn
      ? `${appName} no longer accepts this sign-in. Update the connection to sign in again.`
      : `${appName} no longer accepts these credentials. Update them to reconnect.`,
    2000,
  );
  return {
    ok: false,
    status: signIn ? ('needs_reauth' as const) : ('error' as const),
    message,
    lastError: { code: signIn ? 'needs_reauth' : 'credentials_rejected', message, requestId },
  };
}

export function testAnswer(
  ctx: MockContext,
  requestId: string,
  connection: Connection,
): TestResult {
  const testedAt = new Date().toISOString();
  const outcome = testOutcome(ctx, requestId, connection);
  const tested: Connection = {
    ...connection,
    status: outcome.status,
    lastError: outcome.lastError,
    lastTestedAt: testedAt,
    updatedAt: testedAt,
  };
  replaceConnection(ctx, tested);
  return {
    ok: outcome.ok,
    status: outcome.status,
    message: outcome.message,
    testedAt,
    connection: tested,
  };
}
