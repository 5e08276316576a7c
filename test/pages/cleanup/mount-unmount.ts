// Mounts each element, brings it to a busy state (catalog listed, dialog open, OAuth popup awaited,
// error popover open, connections listed) and removes it, as many times as the test asks. The
// backend is the real reference stack; the end user gets two API-key connections first.
import type { Connection } from '@plugboard/contract';
import { configure, getClient } from '@plugboard/core';
import '@plugboard/elements/define/all';
import { harnessClientOptions } from '../harness-client.js';
import { CLEANUP_PAGE_KEY, type CleanupPageApi, type CleanupScenario } from './scenarios.js';

const DEMO_KEY = 'demo-key-123';
const CONNECTED_APPS = ['stripe', 'sendgrid'];

const status = document.querySelector<HTMLElement>('#status')!;
const stage = document.querySelector<HTMLElement>('#stage')!;

/** Polls until `condition` holds; the timer it uses has always fired by the time it resolves. */
async function until(condition: () => unknown, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`<${element.localName}> has no shadow root.`);
  return element.shadowRoot;
}

function buttonNamed(element: Element, name: string): HTMLButtonElement | undefined {
  return Array.from(shadow(element).querySelectorAll('button')).find(
    (button) => button.textContent?.trim() === name,
  );
}

/** What core needs from window.open's result: a window that can be focused, redirected, closed. */
function fakePopup() {
  return {
    closed: false,
    close() {
      this.closed = true;
    },
    focus() {},
    location: { replace() {} },
  };
}

function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  setUp: (element: HTMLElementTagNameMap[K]) => void = () => {},
) {
  const element = document.createElement(tag);
  setUp(element);
  stage.append(element);
  return element;
}

/** A connection in error that no store knows, so the element shows exactly this copy. */
function connectionInError(base: Connection): Connection {
  const threeMinutesAgo = new Date(Date.now() - 3 * 60_000).toISOString();
  return {
    ...base,
    id: 'con_cleanup_static',
    status: 'error',
    lastTestedAt: threeMinutesAgo,
    lastError: { code: 'credentials_rejected', message: 'The API key was revoked.' },
  };
}

async function setUp(): Promise<CleanupPageApi> {
  configure(await harnessClientOptions());
  const client = getClient();
  await client.catalog.load();
  const connections: Connection[] = [];
  for (const app of CONNECTED_APPS)
    connections.push(
      await client.connections.create({ app, method: 'api_key', fields: { apiKey: DEMO_KEY } }),
    );
  const staticConnection = connectionInError(connections[0]!);
  // The OAuth scenario's popups: stand-ins that only count as open until core closes them.
  window.open = (() => fakePopup()) as unknown as typeof window.open;

  const runs: Record<CleanupScenario, () => Promise<void>> = {
    async 'app-picker'() {
      const picker = mount('app-picker');
      await until(() => shadow(picker).querySelector('[role="option"]'), 'the app options');
      picker.remove();
    },
    async 'connect-dialog'() {
      const dialog = mount('connect-dialog', (element) => (element.appKey = 'stripe'));
      dialog.show();
      await until(() => shadow(dialog).querySelector('form input'), 'the credential form');
      dialog.remove();
    },
    async 'connect-dialog-oauth'() {
      const dialog = mount('connect-dialog', (element) => (element.appKey = 'salesforce'));
      dialog.show();
      await until(() => buttonNamed(dialog, 'Continue with Salesforce'), 'the OAuth button');
      let waiting = false;
      const stop = client.events.on('view_changed', (event) => {
        if (event.detail.view === 'oauth-waiting') waiting = true;
      });
      buttonNamed(dialog, 'Continue with Salesforce')!.click();
      // The flow itself says it waits on the popup (the waiting view's text is checked by the
      // component tests; here it is the removal of a running flow that is measured).
      await until(() => waiting, 'the OAuth flow waiting on its popup').finally(stop);
      dialog.remove();
    },
    async 'connection-status'() {
      const card = mount('connection-status', (element) => (element.connection = staticConnection));
      await until(() => shadow(card).querySelector('.details-toggle'), 'the error details toggle');
      shadow(card).querySelector<HTMLButtonElement>('.details-toggle')!.click();
      await until(() => shadow(card).querySelector('.popover:popover-open'), 'the error popover');
      card.remove();
    },
    async 'app-connections'() {
      const list = mount('app-connections');
      await until(
        () => shadow(list).querySelectorAll('connection-status').length === CONNECTED_APPS.length,
        'the connection rows',
      );
      list.remove();
    },
  };

  return {
    async cycle(scenario, times) {
      for (let run = 0; run < times; run += 1) await runs[scenario]();
    },
  };
}

try {
  Object.defineProperty(window, CLEANUP_PAGE_KEY, { value: await setUp() });
  status.textContent = 'ready';
} catch (error) {
  status.textContent = `setup failed: ${error instanceof Error ? error.message : String(error)}`;
}
