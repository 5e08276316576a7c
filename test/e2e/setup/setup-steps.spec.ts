// Issue 16's proof, end to end against the real reference server and demo provider (the script-tag
// example's Apps page): a Slack-like and a Pipedrive-like demo app connected through sign-in →
// pick from the service's live list → verify → success, their settings changed later from the
// card's "Settings" without signing in again; two accounts of one app connected and renamed.
import { connectionsOf } from '../../harness/backend-lookups.js';
import { expect, test } from '../../harness/examples-fixtures.js';
import {
  chooseApp,
  connectionCard,
  deliverFirstWebhookEvent,
  message,
} from '../examples/apps-page.js';
import {
  ACCOUNTS,
  pickOption,
  saveCheckedAndFinish,
  settingsDialog,
  signInToSlack,
} from './setup-page.js';

test('Slack: sign in, choose a channel from the live list, check it, and change it later', async ({
  page,
  stack,
  session,
  openExample,
}) => {
  const { origin } = await openExample('script-tag');
  const minted = await session(origin);

  const dialog = await signInToSlack(page, ACCOUNTS.demo);
  // A channel the demo account is not a member of: the check fails and says what to do.
  await pickOption(dialog, 'Channel to post in', '#random');
  await dialog.getByRole('button', { name: 'Save and continue' }).click();
  await expect(dialog.getByText('Check failed:')).toBeAttached();
  await expect(
    message(dialog, 'You are not a member of #random, so nothing can be posted there.'),
  ).toBeVisible();
  await expect(
    message(dialog, 'Join #random in your workspace, or choose a channel you are in'),
  ).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Check again' })).toBeVisible();

  // The list is long (126 channels): typing searches it. A channel the account is in passes.
  await pickOption(dialog, 'Channel to post in', '#sales');
  await dialog.getByLabel('Post follow-ups as thread replies').uncheck();
  await dialog.getByRole('button', { name: 'Save and continue' }).click();
  await expect(message(dialog, 'You are a member of #sales.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Slack is connected' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();

  const card = connectionCard(page, 'Slack');
  await expect(card.getByRole('definition')).toContainText(['#sales']);
  const [saved] = await connectionsOf(stack, minted, origin, 'slack');
  expect(saved?.settings).toMatchObject({
    channel: { value: 'C0SALES', label: '#sales' },
    threadReplies: false,
  });

  // Later, from the card: Settings opens the choices alone (no sign-in), filled in.
  await card.getByRole('button', { name: 'Change Slack settings' }).click();
  const settings = settingsDialog(page, 'Slack');
  await expect(settings.getByRole('combobox', { name: 'Channel to post in' })).toHaveValue(
    '#sales',
  );
  await expect(settings.getByRole('button', { name: 'Continue with Slack' })).toHaveCount(0);
  await pickOption(settings, 'Channel to post in', '#marketing');
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(message(settings, 'You are a member of #marketing.')).toBeVisible();
  await expect(message(settings, 'Your Slack settings are saved.')).toBeVisible();
  await settings.getByRole('button', { name: 'Done' }).click();
  await expect(settings).toBeHidden();

  await expect(card.getByRole('definition')).toContainText(['#marketing']);
  const [changed] = await connectionsOf(stack, minted, origin, 'slack');
  expect(changed).toMatchObject({
    id: saved!.id,
    settings: { channel: { value: 'C0MARKETING', label: '#marketing' }, threadReplies: false },
  });
});

test('Pipedrive: API token, a pipeline and stages from the live lists, a checked webhook, and a new pipeline later', async ({
  page,
  stack,
  session,
  openExample,
}) => {
  const { origin } = await openExample('script-tag');
  const minted = await session(origin);

  const dialog = await chooseApp(page, 'pipedrive', 'Pipedrive');
  await dialog.getByLabel('Company domain').fill('acme');
  await dialog.getByLabel('API token', { exact: true }).fill(ACCOUNTS.demo.apiKey);
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();

  // The choices, from the demo account's own pipelines and stages.
  await expect(dialog.getByRole('heading', { name: 'Set up Pipedrive' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Save and continue' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Pipeline for new deals' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await pickOption(dialog, 'Pipeline for new deals', 'Partnerships');
  await pickOption(dialog, 'Stages that send you an update', 'Partnerships › Won');
  await dialog.getByRole('textbox', { name: 'Prefix for deal titles' }).fill('Web:');
  await dialog.getByRole('button', { name: 'Save and continue' }).click();

  // The webhook step, checked: no event yet, then one arrives and the check passes.
  await expect(
    dialog.getByRole('heading', { name: 'Finish the setup in Pipedrive' }),
  ).toBeVisible();
  const check = dialog.getByRole('button', { name: 'Check that a test event arrived' });
  await check.click();
  await expect(dialog.getByText('Check failed:')).toBeAttached();
  const webhookUrl = await dialog.getByLabel('Webhook URL').inputValue();
  await deliverFirstWebhookEvent(dialog, webhookUrl);
  await check.click();
  await expect(dialog.getByText('Check passed:')).toBeAttached();
  await dialog.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Pipedrive is connected' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();

  const [saved] = await connectionsOf(stack, minted, origin, 'pipedrive');
  expect(saved?.settings).toEqual({
    pipeline: { value: '2', label: 'Partnerships' },
    stages: [{ value: '25', label: 'Partnerships › Won' }],
    dealPrefix: 'Web:',
  });

  // Later: another pipeline, from the card, without the token again.
  const card = connectionCard(page, 'Pipedrive');
  await card.getByRole('button', { name: 'Change Pipedrive settings' }).click();
  const settings = settingsDialog(page, 'Pipedrive');
  await expect(settings.getByLabel('API token', { exact: true })).toHaveCount(0);
  await pickOption(settings, 'Pipeline for new deals', 'Renewals');
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(message(settings, 'Your Pipedrive settings are saved.')).toBeVisible();
  await settings.getByRole('button', { name: 'Done' }).click();

  await expect(card.getByRole('definition').first()).toHaveText('Renewals');
  const [changed] = await connectionsOf(stack, minted, origin, 'pipedrive');
  expect(changed).toMatchObject({
    id: saved!.id,
    settings: { pipeline: { value: '3', label: 'Renewals' }, dealPrefix: 'Web:' },
  });
});

test('two Slack accounts, connected one after the other, both show and one is renamed', async ({
  page,
  stack,
  session,
  openExample,
}) => {
  const { origin } = await openExample('script-tag');
  const minted = await session(origin);

  const first = await signInToSlack(page, ACCOUNTS.demo);
  await pickOption(first, 'Channel to post in', '#general');
  await saveCheckedAndFinish(first, 'Slack');

  // The provider remembers this browser's sign-in: "Use another account" signs in as Alex, whose
  // workspace lists other channels.
  const second = await signInToSlack(page, ACCOUNTS.alex);
  await pickOption(second, 'Channel to post in', '#partnerships');
  await saveCheckedAndFinish(second, 'Slack');

  const cards = connectionCard(page, 'Slack');
  await expect(cards).toHaveCount(2);
  await expect(cards.filter({ hasText: ACCOUNTS.demo.email })).toHaveCount(1);
  const alex = cards.filter({ hasText: ACCOUNTS.alex.email });
  await expect(alex.getByRole('definition').first()).toHaveText('#partnerships');

  await alex.getByRole('button', { name: 'Rename this Slack connection' }).click();
  const name = page.getByRole('textbox', { name: 'Connection name' });
  await expect(name).toHaveValue(new RegExp(ACCOUNTS.alex.email));
  await name.fill('Rivera & Co');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Renamed to Rivera & Co.' }),
  ).toBeAttached();
  await expect(cards.filter({ hasText: 'Rivera & Co' })).toHaveCount(1);

  const connections = await connectionsOf(stack, minted, origin, 'slack');
  expect(connections.map((connection) => connection.label).sort()).toEqual(
    [expect.stringContaining(ACCOUNTS.demo.email), 'Rivera & Co'].sort(),
  );
});
