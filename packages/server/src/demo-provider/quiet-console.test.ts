import assert from 'node:assert/strict';
import { it, mock } from 'node:test';

import { completeAuthorization } from '../test-support/drive-login.js';
import { startDemoProvider } from './index.js';
import {
  TEST_CLIENT,
  buildAuthorizeUrl,
  createPkcePair,
  exchangeCode,
  getMe,
} from '../test-support/oauth-test-client.js';

// Its own file, so that this process imports oidc-provider for the first time inside the test:
// the module's import-time notices count too.
it('writes nothing to the console while starting, serving a full flow and closing', async () => {
  const calls = (['log', 'info', 'warn', 'error', 'debug'] as const).map((name) =>
    mock.method(console, name, () => undefined),
  );
  try {
    const provider = await startDemoProvider({ clients: [TEST_CLIENT] });
    const pkce = createPkcePair();
    const redirect = await completeAuthorization(buildAuthorizeUrl(provider, 'openid', pkce));
    const tokens = await exchangeCode(
      provider,
      redirect.searchParams.get('code') ?? '',
      pkce.verifier,
    );
    await getMe(provider, { authorization: `Bearer ${String(tokens.body.access_token)}` });
    await fetch(`${provider.issuer}/interaction/unknown`).then((response) => response.text());
    await provider.close();
  } finally {
    for (const call of calls) call.mock.restore();
  }
  const printed = calls.flatMap((call) => call.mock.calls.map((entry) => entry.arguments));
  assert.deepEqual(printed, []);
});
