import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { getClient, type PlugboardEvent } from '@plugboard/core';
import { DEMO_KEY, type MockBackend } from '@plugboard/mocks';
import '../define/app-connections.js';
import type { AppConnections } from './app-connections.js';
import type { ConnectDialog } from '../connect-dialog/connect-dialog.js';
import type { AppPicker } from '../app-picker/app-picker.js';
import type {
  ConnectCancelEvent,
  ConnectSuccessEvent,
} from '../connect-dialog/connect-dialog.events.js';
import type { RequestAppEvent } from '../app-picker/app-picker.events.js';
import { controlledListbox } from '../test-support/combobox.js';
import { useMockBackend } from '../test-support/mock-backend.js';

function root(el: AppConnections): ShadowRoot {
  return el.shadowRoot!;
}

function rows(el: AppConnections): HTMLElement[] {
  return Array.from(root(el).querySelectorAll<HTMLElement>('li[data-connection-id]'));
}

function buttonNamed(scope: ParentNode, name: string): HTMLButtonElement {
  const found = Array.from(scope.querySelectorAll('button')).find(
    (button) => (button.getAttribute('aria-label') ?? button.textContent ?? '').trim() === name,
  );
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

async function until(condition: () => unknown, message: string): Promise<void> {
  await waitUntil(condition, message, { timeout: 4000, interval: 20 });
}

async function renderPage(backendScenario: Parameters<typeof useMockBackend>[0]) {
  const backend = await useMockBackend(backendScenario);
  const el = await fixture<AppConnections>(html`<app-connections></app-connections>`);
  await until(() => !root(el).querySelector('.state[role="status"]'), 'still loading');
  return { el, backend };
}

/** Add a connection → search "Pennylane" → Enter → fill the token → Connect → Done. */
async function addPennylane(
  el: AppConnections,
  backend: MockBackend,
): Promise<ConnectSuccessEvent> {
  const add = buttonNamed(root(el), 'Add a connection');
  add.click();
  const pickerDialog = root(el).querySelector<HTMLDialogElement>('#picker-dialog')!;
  expect(pickerDialog.open).to.equal(true);

  // The picker is a lazy chunk: its tag upgrades once the code is in.
  const picker = root(el).querySelector<AppPicker>('app-picker')!;
  await until(() => picker.shadowRoot?.querySelector('[role="option"]'), 'the picker is empty');
  const input = picker.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
  input.value = 'pennylane';
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await picker.updateComplete;
  const key = (name: string) =>
    input.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true }));
  key('ArrowDown');
  await picker.updateComplete;
  key('Enter');

  const connect = root(el).querySelector<ConnectDialog>('connect-dialog')!;
  await until(
    () => connect.open && connect.shadowRoot!.querySelector('form'),
    'no credential form',
  );
  expect(pickerDialog.open).to.equal(false);
  const form = connect.shadowRoot!.querySelector('form')!;
  const token = form.querySelector<HTMLInputElement>('input:not([type="checkbox"])')!;
  token.value = DEMO_KEY;
  token.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await connect.updateComplete;

  const succeeded = oneEvent(el, 'pb-connect-success') as Promise<ConnectSuccessEvent>;
  buttonNamed(connect.shadowRoot!, 'Connect').click();
  const success = await succeeded;
  expect(backend.store.connections.some((item) => item.id === success.connection.id)).to.equal(
    true,
  );
  await until(() => connect.shadowRoot!.textContent?.includes('Done'), 'no success step');
  buttonNamed(connect.shadowRoot!, 'Done').click();
  return success;
}

