// Offline in the middle of a flow: the connection drops after the user typed their credentials.
// The dialog says so and keeps the input; back online, Try again connects, once.
import { expect, test } from '../../harness/fault-fixtures.js';
import { credentialsForm, expectFormError, fillIn } from '../../harness/fault-credentials-form.js';

test('offline after typing: a clear offline error that keeps the input, then a retry that connects once', async ({
  page,
  context,
  openFaultPage,
  backendConnections,
}) => {
  await openFaultPage({ elements: ['dialog'] });
  const form = credentialsForm(page);
  await fillIn(form);

  await context.setOffline(true);
  await form.submit.click();
  await expectFormError(form, 'You’re offline');
  expect(await backendConnections()).toEqual([]);

  await context.setOffline(false);
  await form.tryAgain.click();
  await expect(form.connected).toBeVisible();
  const connections = await backendConnections();
  expect(connections).toHaveLength(1);
  expect(connections[0]?.status).toBe('connected');
});
