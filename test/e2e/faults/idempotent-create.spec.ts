// The connection drops after the create reached the server but before its answer reached the
// page. The client sends the create again with the same Idempotency-Key, so the backend answers
// with the connection it already made: exactly one, and the user never sees the failure.
import type { APIResponse } from '@playwright/test';
import { expect, test } from '../../harness/fault-fixtures.js';
import { credentialsForm, fillIn, TYPED } from '../../harness/fault-credentials-form.js';
import { expectOneIdempotencyKey, interceptBackend } from '../../harness/fault-network.js';

test('a create whose answer is lost is retried with the same Idempotency-Key and makes one connection', async ({
  page,
  stack,
  openFaultPage,
  backendConnections,
}) => {
  let lostAnswer: APIResponse | undefined;
  const creates = await interceptBackend(
    page,
    stack.url,
    { method: 'POST', path: /^\/v1\/connections$/ },
    async (route, _call, index) => {
      if (index > 0) return route.fallback();
      // The server does the work; the browser sees the connection reset.
      lostAnswer = await route.fetch();
      await route.abort('connectionreset');
    },
  );
  await openFaultPage({ elements: ['dialog'] });
  const form = credentialsForm(page);
  await fillIn(form);
  await form.submit.click();

  await expect(form.connected).toBeVisible();
  expect(lostAnswer?.status()).toBe(201);
  expect(creates).toHaveLength(2);
  expectOneIdempotencyKey(creates);

  const connections = await backendConnections();
  expect(connections).toHaveLength(1);
  const { id } = (await lostAnswer!.json()) as { id: string };
  expect(connections[0]?.id).toBe(id);
  // What the user typed is what the backend saved: its hint ends like the key.
  expect(connections[0]?.credentialHint).toContain(TYPED.apiKey.slice(-3));
});
