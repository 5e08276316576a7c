import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { App } from '@plugboard/contract';
import { demoApps, DEMO_KEY, MOCK_SECRET_KEY, type MockBackend } from '@plugboard/mocks';
import '../define/connect-dialog.js';
import type { ConnectDialog } from './connect-dialog.js';
import type {
  ConnectCancelEvent,
  ConnectClosedEvent,
  ConnectErrorEvent,
  ConnectSuccessEvent,
} from './connect-dialog.events.js';
import { controlledListbox } from '../test-support/combobox.js';
import { MOCK_BASE_URL, requestsTo, useMockBackend } from '../test-support/mock-backend.js';

const PIPEDRIVE_TOKEN = '0123456789abcdef0123456789abcdef01234567';

function root(el: ConnectDialog): ShadowRoot {
  return el.shadowRoot!;
}

function part(el: ConnectDialog, name: string): HTMLElement | null {
  return root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
}

function dialog(el: ConnectDialog): HTMLDialogElement {
  return root(el).querySelector('dialog')!;
}

function text(el: ConnectDialog): string {
  return (root(el).querySelector('.body')?.textContent ?? '').replace(/\s+/g, ' ');
}

/** The control a `<label>` with this text points at. */
function field(el: ConnectDialog, label: string): HTMLInputElement {
  const match = Array.from(root(el).querySelectorAll('label')).find(
    (candidate) => candidate.textContent?.trim() === label,
  );
  if (!match) throw new Error(`no label "${label}"`);
  return root(el).getElementById(match.htmlFor) as HTMLInputElement;
}

function button(el: ConnectDialog, name: string | RegExp): HTMLButtonElement {
  const found = Array.from(root(el).querySelectorAll('button')).find((candidate) => {
    const accessible = (candidate.getAttribute('aria-label') ?? candidate.textContent ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    return typeof name === 'string' ? accessible === name : name.test(accessible);
  });
  if (!found) throw new Error(`no button "${String(name)}" in: ${text(el)}`);
  return found;
}

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

function describedBy(el: ConnectDialog, input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => root(el).getElementById(id)?.textContent?.trim() ?? '')
    .join(' | ');
}

async function until(condition: () => unknown, message: string, timeout = 4000): Promise<void> {
  await waitUntil(condition, message, { timeout, interval: 20 });
}

async function untilText(el: ConnectDialog, wanted: string, timeout?: number): Promise<void> {
  await until(
    () => text(el).includes(wanted),
    `"${wanted}" never showed; saw: ${text(el)}`,
    timeout,
  );
}

async function openDialog(template: ReturnType<typeof html>): Promise<ConnectDialog> {
  const el = await fixture<ConnectDialog>(template);
  el.show();
  await el.updateComplete;
  return el;
}

async function openPipedrive(): Promise<ConnectDialog> {
  const el = await openDialog(html`<connect-dialog app-key="pipedrive"></connect-dialog>`);
  await until(() => root(el).querySelector('form'), 'the credential form never showed');
  return el;
}

async function fillPipedrive(el: ConnectDialog, token = DEMO_KEY, domain = 'acme'): Promise<void> {
  type(field(el, 'Company domain'), domain);
  type(field(el, 'API token'), token);
  await el.updateComplete;
}

function submit(el: ConnectDialog): void {
  button(el, 'Connect').click();
}

/** Pipedrive asks for its pipeline after sign-in: choose the first one and save. */
async function passSettings(el: ConnectDialog): Promise<void> {
  await untilText(el, 'Set up Pipedrive');
  const pipeline = field(el, 'Pipeline for new deals');
  // The stages' list may load first: wait for an option in the pipeline's own list.
  await until(
    () => controlledListbox(pipeline)?.querySelector('[role="option"]'),
    'no pipeline was listed',
  );
  pipeline.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
  pipeline.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  await el.updateComplete;
  button(el, 'Save and continue').click();
}

function escape(el: ConnectDialog): KeyboardEvent {
  const event = new KeyboardEvent('keydown', {
    key: 'Escape',
    bubbles: true,
    composed: true,
    cancelable: true,
  });
  (root(el).activeElement ?? dialog(el)).dispatchEvent(event);
  return event;
}

/** A popup stand-in: what core needs from window.open's result. */
function fakePopup() {
  return {
    closed: false,
    focused: 0,
    close() {
      this.closed = true;
    },
    focus() {
      this.focused += 1;
    },
    location: { replace() {} },
  };
}

function stubWindowOpen(result: () => unknown): () => void {
  const original = window.open;
  window.open = (() => result()) as typeof window.open;
  return () => {
    window.open = original;
  };
}

async function pendingFlowId(backend: MockBackend): Promise<string> {
  await until(
    () => backend.store.flows.some((flow) => flow.status === 'pending'),
    'no OAuth flow started',
  );
  return backend.store.flows.find((flow) => flow.status === 'pending')!.flowId;
}

function withHealth(key: string, health: App['health']): App {
  const app = demoApps.find((candidate) => candidate.key === key)!;
  return { ...app, health };
}

