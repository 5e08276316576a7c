// The code behind a card's buttons arrives as lazy chunks: Rename, Disconnect and Details in one
// (card-actions), Update and Settings in the connect dialog's. When they cannot be fetched (the
// network dropped after the page loaded), the click says so on the card and offers Try again,
// which works once they can be fetched. Driven on the script-tag example, as shipped (dist/).
import { expect, test } from '../../harness/examples-fixtures.js';
import { connectPipedrive } from '../setup/setup-page.js';
import { chooseApp, connectionCard, message } from './apps-page.js';

const APP = { key: 'pipedrive', name: 'Pipedrive' };
const CHUNKS = /\/chunks\/(card-actions|connect-dialog)-[^/]+\.js$/;

test('a card button whose code cannot be fetched says so, and Try again works once it can', async ({
  page,
  openExample,
}) => {
  await openExample('script-tag');
  await connectPipedrive(await chooseApp(page, APP.key, APP.name));
  await expect(connectionCard(page, APP.name)).toBeVisible();

  // A fresh page whose chunk requests fail, as when the network drops after it loaded.
  let blocked = true;
  await page.route(CHUNKS, (route) =>
    blocked ? route.abort('internetdisconnected') : route.fallback(),
  );
  await page.reload();
  const card = connectionCard(page, APP.name);
  const rename = card.getByRole('button', { name: `Rename this ${APP.name} connection` });
  await rename.click();
  const failure = card.getByRole('alert');
  await expect(message(failure, 'Can’t reach the server')).toBeVisible();
  await expect(card.getByLabel('Connection name')).toHaveCount(0);
  await card.getByRole('button', { name: `Update ${APP.name} connection` }).click();
  await expect(message(card.getByRole('alert'), 'Can’t reach the server')).toBeVisible();

  blocked = false;
  await card.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('dialog', { name: new RegExp(APP.name) })).toBeVisible();
  await page.keyboard.press('Escape');
  await rename.click();
  await expect(card.getByLabel('Connection name')).toBeFocused();
  await expect(card.getByRole('alert')).toHaveCount(0);
});
