// POST /v1/connections/{id}/test: the mock service's verdict, recorded on the connection.
import type { Connection, TestResult } from '@plugboard/contract';
import { findApp, type MockContext } from '../context.js';
import { isProviderDown } from '../state/app-health.js';
import { replaceConnection } from '../state/connections.js';
import { clip } from '../text.js';

/** The service's verdict: expired OAuth tokens refresh; other failures stay as they were. */
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
  const refreshes = connection.status === 'expired' && connection.method === 'oauth2';
  if (connection.status === 'connected' || refreshes) {
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
  replaceConnection(ctx, tested, 'test');
  return {
    ok: outcome.ok,
    status: outcome.status,
    message: outcome.message,
    testedAt,
    connection: tested,
  };
}