describe('<app-connections>', function () {
  // Whole flows through the mock backend: generous on a busy machine (three engines at once).
  this.timeout(15_000);

  it('shows the empty state when there are no connections', async () => {
    const { el } = await renderPage({ scenario: 'empty' });
    expect(root(el).querySelector('h2')?.textContent?.trim()).to.equal('Apps');
    const empty = root(el).querySelector('[part~="empty"]');
    expect(empty?.textContent).to.contain('No apps connected yet');
    expect(rows(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('groups connections by app, with a heading per app', async () => {
    const { el, backend } = await renderPage({ scenario: 'default' });
    await until(() => rows(el).length > 0, 'no rows');
    expect(rows(el)).to.have.length(backend.store.connections.length);
    const apps = new Set(backend.store.connections.map((connection) => connection.app));
    expect(root(el).querySelectorAll('[part~="group"]')).to.have.length(apps.size);
    const headings = Array.from(root(el).querySelectorAll('h3[part~="group-heading"]'));
    expect(headings).to.have.length(apps.size);
    expect(root(el).querySelectorAll('connection-status')).to.have.length(rows(el).length);
    await expect(el).to.be.accessible();
  });

  it('uses the heading attribute as the page title', async () => {
    await useMockBackend({ scenario: 'empty' });
    const el = await fixture<AppConnections>(
      html`<app-connections heading="Integrations"></app-connections>`,
    );
    expect(root(el).querySelector('h2')?.textContent?.trim()).to.equal('Integrations');
  });

  it('loads another locale on demand, from the lang attribute', async () => {
    await useMockBackend({ scenario: 'empty' });
    const el = await fixture<AppConnections>(html`<app-connections lang="es"></app-connections>`);
    await until(() => root(el).querySelector('#add-button'), 'never rendered');
    const add = root(el).querySelector('#add-button')!;
    expect(add.textContent?.trim()).to.equal('Añadir una conexión');
    await until(() => root(el).querySelector('[part~="empty"]'), 'no empty state');
    expect(root(el).querySelector('[part~="empty"]')!.textContent).to.not.contain('No apps');
  });

  it('shows an error with Retry when the list fails, and recovers', async () => {
    const backend = await useMockBackend({ scenario: 'server-error' });
    const el = await fixture<AppConnections>(html`<app-connections></app-connections>`);
    await until(() => root(el).querySelector('[role="alert"]'), 'no error shown');
    await expect(el).to.be.accessible();
    backend.useScenario('default');
    buttonNamed(root(el).querySelector('[role="alert"]')!, 'Try again').click();
    await until(() => rows(el).length > 0, 'Retry did not load the connections');
  });

  it('loads the list again by itself when the browser comes back online', async () => {
    const backend = await useMockBackend({ scenario: 'offline' });
    const el = await fixture<AppConnections>(html`<app-connections></app-connections>`);
    await until(() => root(el).querySelector('[role="alert"]'), 'no error shown');
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain(
      'We’ll try again by ourselves as soon as you’re back online.',
    );
    backend.useScenario('default');
    window.dispatchEvent(new Event('online'));
    await until(() => rows(el).length > 0, 'coming back online did not load the connections');
  });

  it('adds a connection: picker → connect dialog → new row at the top, focused', async () => {
    const { el, backend } = await renderPage({ scenario: 'default' });
    await until(() => rows(el).length > 0, 'no rows');
    const before = rows(el).length;
    const success = await addPennylane(el, backend);
    await until(() => rows(el)[0]?.dataset['connectionId'] === success.connection.id, 'not on top');
    expect(rows(el)).to.have.length(before + 1);
    await until(() => root(el).activeElement === rows(el)[0], 'focus did not move to the new row');
    const region = root(el).querySelector('[aria-live="polite"]')!;
    await until(() => region.textContent?.includes('Pennylane is connected'), 'not announced');
    await expect(el).to.be.accessible();
  });

  it('reports the whole flow on one ordered event stream', async () => {
    const { el, backend } = await renderPage({ scenario: 'default' });
    const seeded = new Set(backend.store.connections.map((connection) => connection.id));
    const events: PlugboardEvent[] = [];
    const unsubscribe = getClient().events.subscribe((event) => events.push(event));
    try {
      buttonNamed(root(el), 'Add a connection').click();
      const picker = root(el).querySelector<AppPicker>('app-picker')!;
      const input = picker.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
      await until(() => picker.shadowRoot!.querySelector('[role="option"]'), 'the picker is empty');
      input.value = 'pipedrive';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      // The user pauses (the search is reported), then takes the best match.
      await until(() => events.some((event) => event.name === 'search'), 'no search event');
      input.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
      );

      const connect = root(el).querySelector<ConnectDialog>('connect-dialog')!;
      const shadow = () => connect.shadowRoot!;
      await until(() => connect.open && shadow().querySelector('form'), 'no credential form');
      for (const [name, value] of [
        ['subdomain', 'acme'],
        ['token', DEMO_KEY],
      ] as const) {
        const field = shadow().querySelector<HTMLInputElement>(`[name="${name}"]`)!;
        field.value = value;
        field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      }
      await connect.updateComplete;
      buttonNamed(shadow(), 'Connect').click();
      // Pipedrive's pipeline, from the service's live list (the first step's own list: the
      // stages' list after it may load first).
      const pipelineOption = () => {
        const pipeline = shadow().querySelector('[role="combobox"]');
        return (
          pipeline && controlledListbox(pipeline)?.querySelector<HTMLElement>('[role="option"]')
        );
      };
      await until(pipelineOption, 'no pipeline to choose');
      pipelineOption()!.click();
      await connect.updateComplete;
      buttonNamed(shadow(), 'Save and continue').click();
      await until(() => shadow().querySelector('#webhook-url'), 'no setup step');

      const clipboard = navigator.clipboard;
      const original = clipboard.writeText;
      clipboard.writeText = async () => {};
      try {
        buttonNamed(shadow(), 'Copy').click();
        await until(() => events.some((event) => event.name === 'setup_url_copied'), 'no copy');
      } finally {
        clipboard.writeText = original;
      }
      buttonNamed(shadow(), 'Continue').click();
      await until(() => shadow().querySelector('[part~="success"]'), 'no success step');
      buttonNamed(shadow(), 'Done').click();
      await until(() => events.some((event) => event.name === 'exit'), 'no exit event');
    } finally {
      unsubscribe();
    }

    const created = backend.store.connections.find((connection) => !seeded.has(connection.id))!;
    expect(events.map((event) => event.name)).to.deep.equal([
      'search',
      'app_selected',
      'open',
      'view_changed',
      'credentials_submitted',
      'view_changed',
      'settings_saved',
      'view_changed',
      'setup_url_copied',
      'view_changed',
      'tested',
      'view_changed',
      'connect_success',
      'exit',
    ]);
    expect(events.map((event) => event.detail)).to.deep.include.members([
      { query: 'pipedrive', resultCount: 1 },
      { app: 'pipedrive', query: 'pipedrive' },
      { view: 'credentials', previousView: 'loading' },
      { app: 'pipedrive', method: created.method },
      { app: 'pipedrive', connectionId: created.id },
      { view: 'settings', previousView: 'credentials' },
      { view: 'setup', previousView: 'settings' },
      { app: 'pipedrive', connectionId: created.id, ok: true, status: 'connected' },
      { app: 'pipedrive', connectionId: created.id, method: created.method, mode: 'create' },
      { reason: 'completed', lastStep: 'success', app: 'pipedrive' },
    ]);
    const seqs = events.map((event) => event.seq);
    for (let index = 1; index < seqs.length; index++) {
      expect(seqs[index]).to.be.greaterThan(seqs[index - 1]!);
    }
    expect(new Set(events.map((event) => event.sessionId)).size).to.equal(1);
    for (const event of events) {
      expect(event.timestamp).to.be.a('number');
      expect(Number.isFinite(event.timestamp)).to.equal(true);
    }
  });

  it('keeps focus in the list when a connection is disconnected', async () => {
    const backend = await useMockBackend({ scenario: 'default' });
    const el = await fixture<AppConnections>(
      html`<app-connections allow-disconnect></app-connections>`,
    );
    await until(() => rows(el).length > 1, 'no rows');
    const [first, second] = rows(el);
    const [firstId, secondId] = [first!.dataset['connectionId'], second!.dataset['connectionId']];
    const status = first!.querySelector('connection-status')!;
    await until(() => status.shadowRoot?.querySelector('[part~="disconnect"]'), 'no Disconnect');
    status.shadowRoot!.querySelector<HTMLButtonElement>('[part~="disconnect"]')!.click();
    await until(
      () => status.shadowRoot!.querySelector('[part~="confirm-disconnect"]'),
      'no confirm',
    );
    let removedId: string | undefined;
    el.addEventListener('pb-connection-remove', (event) => (removedId = event.connectionId));
    status.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-disconnect"]')!.click();
    await until(() => removedId === firstId, 'no pb-connection-remove');
    const ids = () => rows(el).map((row) => row.dataset['connectionId']);
    await until(() => !ids().includes(firstId), 'the row stayed');
    expect(backend.store.connections.some((c) => c.id === firstId)).to.equal(false);
    await until(
      () => (root(el).activeElement as HTMLElement | null)?.dataset['connectionId'] === secondId,
      'focus did not move to the next row',
    );
    const region = root(el).querySelector('[aria-live="polite"]')!;
    await until(() => region.textContent?.includes('was disconnected'), 'not announced');
  });

  it('keeps the notice of a revocation the service did not confirm after the row is gone', async () => {
    const backend = await useMockBackend({ scenario: 'default' });
    const el = await fixture<AppConnections>(
      html`<app-connections allow-disconnect></app-connections>`,
    );
    await until(() => rows(el).length > 0, 'no rows');
    const oauthRow = rows(el).find(
      (row) =>
        backend.store.connections.find((c) => c.id === row.dataset['connectionId'])?.method ===
        'oauth2',
    )!;
    const removedId = oauthRow.dataset['connectionId'];
    const appKey = oauthRow.dataset['appKey']!;
    await until(() => getClient().catalog.find(appKey), 'the catalog never loaded');
    const appName = getClient().catalog.find(appKey)!.name;
    const status = oauthRow.querySelector('connection-status')!;
    await until(() => status.shadowRoot?.querySelector('[part~="disconnect"]'), 'no Disconnect');
    expect(root(el).querySelector('[part~="revoke-notice"]')).to.equal(null);
    backend.failNextRevocation();
    status.shadowRoot!.querySelector<HTMLButtonElement>('[part~="disconnect"]')!.click();
    await until(
      () => status.shadowRoot!.querySelector('[part~="confirm-disconnect"]'),
      'no confirm',
    );
    status.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-disconnect"]')!.click();
    await until(
      () => !rows(el).some((row) => row.dataset['connectionId'] === removedId),
      'the row stayed',
    );
    const notice = root(el).querySelector('[part~="revoke-notice"]');
    expect(notice?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      `${appName} did not confirm that it withdrew access. To be sure, remove the access in your ${appName} account settings.`,
    );
    const region = root(el).querySelector('[aria-live="polite"]')!;
    await until(() => region.textContent?.includes('did not confirm'), 'not announced');
    await expect(el).to.be.accessible();
  });

  it('returns focus to "Add a connection" when the picker is closed', async () => {
    const { el } = await renderPage({ scenario: 'empty' });
    const add = buttonNamed(root(el), 'Add a connection');
    add.focus();
    add.click();
    const pickerDialog = root(el).querySelector<HTMLDialogElement>('#picker-dialog')!;
    expect(pickerDialog.getAttribute('aria-labelledby')).to.equal('picker-title');
    await expect(el).to.be.accessible();
    buttonNamed(pickerDialog, 'Close').click();
    expect(pickerDialog.open).to.equal(false);
    expect(root(el).activeElement).to.equal(add);
  });

  describe('styling from the page', () => {
    let sheet: HTMLStyleElement | undefined;
    afterEach(() => sheet?.remove());

    /** A page style sheet, as a host would write it. */
    function pageStyles(css: string): void {
      sheet = document.createElement('style');
      sheet.textContent = css;
      document.head.append(sheet);
    }

    it('::part() reaches the picker, the add dialog, each connection and its Update dialog', async () => {
      pageStyles(`
        app-connections::part(picker-input) { background-color: rgb(1, 2, 3); }
        app-connections::part(picker-option) { border-block-end-color: rgb(4, 5, 6); }
        app-connections::part(dialog-base) { border-top-color: rgb(7, 8, 9); }
        app-connections::part(dialog-title) { color: rgb(10, 11, 12); }
        app-connections::part(status-badge) { background-color: rgb(13, 14, 15); }
      `);
      const { el } = await renderPage({ scenario: 'default' });
      await until(() => rows(el).length > 0, 'no rows');

      buttonNamed(root(el), 'Add a connection').click();
      const picker = root(el).querySelector<AppPicker>('app-picker')!;
      await until(() => picker.shadowRoot!.querySelector('[role="option"]'), 'the picker is empty');
      const pickerRoot = picker.shadowRoot!;
      const input = pickerRoot.querySelector('[part~="input"]')!;
      expect(getComputedStyle(input).backgroundColor).to.equal('rgb(1, 2, 3)');
      const option = pickerRoot.querySelector('[part~="option"]')!;
      expect(getComputedStyle(option).borderBottomColor).to.equal('rgb(4, 5, 6)');

      (option as HTMLElement).click();
      const connect = root(el).querySelector<ConnectDialog>('connect-dialog')!;
      await until(
        () =>
          connect.open &&
          connect.shadowRoot!.querySelector('form, [part~="oauth"], [part~="methods"]'),
        'no dialog',
      );
      const dialogRoot = connect.shadowRoot!;
      expect(getComputedStyle(dialogRoot.querySelector('dialog')!).borderTopColor).to.equal(
        'rgb(7, 8, 9)',
      );
      expect(getComputedStyle(dialogRoot.querySelector('[part~="title"]')!).color).to.equal(
        'rgb(10, 11, 12)',
      );
      connect.close();

      const status = rows(el)[0]!.querySelector('connection-status')!;
      const statusRoot = status.shadowRoot!;
      await until(() => statusRoot.querySelector('[part~="badge"]'), 'no status badge');
      expect(
        getComputedStyle(statusRoot.querySelector('[part~="badge"]')!).backgroundColor,
      ).to.equal('rgb(13, 14, 15)');
      // The connection's own Update dialog comes through as dialog-* too.
      statusRoot.querySelector<HTMLButtonElement>('[part~="update"]')!.click();
      await until(
        () => statusRoot.querySelector<ConnectDialog>('connect-dialog')?.open,
        'no Update dialog',
      );
      const update = statusRoot.querySelector<ConnectDialog>('connect-dialog')!;
      await update.updateComplete;
      expect(getComputedStyle(update.shadowRoot!.querySelector('dialog')!).borderTopColor).to.equal(
        'rgb(7, 8, 9)',
      );
      update.close();
    });

    it('<connection-status>::part(dialog-…) reaches its Update dialog', async () => {
      pageStyles(
        `connection-status.styled::part(dialog-base) { border-top-color: rgb(21, 22, 23); }`,
      );
      const backend = await useMockBackend({ scenario: 'default' });
      const id = backend.store.connections[0]!.id;
      const status = await fixture<HTMLElement>(
        html`<connection-status class="styled" connection-id=${id}></connection-status>`,
      );
      await until(() => status.shadowRoot!.querySelector('[part~="update"]'), 'not rendered');
      status.shadowRoot!.querySelector<HTMLButtonElement>('[part~="update"]')!.click();
      await until(
        () => status.shadowRoot!.querySelector<ConnectDialog>('connect-dialog')?.open,
        'no dialog',
      );
      const update = status.shadowRoot!.querySelector<ConnectDialog>('connect-dialog')!;
      await update.updateComplete;
      expect(getComputedStyle(update.shadowRoot!.querySelector('dialog')!).borderTopColor).to.equal(
        'rgb(21, 22, 23)',
      );
      update.close();
    });
  });

  it('badges an app whose provider is in trouble in its heading, and each connection says what it means', async () => {
    const { el } = await renderPage({ scenario: 'provider-degraded' });
    await until(() => rows(el).length > 0, 'no rows');
    await until(() => root(el).querySelector('[part~="health-badge"]'), 'no health badge');
    const headings = Array.from(root(el).querySelectorAll('h3[part~="group-heading"]'));
    for (const heading of headings) {
      expect(heading.querySelector('[part~="health-badge"]')?.textContent?.trim()).to.equal(
        'Having problems',
      );
    }
    const status = rows(el)[0]!.querySelector('connection-status')!;
    await until(() => status.shadowRoot!.querySelector('[part~="health"]'), 'no notice in the row');
    expect(status.shadowRoot!.querySelector('[part~="health"]')!.textContent).to.contain(
      'is having problems right now',
    );
    await expect(el).to.be.accessible();
  });

  it('passes on "Can’t find your app?" as its own event and on the event stream', async () => {
    const { el } = await renderPage({ scenario: 'default' });
    const requests: unknown[] = [];
    const unsubscribe = getClient().events.on('app_requested', (event) =>
      requests.push(event.detail),
    );
    buttonNamed(root(el), 'Add a connection').click();
    const picker = root(el).querySelector<AppPicker>('app-picker')!;
    await until(() => picker.shadowRoot!.querySelector('[role="option"]'), 'the picker is empty');
    const input = picker.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
    input.value = 'acme crm';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await picker.updateComplete;
    const requested = oneEvent(el, 'pb-request-app') as Promise<RequestAppEvent>;
    buttonNamed(picker.shadowRoot!, 'Ask for it').click();
    const event = await requested;
    unsubscribe();
    expect(event.query).to.equal('acme crm');
    expect(event.target).to.equal(el, 'seen from the page, it comes from <app-connections>');
    expect(requests).to.deep.equal([{ query: 'acme crm' }]);
    await picker.updateComplete;
    expect(picker.shadowRoot!.querySelector('[part~="request-sent"]')?.textContent).to.contain(
      'Thanks!',
    );
  });

  it('removed while its connect dialog is open: cancels and exits the flow', async () => {
    const { el } = await renderPage({ scenario: 'default' });
    const exits: unknown[] = [];
    const unsubscribe = getClient().events.on('exit', (event) => exits.push(event.detail));
    buttonNamed(root(el), 'Add a connection').click();
    const picker = root(el).querySelector<AppPicker>('app-picker')!;
    await until(() => picker.shadowRoot!.querySelector('[role="option"]'), 'the picker is empty');
    const input = picker.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
    input.value = 'pipedrive';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await picker.updateComplete;
    input.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
    );
    const connect = root(el).querySelector<ConnectDialog>('connect-dialog')!;
    await until(() => connect.open && connect.shadowRoot!.querySelector('form'), 'no form');
    const cancelled = oneEvent(el, 'pb-connect-cancel') as Promise<ConnectCancelEvent>;
    el.remove();
    const cancel = await cancelled;
    unsubscribe();
    expect([cancel.reason, cancel.lastStep]).to.deep.equal(['removed', 'credentials']);
    expect(exits).to.deep.equal([
      { reason: 'cancelled', lastStep: 'credentials', app: 'pipedrive' },
    ]);
  });
});
