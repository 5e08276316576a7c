// Each example (plain HTML with the script tag, React, Vue) driven like a person would: against the
// real reference server and demo provider, with the example behind its own host backend. One flow
// for all three, so the examples must behave the same.
import { connectionsOf } from '../../harness/backend-lookups.js';
import { EXAMPLES, expect, test, type ExampleName } from '../../harness/examples-fixtures.js';
import {
  DEMO_API_TOKEN,
  allowAccess,
  chooseApp,
  connectDialog,
  connectionCard,
  deliverFirstWebhookEvent,
  popupFrom,
  signIn,
  testThenUpdate,
} from './apps-page.js';
import { pickOption } from '../setup/setup-page.js';

const API_KEY_APP = { key: 'pipedrive', name: 'Pipedrive', search: 'pipedrive' };
// Google Sheets offers two methods (sign-in, or a service account's key file): sign-in is chosen.
const OAUTH_APP = {
  key: 'google-sheets',
  name: 'Google Sheets',
  search: 'sheets',
  method: 'Sign in with Google',
};

for (const example of EXAMPLES satisfies readonly ExampleName[]) {
  test.describe(`the ${example} example`, () => {
    test('connects an API-key app through its webhook setup step', async ({
      page,
      context,
      openExample,
    }) => {
      const { origin } = await openExample(example);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });

      const dialog = await chooseApp(page, API_KEY_APP.search, API_KEY_APP.name);
      await dialog.getByLabel('Company domain').fill('acme');
      await dialog.getByLabel('API token', { exact: true }).fill(DEMO_API_TOKEN);
      await dialog.getByRole('button', { name: 'Connect', exact: true }).click();

      // The app's choices first: a pipeline from the account's live list.
      await expect(
        dialog.getByRole('heading', { name: `Set up ${API_KEY_APP.name}` }),
      ).toBeVisible();
      await pickOption(dialog, 'Pipeline for new deals', 'Sales pipeline');
      await dialog.getByRole('button', { name: 'Save and continue' }).click();

      // The webhook step: copy the webhook URL into the service, then the service sends an event.
      await expect(
        dialog.getByRole('heading', { name: `Finish the setup in ${API_KEY_APP.name}` }),
      ).toBeVisible();
      const webhookUrl = await dialog.getByLabel('Webhook URL').inputValue();
      expect(webhookUrl).toMatch(/\/v1\/hooks\/[\w-]+$/);
      await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
      // The feedback is shown beside the button and announced through the dialog's live region.
      await expect(dialog.getByRole('status').filter({ hasText: 'Copied' })).toBeAttached();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(webhookUrl);

      await deliverFirstWebhookEvent(dialog, webhookUrl);

      await dialog.getByRole('button', { name: 'Continue', exact: true }).click();
      await expect(
        dialog.getByRole('heading', { name: `${API_KEY_APP.name} is connected` }),
      ).toBeVisible();
      await dialog.getByRole('button', { name: 'Done' }).click();
      await expect(dialog).toBeHidden();

      await expect(connectionCard(page, API_KEY_APP.name)).toBeVisible();
      await expect(page.getByRole('heading', { name: API_KEY_APP.name })).toBeVisible();
    });

    test('connects, tests, updates and disconnects an OAuth app', async ({
      page,
      stack,
      session,
      openExample,
    }) => {
      const { origin } = await openExample(example);
      const minted = await session(origin);

      // Connect through the demo provider's real sign-in and consent pages, in a popup.
      const dialog = await chooseApp(page, OAUTH_APP.search, OAUTH_APP.name);
      await dialog.getByRole('button', { name: OAUTH_APP.method }).click();
      const popup = await popupFrom(
        page,
        dialog.getByRole('button', { name: `Continue with ${OAUTH_APP.name}` }),
      );
      await signIn(popup);
      await allowAccess(popup);
      await expect(
        dialog.getByRole('heading', { name: `${OAUTH_APP.name} is connected` }),
      ).toBeVisible();
      await dialog.getByRole('button', { name: 'Done' }).click();

      await expect(connectionCard(page, OAUTH_APP.name)).toBeVisible();
      const [connected] = await connectionsOf(stack, minted, origin, OAUTH_APP.key);
      expect(connected).toMatchObject({ app: OAUTH_APP.key, status: 'connected' });

      // Test, then Update: re-authorize in the popup; the connection keeps its id.
      const card = await testThenUpdate(page, OAUTH_APP.name);
      const afterUpdate = await connectionsOf(stack, minted, origin, OAUTH_APP.key);
      expect(afterUpdate.map((connection) => connection.id)).toEqual([connected!.id]);

      // Disconnect, after confirming.
      await card.getByRole('button', { name: `Disconnect ${OAUTH_APP.name}` }).click();
      const confirm = card.getByRole('group', { name: `Disconnect ${OAUTH_APP.name}?` });
      await confirm.getByRole('button', { name: 'Disconnect', exact: true }).click();
      await expect(card).toHaveCount(0);
      await expect(
        page.getByRole('status').filter({ hasText: `${OAUTH_APP.name} was disconnected.` }),
      ).toBeAttached();
      expect(await connectionsOf(stack, minted, origin, OAUTH_APP.key)).toEqual([]);
    });

    test('a blocked popup continues in this tab and comes back to a connected app', async ({
      page,
      stack,
      session,
      openExample,
    }) => {
      // A blocker that refuses every popup, as a strict browser setting would.
      await page.addInitScript(() => {
        window.open = () => null;
      });
      const { origin } = await openExample(example);
      const appsPage = page.url();
      const minted = await session(origin);

      const dialog = await chooseApp(page, OAUTH_APP.search, OAUTH_APP.name);
      await dialog.getByRole('button', { name: OAUTH_APP.method }).click();
      await dialog.getByRole('button', { name: `Continue with ${OAUTH_APP.name}` }).click();
      await expect(dialog.getByRole('alert')).toContainText(
        'Your browser blocked the sign-in window.',
      );
      await dialog.getByRole('button', { name: 'Continue in this tab' }).click();

      await page.waitForURL((address) => address.origin === new URL(stack.providerUrl).origin);
      await signIn(page);
      await allowAccess(page);
      await page.waitForURL((address) => address.origin === origin);

      // Back on the Apps page: the dialog picks the flow up, tests it and says so.
      const back = connectDialog(page, `Connect ${OAUTH_APP.name}`);
      await expect(
        back.getByRole('heading', { name: `${OAUTH_APP.name} is connected` }),
      ).toBeVisible();
      expect(page.url(), 'the flow id is gone from the address').toBe(appsPage);
      await back.getByRole('button', { name: 'Done' }).click();
      await expect(connectionCard(page, OAUTH_APP.name)).toBeVisible();
      const connections = await connectionsOf(stack, minted, origin, OAUTH_APP.key);
      expect(connections).toHaveLength(1);
    });
  });
}
