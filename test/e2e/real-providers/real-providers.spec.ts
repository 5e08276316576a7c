// Real provider definitions through the widget, in Chromium, against doubles of the services on
// their real host names: the server reaches them through an HTTPS proxy with a throwaway CA, the
// browser through --host-resolver-rules (and --ignore-certificate-errors for that CA). Three
// definitions: Airtable (OAuth with PKCE), Slack (OAuth without PKCE) and Zendesk (an API token on
// a URL built from the subdomain the user types).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request } from '@playwright/test';
import { startReferenceStack } from '@plugboard/server';
import { createOutboundFetch } from '../../../packages/server/src/providers/outbound-fetch.js';
import {
  startDoublesServer,
  type DoublesServer,
} from '../../../packages/server/src/test-support/doubles/doubles-server.js';
import type { DoubledService } from '../../../packages/server/src/test-support/doubles/scenario.js';
import { airtableService } from '../../../packages/server/src/test-support/doubles/services/airtable.js';
import { slackService } from '../../../packages/server/src/test-support/doubles/services/slack.js';
import { zendeskService } from '../../../packages/server/src/test-support/doubles/services/zendesk.js';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../harness/chromium.mjs';
import { test as base, expect } from '../../harness/fixtures.js';
import {
  allowAccess,
  chooseApp,
  connectionCard,
  message,
  popupFrom,
} from '../examples/apps-page.js';
import { pickOption } from '../setup/setup-page.js';

interface Doubles {
  server: DoublesServer;
  slack: DoubledService;
  airtable: DoubledService;
  zendesk: DoubledService;
}

const test = base.extend<object, { doubles: Doubles }>({
  doubles: [
    // Playwright reads a fixture's dependencies from its first parameter; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const services = {
        slack: slackService(),
        airtable: airtableService(),
        zendesk: zendeskService(),
      };
      const server = await startDoublesServer(
        Object.values(services).map((service) => service.double),
      );
      await use({ server, ...services });
      await server.close();
    },
    { scope: 'worker' },
  ],
  // The reference server with a providers file for the three apps and its outbound calls through
  // the doubles' proxy.
  stack: [
    async ({ doubles }, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'pb-e2e-providers-'));
      const providersFile = join(dir, 'providers.json');
      const entries = [doubles.slack, doubles.airtable, doubles.zendesk].map((service) => [
        service.scenarios[0]!.app,
        service.scenarios[0]!.host,
      ]);
      writeFileSync(providersFile, JSON.stringify(Object.fromEntries(entries)));
      const stack = await startReferenceStack({
        port: 0,
        dbPath: ':memory:',
        quiet: true,
        providersFile,
        outboundFetch: createOutboundFetch(doubles.server.dispatcher()),
      });
      try {
        await use(stack);
      } finally {
        await stack.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
  // Chromium resolves the services' host names to the doubles' TLS port.
  browser: [
    async ({ playwright, doubles }, use) => {
      const rules = doubles.server.hosts
        .map((host) => `MAP ${host} 127.0.0.1:${doubles.server.httpsPort}`)
        .join(', ');
      const browser = await playwright.chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: [...CHROMIUM_FLAGS, `--host-resolver-rules=${rules}`, '--ignore-certificate-errors'],
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
});

test('connects Airtable (OAuth with PKCE) and Slack (OAuth without) through the widget, tests and disconnects', async ({
  page,
  context,
  pageServer,
  endUser,
  doubles,
}) => {
  const authorizeRequests: URL[] = [];
  context.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (url.searchParams.has('client_id')) authorizeRequests.push(url);
  });
  await page.goto(pageServer.url('real-providers/apps.html', { user: endUser }));

  // Airtable offers a token and OAuth: choose OAuth, allow access on Airtable's page (the double).
  const airtable = await chooseApp(page, 'airtable', 'Airtable');
  await airtable.getByRole('button', { name: 'Sign in with Airtable' }).click();
  const airtablePopup = await popupFrom(
    page,
    airtable.getByRole('button', { name: 'Continue with Airtable' }),
  );
  await expect(airtablePopup.getByRole('heading', { name: 'Airtable' })).toBeVisible();
  expect(new URL(airtablePopup.url()).host).toBe('airtable.com');
  await allowAccess(airtablePopup);
  await expect(airtable.getByRole('heading', { name: 'Airtable is connected' })).toBeVisible();
  await airtable.getByRole('button', { name: 'Done' }).click();
  await expect(connectionCard(page, 'Airtable')).toContainText('jane@acme.com');

  // Slack: OAuth only, no PKCE; the account is named from auth.test (user and team).
  const slack = await chooseApp(page, 'slack', 'Slack');
  const slackPopup = await popupFrom(
    page,
    slack.getByRole('button', { name: 'Continue with Slack' }),
  );
  await expect(slackPopup.getByRole('heading', { name: 'Slack' })).toBeVisible();
  expect(new URL(slackPopup.url()).host).toBe('slack.com');
  await allowAccess(slackPopup);
  // The channel, from conversations.list (two pages, searched), checked for membership.
  await pickOption(slack, 'Channel to post in', '#sales');
  await slack.getByRole('button', { name: 'Save and continue' }).click();
  await expect(slack.getByText('Check passed:')).toBeAttached();
  await slack.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(slack.getByRole('heading', { name: 'Slack is connected' })).toBeVisible();
  await slack.getByRole('button', { name: 'Done' }).click();
  const slackCard = connectionCard(page, 'Slack');
  await expect(slackCard).toContainText('jane (Acme)');

  const airtableAuthorize = authorizeRequests.find((url) => url.host === 'airtable.com');
  expect(airtableAuthorize?.searchParams.get('code_challenge_method')).toBe('S256');
  const slackAuthorize = authorizeRequests.find((url) => url.host === 'slack.com');
  expect(slackAuthorize?.searchParams.get('user_scope')).toBe(
    'channels:read,chat:write,users:read',
  );
  expect(slackAuthorize?.searchParams.has('code_challenge')).toBe(false);

  // Test runs the account check against the service; Disconnect revokes the Slack token there.
  await slackCard.getByRole('button', { name: 'Test Slack connection' }).click();
  await expect(message(slackCard, 'Test passed')).toBeVisible();
  await slackCard.getByRole('button', { name: 'Disconnect Slack' }).click();
  await slackCard
    .getByRole('group', { name: 'Disconnect Slack?' })
    .getByRole('button', { name: 'Disconnect', exact: true })
    .click();
  await expect(slackCard).toHaveCount(0);
  expect(doubles.slack.scenarios[0]!.oauth!.grants.stats.revocations).toBe(1);
});

test('connects Zendesk with an API token on the subdomain the user types, refusing a wrong token first', async ({
  page,
  pageServer,
  endUser,
  doubles,
}) => {
  const { fields } = doubles.zendesk.scenarios[0]!.credentials![0]!;
  await page.goto(pageServer.url('real-providers/apps.html', { user: endUser }));
  const dialog = await chooseApp(page, 'zendesk', 'Zendesk');
  await dialog.getByLabel('Subdomain').fill(String(fields.subdomain));
  await dialog.getByLabel('Agent email').fill(String(fields.email));
  await dialog.getByLabel('API token', { exact: true }).fill('not-the-right-token-at-all');
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(message(dialog, 'Zendesk did not accept this API token.').first()).toBeVisible();

  await dialog.getByLabel('API token', { exact: true }).fill(String(fields.apiToken));
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Zendesk is connected' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(connectionCard(page, 'Zendesk')).toContainText('jane@acme.com');
  expect(doubles.server.log).toContain('GET https://acme.zendesk.com/api/v2/users/me.json');
});