describe('<connect-dialog>', () => {
  let backend: MockBackend;
  let restoreOpen: (() => void) | undefined;
  let seededIds: Set<string>;
  const createdConnections = () =>
    backend.store.connections.filter((connection) => !seededIds.has(connection.id));

  beforeEach(async () => {
    backend = await useMockBackend();
    seededIds = new Set(backend.store.connections.map((connection) => connection.id));
  });

  afterEach(() => {
    restoreOpen?.();
    restoreOpen = undefined;
  });

  describe('the dialog', () => {
    it('opens as a modal labelled by its title, focus inside, and is accessible', async () => {
      const el = await openPipedrive();
      expect(el.open).to.equal(true);
      expect(el.hasAttribute('open')).to.equal(true);
      expect(dialog(el).open).to.equal(true);
      expect(dialog(el).matches(':modal')).to.equal(true);
      const title = root(el).getElementById(dialog(el).getAttribute('aria-labelledby')!);
      expect(title?.textContent?.trim()).to.equal('Connect Pipedrive');
      await until(
        () => root(el).activeElement === field(el, 'Company domain'),
        'focus did not reach the first field',
      );
      await expect(el).to.be.accessible();
    });

    it('loads the full app from a summary', async () => {
      const {
        authMethods: _methods,
        setupSteps: _steps,
        helpUrl: _help,
        ...summary
      } = demoApps.find((app) => app.key === 'pipedrive')!;
      const el = await openDialog(html`<connect-dialog .app=${summary}></connect-dialog>`);
      await until(() => root(el).querySelector('form'), 'the form never showed');
      expect(field(el, 'API token').type).to.equal('password');
    });

    it('Escape cancels with the reason and the last step, and focus returns', async () => {
      const opener = fixtureSync<HTMLButtonElement>(html`<button>Open</button>`);
      opener.focus();
      const el = await openPipedrive();
      const cancelled = oneEvent(el, 'pb-connect-cancel') as Promise<ConnectCancelEvent>;
      const event = escape(el);
      const { reason, lastStep } = await cancelled;
      expect(event.defaultPrevented).to.equal(true);
      expect([reason, lastStep]).to.deep.equal(['escape', 'credentials']);
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expect(dialog(el).open).to.equal(false);
      expect(document.activeElement).to.equal(opener);
    });

    it('reports open, view changes and exit (with the last step) on the event stream', async () => {
      const { getClient } = await import('@plugboard/core');
      const seen: { name: string; detail: unknown }[] = [];
      const unsubscribe = getClient().events.subscribe((event) => seen.push(event));
      try {
        const el = await openPipedrive();
        part(el, 'close-button')!.click();
        await el.updateComplete;
      } finally {
        unsubscribe();
      }
      const names = seen.map((event) => event.name);
      expect(names[0]).to.equal('open');
      expect(names).to.include('view_changed');
      expect(names.at(-1)).to.equal('exit');
      expect(seen.at(-1)!.detail).to.deep.include({
        reason: 'cancelled',
        lastStep: 'credentials',
        app: 'pipedrive',
      });
    });

    it('pb-connect-closed follows the cancel, crosses shadow roots, after focus went back', async () => {
      const opener = fixtureSync<HTMLButtonElement>(html`<button>Open</button>`);
      opener.focus();
      const el = await openPipedrive();
      const order: string[] = [];
      let focusAtClose: Element | null = null;
      el.addEventListener('pb-connect-cancel', () => order.push('cancel'));
      const closed = new Promise<ConnectClosedEvent>((resolve) =>
        document.addEventListener(
          'pb-connect-closed',
          (event) => {
            order.push('closed');
            focusAtClose = document.activeElement;
            resolve(event);
          },
          { once: true },
        ),
      );
      part(el, 'close-button')!.click();
      const event = await closed;
      expect(order).to.deep.equal(['cancel', 'closed']);
      expect([event.reason, event.lastStep, event.completed]).to.deep.equal([
        'close-button',
        'credentials',
        false,
      ]);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.target).to.equal(el);
      expect(focusAtClose).to.equal(opener);
      expect(el.open).to.equal(false);
    });

    it('the close button cancels with its own reason', async () => {
      const el = await openPipedrive();
      const cancelled = oneEvent(el, 'pb-connect-cancel') as Promise<ConnectCancelEvent>;
      part(el, 'close-button')!.click();
      expect((await cancelled).reason).to.equal('close-button');
      expect(button(el, 'Close').getAttribute('aria-label')).to.equal('Close');
    });

    it('a click on the backdrop cancels with reason "backdrop"; clicks inside do not', async () => {
      const el = await openPipedrive();
      let cancelled = 0;
      el.addEventListener('pb-connect-cancel', () => (cancelled += 1));
      const box = dialog(el).getBoundingClientRect();
      field(el, 'Company domain').click();
      dialog(el).dispatchEvent(
        new MouseEvent('click', {
          bubbles: true,
          composed: true,
          clientX: box.left + 10,
          clientY: box.top + 10,
        }),
      );
      expect(cancelled).to.equal(0);
      const done = oneEvent(el, 'pb-connect-cancel') as Promise<ConnectCancelEvent>;
      dialog(el).dispatchEvent(
        new MouseEvent('click', {
          bubbles: true,
          composed: true,
          clientX: Math.max(0, box.left - 5),
          clientY: 2,
        }),
      );
      expect((await done).reason).to.equal('backdrop');
    });

    it('close(reason) closes at once from code', async () => {
      const el = await openPipedrive();
      const cancelled = oneEvent(el, 'pb-connect-cancel') as Promise<ConnectCancelEvent>;
      el.close('user');
      expect((await cancelled).reason).to.equal('user');
      await el.updateComplete;
      expect(dialog(el).open).to.equal(false);
    });

    it('opens from inside a host page modal dialog, on top of it', async () => {
      const host = fixtureSync<HTMLDialogElement>(
        html`<dialog>
          <button id="inner">Connect</button>
          <connect-dialog app-key="pipedrive"></connect-dialog>
        </dialog>`,
      );
      host.showModal();
      const inner = host.querySelector<HTMLButtonElement>('#inner')!;
      inner.focus();
      const el = host.querySelector('connect-dialog')!;
      el.show();
      await until(() => root(el).querySelector('form'), 'the form never showed');
      expect(dialog(el).matches(':modal')).to.equal(true);
      const input = field(el, 'Company domain');
      await until(
        () => root(el).activeElement === input,
        'focus did not move into the inner dialog',
      );
      // The nested modal is the top one: it takes clicks, the host dialog behind it does not.
      const box = input.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + 5, box.top + 5);
      expect(hit).to.equal(el);
      el.close();
      await el.updateComplete;
      expect(host.open).to.equal(true);
      expect(document.activeElement).to.equal(inner);
      host.close();
    });

    it('removed from the page mid-flow: cancels (reason "removed"), exits, closes the popup, stops polling', async function () {
      this.timeout(8000);
      const { getClient } = await import('@plugboard/core');
      const exits: unknown[] = [];
      const unsubscribe = getClient().events.on('exit', (event) => exits.push(event.detail));
      const popup = fakePopup();
      restoreOpen = stubWindowOpen(() => popup);
      const el = await openDialog(html`<connect-dialog app-key="salesforce"></connect-dialog>`);
      await untilText(el, 'Continue with Salesforce');
      button(el, 'Continue with Salesforce').click();
      await pendingFlowId(backend);
      const cancelled = oneEvent(el, 'pb-connect-cancel') as Promise<ConnectCancelEvent>;
      el.remove();
      const cancel = await cancelled;
      unsubscribe();
      expect([cancel.reason, cancel.lastStep]).to.deep.equal(['removed', 'oauth']);
      expect(exits).to.deep.equal([{ reason: 'cancelled', lastStep: 'oauth', app: 'salesforce' }]);
      expect(el.open).to.equal(false);
      await until(() => popup.closed, 'the popup stayed open');
      // A long-poll already in flight may still land; nothing new starts after it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const before = backend.store.requests.length;
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(backend.store.requests.length).to.equal(before);
    });

    it('moved in the page (removed and added back at once): the flow goes on, still modal', async () => {
      const el = await openPipedrive();
      type(field(el, 'Company domain'), 'acme');
      let cancels = 0;
      el.addEventListener('pb-connect-cancel', () => (cancels += 1));
      const elsewhere = fixtureSync<HTMLDivElement>(html`<div></div>`);
      elsewhere.append(el);
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(cancels).to.equal(0);
      expect(el.open).to.equal(true);
      expect(dialog(el).matches(':modal')).to.equal(true);
      expect(field(el, 'Company domain').value).to.equal('acme');
    });

    it('an ending on an error exits with reason "error"', async () => {
      const { getClient } = await import('@plugboard/core');
      const exits: unknown[] = [];
      const unsubscribe = getClient().events.on('exit', (event) => exits.push(event.detail));
      backend.useScenario('server-error');
      const el = await openDialog(html`<connect-dialog app-key="pipedrive"></connect-dialog>`);
      await until(() => root(el).querySelector('[role="alert"]'), 'no error shown');
      escape(el);
      unsubscribe();
      expect(exits).to.deep.equal([{ reason: 'error', lastStep: 'error', app: 'pipedrive' }]);
    });
  });

  describe('offline recovery', () => {
    it('loads again when the browser comes back online, without a second "open"', async function () {
      this.timeout(12_000);
      backend.useScenario('offline');
      const { getClient } = await import('@plugboard/core');
      const names: string[] = [];
      const unsubscribe = getClient().events.subscribe((event) => names.push(event.name));
      const el = await openDialog(html`<connect-dialog app-key="pipedrive"></connect-dialog>`);
      await untilText(el, 'We’ll try again by ourselves as soon as you’re back online.', 8000);
      backend.useScenario('default');
      window.dispatchEvent(new Event('online'));
      await until(() => root(el).querySelector('form'), 'coming back online did not load the app');
      unsubscribe();
      expect(names.filter((name) => name === 'open')).to.have.length(1);
    });
  });

  describe('provider health', () => {
    it('degraded: warns with the health message and lets the user continue', async () => {
      const app = withHealth('pipedrive', { status: 'degraded', message: 'Slow API responses' });
      const el = await openDialog(html`<connect-dialog .app=${app}></connect-dialog>`);
      await until(() => root(el).querySelector('form'), 'the form never showed');
      expect(part(el, 'health-warning')!.textContent).to.contain(
        'Pipedrive is having problems right now',
      );
      expect(part(el, 'health-warning')!.textContent).to.contain('Slow API responses');
      expect(button(el, 'Connect').disabled).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('down: explains, suggests later, offers no way to connect', async () => {
      const app = withHealth('pipedrive', {
        status: 'down',
        message: 'Maintenance until 14:00 UTC',
      });
      const el = await openDialog(html`<connect-dialog .app=${app}></connect-dialog>`);
      await untilText(el, 'Pipedrive is unavailable right now. Please try again later.');
      expect(text(el)).to.contain('Maintenance until 14:00 UTC');
      expect(root(el).querySelector('form')).to.equal(null);
      expect(() => button(el, 'Connect')).to.throw();
      await expect(el).to.be.accessible();
    });
  });

  describe('choice of method', () => {
    it('asks how to connect when the app has several methods, then shows the chosen one', async () => {
      const events: string[] = [];
      const el = await openDialog(html`<connect-dialog app-key="hubspot"></connect-dialog>`);
      await untilText(el, 'How do you want to connect?');
      await expect(el).to.be.accessible();
      const { getClient } = await import('@plugboard/core');
      const unsubscribe = getClient().events.subscribe((event) => events.push(event.name));
      button(el, 'Private app access token').click();
      await until(() => root(el).querySelector('form'), 'the form never showed');
      await until(
        () =>
          root(el)
            .querySelector('[role="status"]')
            ?.textContent?.includes('Private app access token'),
        'the new view was not announced',
      );
      unsubscribe();
      expect(events).to.include('method_chosen');
      expect(events).to.include('view_changed');
      button(el, 'Back').click();
      await untilText(el, 'How do you want to connect?');
    });
  });

  describe('credential form', () => {
    it('labels every field, marks required ones, links help only through safe URLs', async () => {
      const el = await openPipedrive();
      const token = field(el, 'API token');
      expect(token.required).to.equal(true);
      expect(token.type).to.equal('password');
      expect(token.getAttribute('autocomplete')).to.equal('off');
      expect(token.getAttribute('spellcheck')).to.equal('false');
      expect(text(el)).to.contain('Required');
      expect(describedBy(el, token)).to.contain('Pipedrive › Personal preferences › API');
      const link = root(el).querySelector<HTMLAnchorElement>('a[part~="help-link"]')!;
      expect(link.textContent).to.contain('Where to find your API token');
      expect(link.href).to.match(/^https:\/\/support\.pipedrive\.com\//);
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener noreferrer');
    });

    it('renders the right control for every field type', async () => {
      const pipedrive = demoApps.find((app) => app.key === 'pipedrive')!;
      const custom: App = {
        ...pipedrive,
        setupSteps: [],
        authMethods: [
          {
            type: 'custom',
            label: 'Custom',
            scopes: [],
            fields: [
              { name: 'host', label: 'Server URL', type: 'url', required: true, secret: false },
              { name: 'email', label: 'Email', type: 'email', required: true, secret: false },
              { name: 'port', label: 'Port', type: 'number', required: false, secret: false },
              {
                name: 'region',
                label: 'Region',
                type: 'select',
                required: true,
                secret: false,
                options: [
                  { value: 'eu', label: 'Europe' },
                  { value: 'us', label: 'United States' },
                ],
              },
              {
                name: 'sandbox',
                label: 'Use the sandbox',
                type: 'checkbox',
                required: false,
                secret: false,
              },
              {
                name: 'secret',
                label: 'Client secret',
                type: 'text',
                required: true,
                secret: true,
              },
            ],
          },
        ],
      };
      const el = await openDialog(html`<connect-dialog .app=${custom}></connect-dialog>`);
      await until(() => root(el).querySelector('form'), 'the form never showed');
      expect(field(el, 'Server URL').type).to.equal('url');
      expect(field(el, 'Email').type).to.equal('email');
      expect(field(el, 'Port').type).to.equal('number');
      expect(field(el, 'Port').required).to.equal(false);
      const region = field(el, 'Region') as unknown as HTMLSelectElement;
      expect(region.tagName).to.equal('SELECT');
      expect(
        Array.from(region.options).map((option) => option.textContent!.trim()),
      ).to.include.members(['Europe', 'United States']);
      expect(field(el, 'Use the sandbox').type).to.equal('checkbox');
      // A secret is a password field whatever its declared type.
      expect(field(el, 'Client secret').type).to.equal('password');
      await expect(el).to.be.accessible();
    });

    it('drops help links that are not https', async () => {
      const pipedrive = demoApps.find((app) => app.key === 'pipedrive')!;
      const hostile: App = {
        ...pipedrive,
        authMethods: pipedrive.authMethods.map((method) => ({
          ...method,
          fields: method.fields.map((candidate) => ({
            ...candidate,
            helpUrl: 'javascript:alert(1)',
          })),
        })),
      };
      const el = await openDialog(html`<connect-dialog .app=${hostile}></connect-dialog>`);
      await until(() => root(el).querySelector('form'), 'the form never showed');
      expect(root(el).querySelector('a')).to.equal(null);
    });

    it('show/hide toggles the secret and keeps its protections', async () => {
      const el = await openPipedrive();
      const toggle = button(el, 'Show API token');
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      toggle.click();
      await el.updateComplete;
      const token = field(el, 'API token');
      expect(token.type).to.equal('text');
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(token.getAttribute('autocomplete')).to.equal('off');
      expect(token.getAttribute('spellcheck')).to.equal('false');
      toggle.click();
      await el.updateComplete;
      expect(token.type).to.equal('password');
    });

    it('trims pasted whitespace', async () => {
      const el = await openPipedrive();
      const token = field(el, 'API token');
      token.focus();
      const data = new DataTransfer();
      data.setData('text/plain', `  ${PIPEDRIVE_TOKEN}\n`);
      const paste = new ClipboardEvent('paste', {
        clipboardData: data,
        bubbles: true,
        cancelable: true,
        composed: true,
      });
      // Engines differ on what a constructed event keeps of clipboardData: attach it as a real paste has it.
      Object.defineProperty(paste, 'clipboardData', { value: data });
      token.dispatchEvent(paste);
      await el.updateComplete;
      expect(token.value).to.equal(PIPEDRIVE_TOKEN);
    });

    it('shows the format hint while the value does not match the pattern', async () => {
      const el = await openPipedrive();
      const token = field(el, 'API token');
      type(token, 'not-a-token');
      await el.updateComplete;
      expect(token.getAttribute('aria-invalid')).to.equal('true');
      expect(describedBy(el, token)).to.contain('40 characters: digits and the letters a to f.');
      type(token, PIPEDRIVE_TOKEN);
      await el.updateComplete;
      expect(token.getAttribute('aria-invalid')).to.equal('false');
      expect(describedBy(el, token)).not.to.contain('40 characters');
    });

    it('validates on submit: messages tied to fields, focus on the first invalid one', async () => {
      const el = await openPipedrive();
      const requestsBefore = backend.store.requests.length;
      submit(el);
      await el.updateComplete;
      const domain = field(el, 'Company domain');
      await until(
        () => root(el).activeElement === domain,
        'focus did not move to the first invalid field',
      );
      expect(domain.getAttribute('aria-invalid')).to.equal('true');
      expect(describedBy(el, domain)).to.contain('Company domain is required.');
      expect(describedBy(el, field(el, 'API token'))).to.contain('API token is required.');
      expect(backend.store.requests.length).to.equal(requestsBefore);
      await expect(el).to.be.accessible();
    });

    it('names an invisible character pasted into a key, sends nothing and keeps what was typed', async () => {
      const el = await openDialog(html`<connect-dialog app-key="lemlist"></connect-dialog>`);
      await until(() => root(el).querySelector('form'), 'the credential form never showed');
      const key = field(el, 'API key');
      type(key, `${DEMO_KEY}\u200b`);
      await el.updateComplete;
      const requestsBefore = backend.store.requests.length;
      submit(el);
      await until(() => key.getAttribute('aria-invalid') === 'true', 'the key was not marked');
      expect(describedBy(el, key)).to.contain('invisible character (U+200B)');
      expect(key.value).to.equal(`${DEMO_KEY}\u200b`);
      expect(backend.store.requests.length).to.equal(requestsBefore);
      await expect(el).to.be.accessible();
    });

    it('shows server field errors on their fields (validation-errors)', async () => {
      backend.useScenario('validation-errors');
      const el = await openPipedrive();
      await fillPipedrive(el);
      const failed = oneEvent(el, 'pb-connect-error') as Promise<ConnectErrorEvent>;
      submit(el);
      expect((await failed).code).to.equal('validation_failed');
      await until(() => root(el).querySelector('[part~="field-error"]'), 'no field error showed');
      const invalid = Array.from(root(el).querySelectorAll('input[aria-invalid="true"]'));
      expect(invalid.length).to.be.greaterThan(0);
      expect(field(el, 'API token').value).to.equal(DEMO_KEY);
      await expect(el).to.be.accessible();
    });

    it('a wrong key is rejected on the key field, and the input is kept', async () => {
      const { getClient } = await import('@plugboard/core');
      const el = await openPipedrive();
      await fillPipedrive(el, PIPEDRIVE_TOKEN);
      const reported: unknown[] = [];
      const stop = getClient().events.on('connect_error', (event) => reported.push(event.detail));
      const failed = oneEvent(el, 'pb-connect-error') as Promise<ConnectErrorEvent>;
      submit(el);
      const error = await failed;
      stop();
      expect(error.code).to.equal('credentials_rejected');
      expect(error.requestId).to.be.a('string');
      expect(reported).to.deep.equal([
        {
          app: 'pipedrive',
          code: 'credentials_rejected',
          method: 'token',
          requestId: error.requestId,
        },
      ]);
      const token = field(el, 'API token');
      await until(
        () => token.getAttribute('aria-invalid') === 'true',
        'the key field was not marked',
      );
      expect(describedBy(el, token)).to.contain('The service did not accept this value.');
      expect(token.value).to.equal(PIPEDRIVE_TOKEN);
      expect(field(el, 'Company domain').value).to.equal('acme');
      expect(root(el).activeElement).to.equal(token);
    });

    for (const scenario of ['server-error', 'offline'] as const) {
      it(`keeps the input after ${scenario} and offers to send again`, async () => {
        const el = await openPipedrive();
        backend.useScenario(scenario);
        await fillPipedrive(el);
        submit(el);
        await until(() => root(el).querySelector('[role="alert"]'), 'no error view showed', 8000);
        expect(field(el, 'API token').value).to.equal(DEMO_KEY);
        expect(field(el, 'Company domain').value).to.equal('acme');
        expect(button(el, 'Connect').disabled).to.equal(false);
        await expect(el).to.be.accessible();
      });
    }

    it('disables submit while sending ("Connecting…", aria-busy)', async () => {
      backend.useScenario('slow-network');
      const el = await openPipedrive();
      await fillPipedrive(el);
      submit(el);
      await el.updateComplete;
      const sending = button(el, 'Connecting…');
      expect(sending.disabled).to.equal(true);
      expect(sending.getAttribute('aria-busy')).to.equal('true');
    });

    it('gets the first token, and renews an expired one in place: no teardown, input sent', async () => {
      const { configure, getClient, resetConfiguration } = await import('@plugboard/core');
      let fetched = 0;
      resetConfiguration();
      configure({
        backendUrl: MOCK_BASE_URL,
        fetchSessionToken: async () => `renewed-token-${++fetched}`,
      });
      const el = await openPipedrive();
      expect(fetched, 'no session yet: the first token is fetched').to.equal(1);
      await fillPipedrive(el);
      backend.useScenario('unauthorized-then-refresh');
      const views: string[] = [];
      const stop = getClient().events.on('view_changed', (event) => views.push(event.detail.view));
      submit(el);
      await passSettings(el);
      await untilText(el, 'Finish the setup in Pipedrive');
      stop();
      expect(fetched).to.equal(2);
      expect(views).to.deep.equal(['settings', 'setup']);
      expect(dialog(el).open).to.equal(true);
      const creates = backend.store.requests.filter(
        (request) => request.method === 'POST' && request.url.endsWith('/v1/connections'),
      );
      expect(creates.map((request) => request.headers['authorization'])).to.deep.equal([
        'Bearer renewed-token-1',
        'Bearer renewed-token-2',
      ]);
      // The replay carries exactly what the user typed.
      expect(JSON.parse(creates[1]!.body!).fields).to.deep.equal({
        subdomain: 'acme',
        token: DEMO_KEY,
      });
    });

    it('shows "This window timed out" when the session cannot be renewed, keeping the input', async () => {
      const el = await openPipedrive();
      backend.useScenario('session-expired');
      await fillPipedrive(el);
      submit(el);
      await untilText(el, 'This window timed out for your security.');
      button(el, 'Start again').click();
      await until(() => root(el).querySelector('form'), 'the form never came back');
      expect(field(el, 'API token').value).to.equal(DEMO_KEY);
    });

    it('never sends the typed values in the event stream', async () => {
      const { getClient } = await import('@plugboard/core');
      const details: string[] = [];
      const el = await openPipedrive();
      const unsubscribe = getClient().events.subscribe((event) =>
        details.push(JSON.stringify(event)),
      );
      await fillPipedrive(el);
      submit(el);
      await passSettings(el);
      await untilText(el, 'Finish the setup in Pipedrive');
      unsubscribe();
      expect(details.some((detail) => detail.includes('credentials_submitted'))).to.equal(true);
      expect(details.join()).not.to.contain(DEMO_KEY);
    });
  });

  describe('unsaved input', () => {
    it('asks inside the dialog before discarding what was typed', async () => {
      const el = await openPipedrive();
      type(field(el, 'Company domain'), 'acme');
      await el.updateComplete;
      let cancelled = false;
      el.addEventListener('pb-connect-cancel', () => (cancelled = true));
      escape(el);
      await el.updateComplete;
      expect(part(el, 'confirm')!.textContent).to.contain('Discard what you typed?');
      expect(cancelled).to.equal(false);
      expect(dialog(el).open).to.equal(true);
      await until(
        () => root(el).activeElement === button(el, 'Keep editing'),
        'focus did not reach Keep editing',
      );
      await expect(el).to.be.accessible();
      button(el, 'Keep editing').click();
      await el.updateComplete;
      expect(part(el, 'confirm')).to.equal(null);
      expect(field(el, 'Company domain').value).to.equal('acme');

      part(el, 'close-button')!.click();
      await el.updateComplete;
      const done = oneEvent(el, 'pb-connect-cancel') as Promise<ConnectCancelEvent>;
      button(el, 'Discard').click();
      expect((await done).reason).to.equal('close-button');
      await el.updateComplete;
      expect(dialog(el).open).to.equal(false);
    });
  });

  describe('setup, test and success', () => {
    it('a failed test says why, gives the reference, and updates the same connection on "Enter new details"', async () => {
      backend.useScenario('test-fails');
      const errors: ConnectErrorEvent[] = [];
      const el = await fixture<ConnectDialog>(
        html`<connect-dialog app-key="stripe"></connect-dialog>`,
      );
      el.addEventListener('pb-connect-error', (event) => errors.push(event));
      el.show();
      await until(() => root(el).querySelector('form'), 'the credential form never showed');
      type(field(el, 'Secret or restricted key'), DEMO_KEY);
      await el.updateComplete;
      submit(el);
      await until(() => part(el, 'test-failed')?.querySelector('[role="alert"]'), 'no failure');
      const view = part(el, 'test-failed')!;
      expect(view.querySelector('.error__cause')?.textContent).to.equal(
        'The app no longer accepts the saved details. Enter new ones to reconnect.',
      );
      const saved = createdConnections()[0]!;
      const reference = saved.lastError!.requestId!;
      expect(view.querySelector('.error__reference')?.textContent).to.contain(reference);
      expect(errors.map((event) => [event.code, event.requestId])).to.deep.equal([
        ['test_failed', reference],
      ]);
      await expect(el).to.be.accessible();

      button(el, 'Enter new details').click();
      await until(() => root(el).querySelector('form'), 'the form did not come back');
      expect(button(el, 'Save and reconnect')).to.not.equal(undefined);
      type(field(el, 'Secret or restricted key'), 'demo-key-456');
      await el.updateComplete;
      button(el, 'Save and reconnect').click();
      await until(
        () =>
          backend.store.requests.some(
            (request) => request.method === 'PATCH' && request.url.endsWith(`/${saved.id}`),
          ),
        'the new details did not update the saved connection',
      );
      expect(createdConnections()).to.have.length(1);
    });

    it('a test failed by an outage offers to test again, and succeeds once the app is back', async function () {
      this.timeout(8000);
      const el = await openPipedrive();
      await fillPipedrive(el);
      submit(el);
      await passSettings(el);
      await untilText(el, 'Finish the setup in Pipedrive');
      const setHealth = (status: 'down' | 'operational') =>
        fetch(`${MOCK_BASE_URL}/v1/admin/apps/pipedrive/health`, {
          method: 'PUT',
          headers: {
            authorization: `Bearer ${MOCK_SECRET_KEY}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ status }),
        });
      expect((await setHealth('down')).status).to.equal(200);
      button(el, 'Continue').click();
      await until(() => part(el, 'test-failed')?.querySelector('[role="alert"]'), 'no failure');
      expect(text(el)).to.contain('It may be down or under maintenance. Try again later.');
      expect((await setHealth('operational')).status).to.equal(200);
      button(el, 'Test again').click();
      await untilText(el, 'Pipedrive is connected');
    });

    it('walks credentials → webhook setup → test → success, then clears the secrets', async function () {
      this.timeout(12_000);
      const el = await openPipedrive();
      await fillPipedrive(el);
      submit(el);
      await passSettings(el);
      await untilText(el, 'Finish the setup in Pipedrive');
      const url = root(el).querySelector<HTMLInputElement>('#webhook-url')!;
      expect(url.readOnly).to.equal(true);
      expect(url.value).to.match(/^https:\/\/api\.plugboard\.test\//);
      expect(root(el).querySelectorAll('ol.instructions li').length).to.equal(4);
      expect(text(el)).to.contain('Waiting for the first event…');
      // Pipedrive sends HTTP basic auth with its webhooks: the user enters these with the URL.
      const [pending] = createdConnections();
      const auth = pending!.setup!.webhookAuth!;
      const username = field(el, 'HTTP Auth user name');
      const password = field(el, 'HTTP Auth password');
      expect([username.value, password.value]).to.deep.equal([auth.username, auth.password]);
      expect(username.readOnly && password.readOnly).to.equal(true);
      expect(text(el)).to.contain('Pipedrive sends these with each event');
      await expect(el).to.be.accessible();

      const writes: string[] = [];
      const clipboard = navigator.clipboard;
      const original = clipboard.writeText;
      clipboard.writeText = async (value: string) => {
        writes.push(value);
      };
      try {
        button(el, 'Copy').click();
        await untilText(el, 'Copied');
        await until(
          () => root(el).querySelector('[role="status"]')?.textContent?.includes('Copied'),
          '"Copied" was not announced',
        );
      } finally {
        clipboard.writeText = original;
      }
      expect(writes).to.deep.equal([url.value]);

      const [created] = createdConnections();
      const id = created!.id;
      backend.deliverWebhook(id);
      await untilText(el, 'First event received', 5000);

      const succeeded = oneEvent(el, 'pb-connect-success') as Promise<ConnectSuccessEvent>;
      button(el, 'Continue').click();
      const success = await succeeded;
      expect(success.mode).to.equal('create');
      expect(success.connection.id).to.equal(id);
      expect(success.app.key).to.equal('pipedrive');
      await untilText(el, 'Pipedrive is connected');
      expect(text(el)).to.contain('Connected as');
      await expect(el).to.be.accessible();
      // The secret left memory once saved (private state, read here on purpose: nothing else shows it).
      const form = (el as unknown as { credentials: { values: Record<string, unknown> } })
        .credentials;
      expect(Object.values(form.values)).not.to.include(DEMO_KEY);
      const cancelled = new Promise<boolean>((resolve) => {
        el.addEventListener('pb-connect-cancel', () => resolve(true), { once: true });
        setTimeout(() => resolve(false), 200);
      });
      const closed = oneEvent(el, 'pb-connect-closed') as Promise<ConnectClosedEvent>;
      button(el, 'Done').click();
      expect((await closed).completed).to.equal(true);
      expect(await cancelled, 'Done after success is not a cancel').to.equal(false);
      await el.updateComplete;
      expect(dialog(el).open).to.equal(false);
    });

    it('turns to "First event received" from the live channel, without polling', async () => {
      const el = await openPipedrive();
      await fillPipedrive(el);
      submit(el);
      await passSettings(el);
      await untilText(el, 'Finish the setup in Pipedrive');
      await until(() => requestsTo(backend, '/v1/events') > 0, 'the live channel never opened');
      const listReads = requestsTo(backend, '/v1/connections');
      const [created] = createdConnections();
      // Give the stream a moment to be live, as a user copying the URL would.
      await new Promise((resolve) => setTimeout(resolve, 300));
      backend.deliverWebhook(created!.id);
      await untilText(el, 'First event received', 2500);
      await until(
        () => root(el).querySelector('[role="status"]')?.textContent?.includes('First event'),
        'the first event was not announced',
      );
      expect(
        requestsTo(backend, '/v1/connections'),
        'no GET of the connection or the list',
      ).to.equal(listReads);
    });

    it('still turns to "First event received" by polling when the backend has no live channel', async function () {
      this.timeout(15_000);
      backend.useScenario('live-unavailable');
      seededIds = new Set(backend.store.connections.map((connection) => connection.id));
      const el = await openPipedrive();
      await fillPipedrive(el);
      submit(el);
      await passSettings(el);
      await untilText(el, 'Finish the setup in Pipedrive');
      const [created] = createdConnections();
      backend.deliverWebhook(created!.id);
      await untilText(el, 'First event received', 8000);
      expect(requestsTo(backend, '/v1/connections')).to.be.greaterThan(1);
    });

    it('asks to press Ctrl+C when the clipboard refuses, with the text selected', async () => {
      const el = await openPipedrive();
      await fillPipedrive(el);
      submit(el);
      await passSettings(el);
      await untilText(el, 'Finish the setup in Pipedrive');
      const clipboard = navigator.clipboard;
      const original = clipboard.writeText;
      clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
      try {
        button(el, 'Copy').click();
        await until(() => /Press (Ctrl\+C|⌘C) to copy/.test(text(el)), 'no manual-copy hint');
      } finally {
        clipboard.writeText = original;
      }
      const url = root(el).querySelector<HTMLInputElement>('#webhook-url')!;
      expect(url.selectionEnd! - url.selectionStart!).to.equal(url.value.length);
    });

    it('update mode keeps the connection id (credentials)', async () => {
      const el = await openDialog(
        html`<connect-dialog connection-id="con_demo0001"></connect-dialog>`,
      );
      await until(() => root(el).querySelector('form'), 'the form never showed');
      expect(part(el, 'title')!.textContent).to.contain('Update your Pipedrive connection');
      type(field(el, 'Company domain'), 'acme');
      type(field(el, 'API token'), DEMO_KEY);
      await el.updateComplete;
      const succeeded = oneEvent(el, 'pb-connect-success') as Promise<ConnectSuccessEvent>;
      button(el, 'Save and reconnect').click();
      // The seeded connection has no pipeline yet: the update asks for what is missing.
      await passSettings(el);
      const success = await succeeded;
      expect(success.mode).to.equal('update');
      expect(success.connection.id).to.equal('con_demo0001');
      expect(backend.store.requests.some((request) => request.method === 'PATCH')).to.equal(true);
      expect(
        backend.store.requests.some(
          (request) => request.method === 'POST' && request.url.endsWith('/v1/connections'),
        ),
      ).to.equal(false);
    });

    it('offers to update the existing connection instead of creating a twin', async () => {
      const el = await openPipedrive();
      await fillPipedrive(el, DEMO_KEY, 'twin');
      submit(el);
      await passSettings(el);
      await untilText(el, 'Finish the setup in Pipedrive');
      el.close();
      el.show();
      await until(() => root(el).querySelector('form'), 'the form never showed again');
      await fillPipedrive(el, DEMO_KEY, 'twin');
      submit(el);
      await untilText(el, 'This account is already connected as');
      const [first] = createdConnections();
      const succeeded = oneEvent(el, 'pb-connect-success') as Promise<ConnectSuccessEvent>;
      button(el, 'Update it instead').click();
      // No event reached the first connection's webhook yet, so setup is still asked for (its
      // pipeline is chosen already: the update does not ask again).
      await untilText(el, 'Finish the setup in Pipedrive');
      button(el, 'Continue').click();
      const success = await succeeded;
      expect(success.connection.id).to.equal(first!.id);
      expect(success.mode).to.equal('update');
      expect(createdConnections()).to.have.length(1);
    });
  });

  describe('OAuth', () => {
    async function openOAuth(key = 'salesforce', name = 'Salesforce'): Promise<ConnectDialog> {
      const el = await openDialog(html`<connect-dialog app-key=${key}></connect-dialog>`);
      await untilText(el, `Continue with ${name}`);
      return el;
    }

    it('explains the popup and lists the permissions before it opens', async () => {
      const el = await openOAuth();
      expect(text(el)).to.contain('A window will open to sign in to Salesforce.');
      expect(text(el)).to.contain('See the people and companies in your Salesforce account');
      expect(text(el)).to.contain('Optional');
      await expect(el).to.be.accessible();
    });

    it('opens the popup inside the click and completes when the flow succeeds', async () => {
      let opened = 0;
      const popup = fakePopup();
      restoreOpen = stubWindowOpen(() => {
        opened += 1;
        return popup;
      });
      const el = await openOAuth();
      button(el, 'Continue with Salesforce').click();
      // Synchronously, before any await: popup blockers only allow it inside the click.
      expect(opened).to.equal(1);
      await untilText(el, 'Waiting for you to finish in the Salesforce window…');
      await expect(el).to.be.accessible();
      const focusedBefore = popup.focused;
      button(el, 'Open the window again').click();
      // The window is still open: it is brought to the front rather than opened twice.
      expect(popup.focused).to.be.greaterThan(focusedBefore);
      const succeeded = oneEvent(el, 'pb-connect-success') as Promise<ConnectSuccessEvent>;
      backend.completeFlow(await pendingFlowId(backend), 'succeeded');
      const success = await succeeded;
      expect(success.mode).to.equal('create');
      await untilText(el, 'Salesforce is connected');
    });

    it('a blocked popup offers "Continue in this tab" and "Try again"', async () => {
      restoreOpen = stubWindowOpen(() => null);
      const el = await openOAuth();
      button(el, 'Continue with Salesforce').click();
      await untilText(el, 'Your browser blocked the sign-in window.');
      expect(button(el, 'Continue in this tab').disabled).to.equal(false);
      expect(button(el, 'Try again').disabled).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('Cancel while waiting goes back to the start', async () => {
      restoreOpen = stubWindowOpen(fakePopup);
      const el = await openOAuth();
      button(el, 'Continue with Salesforce').click();
      await untilText(el, 'Waiting for you to finish');
      button(el, 'Cancel').click();
      await untilText(el, 'Continue with Salesforce');
    });

    it('tells a declined access from a provider error', async function () {
      this.timeout(10_000);
      restoreOpen = stubWindowOpen(fakePopup);
      const el = await openOAuth();
      button(el, 'Continue with Salesforce').click();
      const declined = oneEvent(el, 'pb-connect-error') as Promise<ConnectErrorEvent>;
      backend.completeFlow(await pendingFlowId(backend), {
        status: 'failed',
        code: 'access_denied',
      });
      expect((await declined).code).to.equal('access_denied');
      await untilText(el, 'You declined access in Salesforce.');
      await expect(el).to.be.accessible();

      button(el, 'Try again').click();
      const failed = oneEvent(el, 'pb-connect-error') as Promise<ConnectErrorEvent>;
      backend.completeFlow(await pendingFlowId(backend), {
        status: 'failed',
        code: 'provider_error',
      });
      expect((await failed).code).to.equal('provider_error');
      await untilText(el, 'The app reported a problem');
      expect(text(el)).not.to.contain('You declined access');
    });

    it('missing scopes: names what is missing and re-runs OAuth on that connection', async () => {
      restoreOpen = stubWindowOpen(fakePopup);
      const el = await openOAuth();
      button(el, 'Continue with Salesforce').click();
      backend.completeFlow(await pendingFlowId(backend), {
        status: 'failed',
        code: 'missing_scopes',
        missingScopes: ['contacts.read'],
      });
      await untilText(el, 'Grant the missing access');
      expect(text(el)).to.contain('See the people and companies in your Salesforce account');
      await expect(el).to.be.accessible();
      button(el, 'Grant the missing access').click();
      await pendingFlowId(backend);
      const starts = backend.store.requests.filter(
        (request) => request.method === 'POST' && request.url.endsWith('/v1/oauth/flows'),
      );
      expect(starts).to.have.length(2);
    });

    it('duplicate account: offers to update that connection instead', async () => {
      restoreOpen = stubWindowOpen(fakePopup);
      const el = await openDialog(html`<connect-dialog app-key="hubspot"></connect-dialog>`);
      await untilText(el, 'How do you want to connect?');
      button(el, 'Sign in with HubSpot').click();
      await untilText(el, 'Continue with HubSpot');
      button(el, 'Continue with HubSpot').click();
      backend.completeFlow(await pendingFlowId(backend), {
        status: 'failed',
        code: 'duplicate_account',
      });
      await untilText(el, 'This account is already connected as');
      button(el, 'Update it instead').click();
      await pendingFlowId(backend);
      const starts = backend.store.requests.filter(
        (request) => request.method === 'POST' && request.url.endsWith('/v1/oauth/flows'),
      );
      expect(JSON.parse(starts.at(-1)!.body!)).to.have.property('connectionId');
    });

    it('update mode sends the connection id to the flow', async () => {
      restoreOpen = stubWindowOpen(fakePopup);
      const el = await openDialog(
        html`<connect-dialog connection-id="con_demo0002"></connect-dialog>`,
      );
      await until(() => /Continue with/.test(text(el)), 'the OAuth intro never showed');
      button(el, /^Continue with/).click();
      const flowId = await pendingFlowId(backend);
      const start = backend.store.requests.find(
        (request) => request.method === 'POST' && request.url.endsWith('/v1/oauth/flows'),
      )!;
      expect(JSON.parse(start.body!).connectionId).to.equal('con_demo0002');
      const succeeded = oneEvent(el, 'pb-connect-success') as Promise<ConnectSuccessEvent>;
      backend.completeFlow(flowId, 'succeeded');
      const success = await succeeded;
      expect(success.mode).to.equal('update');
      expect(success.connection.id).to.equal('con_demo0002');
    });

    it('an expired flow says so and offers Try again', async () => {
      restoreOpen = stubWindowOpen(fakePopup);
      const el = await openOAuth();
      button(el, 'Continue with Salesforce').click();
      backend.completeFlow(await pendingFlowId(backend), 'expired');
      await untilText(el, 'This sign-in has expired');
      expect(button(el, 'Try again').disabled).to.equal(false);
    });
  });

  describe('coming back from "Continue in this tab"', () => {
    const pageUrl = location.href;
    afterEach(() => history.replaceState(null, '', pageUrl));

    /** A redirect-mode flow, as the dialog's "Continue in this tab" creates it. */
    async function redirectFlow(app: string, connectionId?: string): Promise<string> {
      const response = await fetch(`${MOCK_BASE_URL}/v1/oauth/flows`, {
        method: 'POST',
        headers: { authorization: 'Bearer test-session-token', 'content-type': 'application/json' },
        body: JSON.stringify({
          app,
          openerOrigin: location.origin,
          mode: 'redirect',
          returnUrl: pageUrl,
          connectionId,
        }),
      });
      return ((await response.json()) as { flowId: string }).flowId;
    }

    function returnTo(flowId: string): void {
      const url = new URL(pageUrl);
      url.searchParams.set('pb_flow', flowId);
      history.replaceState(null, '', url);
    }

    it('opens on the outcome, tests the connection and cleans the address', async () => {
      const flowId = await redirectFlow('salesforce');
      backend.completeFlow(flowId, 'succeeded');
      returnTo(flowId);
      const el = fixtureSync<ConnectDialog>(html`<connect-dialog></connect-dialog>`);
      const success = (await oneEvent(el, 'pb-connect-success')) as ConnectSuccessEvent;
      expect(success.app.key).to.equal('salesforce');
      expect(el.open).to.equal(true);
      expect(dialog(el).matches(':modal')).to.equal(true);
      await untilText(el, 'Salesforce is connected');
      expect(location.search).not.to.contain('pb_flow');
      await expect(el).to.be.accessible();
    });

    it('comes back to an update as an update of the same connection', async () => {
      const existing = backend.store.connections.find((item) => item.id === 'con_demo0002')!;
      const flowId = await redirectFlow(existing.app, existing.id);
      backend.completeFlow(flowId, 'succeeded');
      returnTo(flowId);
      const el = fixtureSync<ConnectDialog>(html`<connect-dialog></connect-dialog>`);
      const success = (await oneEvent(el, 'pb-connect-success')) as ConnectSuccessEvent;
      expect(success.mode).to.equal('update');
      expect(success.connection.id).to.equal(existing.id);
      expect(root(el).getElementById('title')?.textContent?.trim()).to.match(/^Update your /);
    });

    it('shows a declined sign-in for the right app, with Try again', async () => {
      const flowId = await redirectFlow('salesforce');
      backend.completeFlow(flowId, { status: 'failed', code: 'access_denied' });
      returnTo(flowId);
      const el = fixtureSync<ConnectDialog>(html`<connect-dialog></connect-dialog>`);
      const error = (await oneEvent(el, 'pb-connect-error')) as ConnectErrorEvent;
      expect(error.code).to.equal('access_denied');
      await untilText(el, 'You declined access in Salesforce.');
      expect(button(el, 'Try again').disabled).to.equal(false);
    });

    it('explains an expired flow, and ignores a forged flow id', async () => {
      returnTo('flw_unknown00000');
      const el = fixtureSync<ConnectDialog>(html`<connect-dialog></connect-dialog>`);
      await untilText(el, 'This sign-in has expired');
      expect(root(el).getElementById('title')?.textContent?.trim()).to.equal('Connect an app');

      returnTo('<img src=x onerror=alert(1)>');
      const forged = await fixture<ConnectDialog>(html`<connect-dialog></connect-dialog>`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(forged.open).to.equal(false);
      expect(location.search).not.to.contain('pb_flow');
    });
  });

  describe('hostile data', () => {
    it('renders server strings as text', async () => {
      const pipedrive = demoApps.find((app) => app.key === 'pipedrive')!;
      const markup = '<img src=x onerror="window.__pwned=1">';
      const hostile: App = {
        ...pipedrive,
        name: markup,
        health: { status: 'degraded', message: markup },
        authMethods: pipedrive.authMethods.map((method) => ({
          ...method,
          helpText: markup,
          fields: method.fields.map((candidate) => ({
            ...candidate,
            label: `${candidate.label} ${markup}`,
          })),
        })),
      };
      const el = await openDialog(html`<connect-dialog .app=${hostile}></connect-dialog>`);
      await until(() => root(el).querySelector('form'), 'the form never showed');
      expect(root(el).querySelector('img[src="x"]')).to.equal(null);
      expect(text(el)).to.contain(markup);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });
  });
});
