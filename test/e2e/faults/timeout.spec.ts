// A backend that never answers: the client gives up after its timeout (shortened here through the
// `timeoutMs` option) with a typed timeout message, the input stays, and Try again sends the
// same logical create (same Idempotency-Key), which connects once.
import { expect, test } from '../../harness/fault-fixtures.js';
import { credentialsForm, expectFormError, fillIn } from '../../harness/fault-credentials-form.js';
import { expectOneIdempotencyKey, interceptBackend } from '../../harness/fault-network.js';

const TIMEOUT_MS = 1500;

test('a create that gets no answer times out with a typed message and keeps the input', async ({
  page,
  stack,
  openFaultPage,
  backendConnections,
}) => {
  let answering = false;
  const creates = await interceptBackend(
    page,
    stack.url,
    { method: 'POST', path: /^\/v1\/connections$/ },
    // Until `answering`, the request hangs: the client's timeout aborts it, never the server.
    async (route) => {
      if (answering) await route.fallback();
    },
  );
  await openFaultPage({ elements: ['dialog'], timeoutMs: TIMEOUT_MS });
  const form = credentialsForm(page);
  await fillIn(form);

  await form.submit.click();
  await expectFormError(form, 'This is taking too long');
  // The message waited for the client's (configured) timeout.
  expect(Date.now() - creates[0]!.at).toBeGreaterThanOrEqual(TIMEOUT_MS);

  answering = true;
  await form.tryAgain.click();
  await expect(form.connected).toBeVisible();
  expect(creates.length).toBeGreaterThanOrEqual(2);
  expectOneIdempotencyKey(creates);
  expect(await backendConnections()).toHaveLength(1);
});
