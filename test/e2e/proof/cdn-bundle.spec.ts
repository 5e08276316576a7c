// The script-tag bundle served from a CDN: on another origin than the host page, in a versioned
// sub-path, under the host's strict Content-Security-Policy with Trusted Types. The page still
// needs one <script type="module"> tag: the lazy chunks (the picker, the connect dialog, another
// locale's messages, the live channel) come from next to the entry, never from the host page's
// own origin.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCdnServer, type CdnServer } from '../../harness/cdn-server.js';
import { startCspHost, type CspHost } from '../../harness/csp-host.js';
import { strictHostPolicy } from '../../harness/csp-policy.js';
import { recordCspViolations } from '../../harness/csp-violations.js';
import type { ReferenceStack } from '../../harness/fixtures.js';
import { expect, test } from '../../harness/proof-fixtures.js';
import { chooseApp } from '../examples/apps-page.js';

let started: { cdn: CdnServer; host: CspHost } | undefined;
test.afterEach(async () => {
  await Promise.all([started?.cdn.close(), started?.host.close()]);
  started = undefined;
});

/** Serves the bundle from a CDN and test/pages/cdn/ from a host under a strict CSP. */
async function startCdnAndHost(stack: ReferenceStack, endUser: string) {
  const cdn = await startCdnServer();
  const policy = strictHostPolicy(new URL(stack.url).origin, undefined, [cdn.origin]);
  started = {
    cdn,
    host: await startCspHost(stack, endUser, policy, {
      pages: 'cdn',
      placeholders: { CDN_URL: cdn.base },
    }),
  };
  return started;
}

test('the bundle on a CDN path loads its lazy chunks from next to itself, under a strict CSP', async ({
  page,
  stack,
  endUser,
}) => {
  const { cdn, host } = await startCdnAndHost(stack, endUser);
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  const csp = await recordCspViolations(page);
  await page.goto(host.url('index.html'));
  expect(new URL(page.url()).origin).not.toBe(cdn.origin);
  expect(await csp.installed()).toBe(true);

  // The page's own <app-picker lang="es">: a lazy element in a lazy locale.
  await expect(page.getByRole('combobox', { name: 'Buscar apps' })).toBeVisible();
  const dialog = await chooseApp(page, 'pipedrive', 'Pipedrive');
  await expect(dialog.getByLabel('API token', { exact: true })).toBeVisible();

  expect(scripts.filter((url) => !url.startsWith(cdn.base))).toEqual([]);
  const fromCdn = scripts.map((url) => url.slice(cdn.base.length));
  for (const file of [
    /^plugboard\.js$/,
    /^chunks\/app-picker-/,
    /^chunks\/connect-dialog-/,
    /^chunks\/es-/,
    /^chunks\/live-channel-/,
  ]) {
    expect(
      fromCdn.some((path) => file.test(path)),
      `${file} from the CDN: ${fromCdn.join(', ')}`,
    ).toBe(true);
  }
  expect(await csp.violations()).toEqual([]);
  expect(csp.consoleErrors).toEqual([]);
});

const CHUNKS = join(import.meta.dirname, '../../../packages/elements/dist/chunks');

/** The chunks a built chunk imports statically (`from"./x.js"`), by file name. */
function staticImportsOf(chunk: string): string[] {
  const code = readFileSync(join(CHUNKS, chunk), 'utf8');
  return [...code.matchAll(/\bfrom\s*["'`]\.\/([\w.-]+\.js)["'`]/g)].map((match) => match[1]!);
}

test('a lazy chunk and the chunks it imports are fetched together, in one round trip', async ({
  page,
  stack,
  endUser,
}) => {
  const { cdn, host } = await startCdnAndHost(stack, endUser);
  const dialogChunk = readdirSync(CHUNKS).find((name) => /^connect-dialog-[\w-]+\.js$/.test(name))!;
  const imports = staticImportsOf(dialogChunk);
  expect(imports.length, 'the dialog chunk imports other chunks').toBeGreaterThan(0);
  // The page loads the dialog's chunk in idle time; it answers a second late, so whatever is
  // requested before it arrives was asked for together with it, not after reading it.
  const requestedBeforeDialog: string[] = [];
  let dialogArrived = false;
  page.on('request', (request) => {
    if (!dialogArrived) requestedBeforeDialog.push(request.url().split('/').pop()!);
  });
  await page.route(`${cdn.base}chunks/${dialogChunk}`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    dialogArrived = true;
    await route.continue();
  });
  await page.goto(host.url('index.html'));
  await page.waitForFunction(() => customElements.get('connect-dialog') !== undefined);
  expect(requestedBeforeDialog).toContain(dialogChunk);
  for (const imported of imports) expect(requestedBeforeDialog).toContain(imported);
});
