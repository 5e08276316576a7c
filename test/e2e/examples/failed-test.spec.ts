// A Test that fails against the real reference server: the card says what happened, why and what
// to do, and shows the reference the server recorded with the failure (lastError.requestId), which
// "Copy reference" copies; once the service is back, "Test again" passes. Driven on the script-tag
// example (the elements are the same in every example).
import { connectionsOf } from '../../harness/backend-lookups.js';
import { expect, test } from '../../harness/examples-fixtures.js';
import type { ReferenceStack } from '../../harness/fixtures.js';
import { connectPipedrive } from '../setup/setup-page.js';
import { chooseApp, connectionCard, message } from './apps-page.js';

const APP = { key: 'pipedrive', name: 'Pipedrive', search: 'pipedrive' };

/** The host backend's admin call that switches a provider's health (secret key, no Origin). */
async function setHealth(stack: ReferenceStack, status: 'down' | 'operational'): Promise<void> {
  const response = await fetch(new URL(`/v1/admin/apps/${APP.key}/health`, stack.url), {
    method: 'PUT',
    headers: { authorization: `Bearer ${stack.secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ status }),
  });
  expect(response.status).toBe(200);
}

test('a failed Test shows cause → action and the reference the server recorded', async ({
  page,
  context,
  stack,
  session,
  openExample,
}) => {
  const { origin } = await openExample('script-tag');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await connectPipedrive(await chooseApp(page, APP.search, APP.name));
  const card = connectionCard(page, APP.name);
  await expect(card).toBeVisible();

  await setHealth(stack, 'down');
  try {
    await card.getByRole('button', { name: `Test ${APP.name} connection` }).click();
    const failure = card.getByRole('alert');
    await expect(message(failure, 'Test failed')).toBeVisible();
    await expect(
      message(failure, 'It may be down or under maintenance. Try again later.'),
    ).toBeVisible();

    const [failed] = await connectionsOf(stack, await session(origin), origin, APP.key);
    const reference = failed?.lastError?.requestId ?? '';
    expect(reference).toMatch(/^req_/);
    await expect(failure).toContainText(`Reference: ${reference}`);
    await failure.getByRole('button', { name: 'Copy reference' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(reference);
  } finally {
    await setHealth(stack, 'operational');
  }

  await card.getByRole('button', { name: 'Test again' }).click();
  await expect(message(card, 'Test passed')).toBeVisible();
  const [passed] = await connectionsOf(stack, await session(origin), origin, APP.key);
  expect(passed?.lastError).toBeNull();
});
