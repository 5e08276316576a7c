// A hostile backend cannot run script, create markup, links or styles, reach another host, or
// break the layout through the elements. Every string the backend sends is one of the mocks'
// `hostilePayloads` (markup with script and handlers, javascript:/data: URLs in mixed case, CSS
// url() injection, 10,000-character strings, bidi overrides, null bytes): app name, description,
// aliases, categories, logo and help URLs, health message, method label/help/help URL, field
// labels/help/placeholder/format hint/options, scope descriptions, setup step title, instructions
// and help URL, connection label, lastError message and request id, webhook URL. Every card, every
// error popover, the picker's whole list and every app's connect dialog are walked. A control page
// that renders the same payloads unsafely proves each check reports what it guards against.
import type { BrowserContext, Page } from '@playwright/test';
import { hostilePayloads } from '@plugboard/mocks';
import { expect, test } from '../../harness/fixtures.js';
import type { PageServer } from '../../harness/page-server.js';
import { serveHostileBackend } from '../../harness/hostile-backend.js';
import {
  NO_FINDINGS,
  blockOutboundRequests,
  inspectPage,
  installScriptTraps,
  type HostileFindings,
} from '../../harness/hostile-checks.js';
import { openWalkedDialog, scrollThrough } from '../../harness/hostile-walk.js';

/** The hostile catalog's app for payload i (see @plugboard/mocks' hostile-catalog). */
const appKeyOf = (index: number) => `hostile-${String(index).padStart(2, '0')}`;

/** Logo URLs may be any https: URL by design (img-src https:); only these may leave loopback. */
const HTTPS_PAYLOAD_URLS = new Set(
  hostilePayloads.flatMap((payload) => {
    if (!/^https:/i.test(payload)) return [];
    const url = new URL(payload);
    return [url.href, `${url.protocol}//${url.host}${url.pathname}${url.search}`];
  }),
);

// Trace DOM snapshots and screencast frames of pages full of 10,000-character strings take most of
// each action's time; the trace keeps the action log.
test.use({
  viewport: { width: 1024, height: 768 },
  trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false },
});

/**
 * Watches a page fed by the hostile backend: script traps, requests leaving loopback, and the
 * findings of each checkpoint, each labelled with the first place it was seen. `nothingFound()`
 * asserts the whole promise at the end of a walk.
 */
async function watchHostilePage(page: Page, context: BrowserContext, pageServer: PageServer) {
  const dialogs = await installScriptTraps(page);
  const outbound = await blockOutboundRequests(context);
  const backend = await serveHostileBackend(page, `${pageServer.origin}/mock-api`);
  const all: HostileFindings = { ran: [], markup: [], links: [], styles: [], layout: [] };
  const seen = new Set<string>();
  return {
    backend,
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
    nothingFound() {
      expect(all).toEqual(NO_FINDINGS);
      expect(dialogs).toEqual([]);
      const leaving = outbound.filter((request) => {
        const [type, url] = request.split(' ');
        return !(type === 'image' && HTTPS_PAYLOAD_URLS.has(url!));
      });
      expect(leaving).toEqual([]);
    },
  };
}

test('the connections list, every error popover and the picker render hostile strings as inert text', async ({
  page,
  context,
  pageServer,
}) => {
  test.setTimeout(45_000);
  const watch = await watchHostilePage(page, context, pageServer);
  await page.goto(pageServer.url('hostile/index.html'));
  // One card per payload, each labelled with it and failing with it.
  await expect(page.locator('connection-status')).toHaveCount(hostilePayloads.length);
  await scrollThrough(page.locator('html'), () => watch.checkpoint('connections list'));

  // Every card's error popover (the lastError message and request id), opened and closed with the
  // keyboard: Enter on Details, Escape back to it.
  const details = page.getByRole('button', { name: 'Details', exact: true });
  await expect(details).toHaveCount(hostilePayloads.length);
  for (let index = 0; index < hostilePayloads.length; index += 1) {
    await details.nth(index).press('Enter');
    await expect(details.nth(index)).toHaveAttribute('aria-expanded', 'true');
    await watch.checkpoint(`error popover ${index}`);
    await page.keyboard.press('Escape');
  }
  await expect(page.getByRole('button', { expanded: true })).toHaveCount(0);

  // The picker's whole list, scrolled through (its rows are recycled as it scrolls).
  await page.getByRole('button', { name: 'Add a connection' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose an app to connect' });
  const listbox = picker.getByRole('listbox', { name: 'Apps' });
  await expect(listbox.getByRole('option').first()).toBeVisible();
  const stops = await scrollThrough(listbox, () => watch.checkpoint('picker'));
  expect(stops).toBeGreaterThan(3);

  watch.nothingFound();
});

test('the connect dialog of every hostile app renders its strings as inert text and connects it once', async ({
  page,
  context,
  pageServer,
}) => {
  test.setTimeout(120_000);
  const watch = await watchHostilePage(page, context, pageServer);
  await page.goto(pageServer.url('hostile/dialog.html'));
  // One opening per app: the method choice, the OAuth notice with the scope descriptions, back to
  // the API-key form, its setup choices, then its webhook setup step. Buttons are pressed with the keyboard.
  for (const [index, payload] of hostilePayloads.entries()) {
    const app = `app ${index}`;
    const dialog = await openWalkedDialog(page, appKeyOf(index));
    const methods = dialog.getByRole('listitem');
    await expect(
      dialog.getByRole('heading', { name: 'How do you want to connect?' }),
    ).toBeVisible();
    await watch.checkpoint(`${app} method choice`);
    await methods.nth(1).getByRole('button').press('Enter');
    await expect(dialog.getByRole('button', { name: /^Continue with/ })).toBeVisible();
    await watch.checkpoint(`${app} OAuth notice`);
    await dialog.getByRole('button', { name: 'Back', exact: true }).press('Enter');
    await methods.nth(0).getByRole('button').press('Enter');
    const key = dialog.locator('input[type="password"]');
    await key.fill('demo-key-123');
    await watch.checkpoint(`${app} credential form`);
    await key.press('Enter');
    // The app's setup choice first (a select with hostile title, help, placeholder and check), then on.
    const save = dialog.getByRole('button', { name: 'Save and continue' });
    await expect(save).toBeVisible();
    await watch.checkpoint(`${app} setup choices`);
    await save.press('Enter');
    // Nothing was chosen, so the step's check fails and says so; the user goes on anyway.
    const continueAnyway = dialog.getByRole('button', { name: 'Continue anyway' });
    await expect(continueAnyway).toBeVisible();
    await watch.checkpoint(`${app} failed setup check`);
    await continueAnyway.press('Enter');
    // The webhook URL shown is this app's hostile one (serveHostileBackend rewrote it), as text
    // (a text input drops line breaks from its value).
    await expect(dialog.getByLabel('Webhook URL')).toHaveValue(payload.replace(/[\r\n]/g, ''));
    await watch.checkpoint(`${app} setup step`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
  // The backend holds one new connection per app, each for the app its dialog was opened for
  // (a create for the wrong app would have met that app's own walk as a 409 duplicate_account).
  const created = watch.backend.store.connections.filter(
    (connection) => !connection.id.startsWith('con_hostile'),
  );
  expect(created.map((connection) => connection.app)).toEqual(
    hostilePayloads.map((_, index) => appKeyOf(index)),
  );

  watch.nothingFound();
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
