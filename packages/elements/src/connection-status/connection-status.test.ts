import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Connection } from '@plugboard/contract';
import { getClient } from '@plugboard/core';
import type { MockBackend } from '@plugboard/mocks';
import '../define/connection-status.js';
import type { ConnectionStatus } from './connection-status.js';
import type { ConnectDialog } from '../connect-dialog/connect-dialog.js';
import type { ConnectionRemoveEvent, ConnectionTestEvent } from './connection-status.events.js';
import { useMockBackend } from '../test-support/mock-backend.js';

function root(el: ConnectionStatus): ShadowRoot {
  return el.shadowRoot!;
}

function part(el: ConnectionStatus, name: string): HTMLElement | null {
  return root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
}

function text(el: ConnectionStatus): string {
  return (root(el).textContent ?? '').replace(/\s+/g, ' ');
}

/** The accessible name the way a screen reader computes it for these buttons. */
function nameOf(button: HTMLElement): string {
  return (button.getAttribute('aria-label') ?? button.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

function button(el: ConnectionStatus, name: string | RegExp): HTMLButtonElement {
  const found = Array.from(root(el).querySelectorAll<HTMLButtonElement>('button')).find(
    (candidate) =>
      typeof name === 'string' ? nameOf(candidate) === name : name.test(nameOf(candidate)),
  );
  if (!found) throw new Error(`no button "${String(name)}" in: ${text(el)}`);
  return found;
}

async function until(condition: () => unknown, message: string, timeout = 4000): Promise<void> {
  await waitUntil(condition, message, { timeout, interval: 20 });
}

/** A part that a click shows: its view may be a chunk still on its way. */
async function partAfterClick(el: ConnectionStatus, name: string): Promise<HTMLElement> {
  await until(() => part(el, name), `no ${name} after the click`);
  return part(el, name)!;
}

async function render(
  id: string,
  attrs: { allowDisconnect?: boolean } = {},
): Promise<ConnectionStatus> {
  const el = await fixture<ConnectionStatus>(
    html`<connection-status
      connection-id=${id}
      ?allow-disconnect=${attrs.allowDisconnect}
    ></connection-status>`,
  );
  await until(() => part(el, 'badge'), `connection ${id} never rendered`);
  return el;
}

function connectionOf(backend: MockBackend, id: string): Connection {
  return backend.store.connections.find((connection) => connection.id === id)!;
}

function hoursAgo(hours: number): string {
  return new Date(Date.now() - hours * 3_600_000).toISOString();
}

describe('<connection-status>', () => {
  let backend: MockBackend;

  beforeEach(async () => {
    backend = await useMockBackend({ scenario: 'connections-every-status' });
    // App names come from the catalog once it is loaded.
    await getClient().catalog.load();
  });

  describe('status badge', () => {
    const cases = [
      ['con_status01', 'connected', 'Connected'],
      ['con_status02', 'error', 'Needs attention'],
      ['con_status03', 'expired', 'Expired'],
      ['con_status04', 'needs_reauth', 'Needs attention'],
    ] as const;
    for (const [id, status, label] of cases) {
      it(`${status}: text, icon and reflected status`, async () => {
        const el = await render(id);
        const badge = part(el, 'badge')!;
        expect(badge.textContent!.trim()).to.equal(label);
        const icon = badge.querySelector('svg')!;
        expect(icon.getAttribute('aria-hidden')).to.equal('true');
        expect(icon.querySelector('path, circle')).not.to.equal(null);
        expect(el.getAttribute('status')).to.equal(status);
        await expect(el).to.be.accessible();
      });
    }

    it('status is read-only: the element derives it, a host cannot overwrite it', async () => {
      const el = await render('con_status01');
      expect(el.status).to.equal('connected');
      expect(() => {
        (el as { status: string }).status = 'expired';
      }).to.throw(TypeError);
      el.setAttribute('status', 'expired');
      el.requestUpdate();
      await el.updateComplete;
      expect(el.status).to.equal('connected');
      expect(el.getAttribute('status')).to.equal('connected');
      expect(part(el, 'badge')!.textContent!.trim()).to.equal('Connected');
      button(el, 'Test Pipedrive connection').click();
      expect(el.status).to.equal('testing');
      await el.updateComplete;
      expect(el.getAttribute('status')).to.equal('testing');
    });

    it('shows the app name, account label and logo', async () => {
      const el = await render('con_status01');
      expect(text(el)).to.contain('Pipedrive');
      expect(text(el)).to.contain('jane@acme.example');
      expect(part(el, 'logo')).not.to.equal(null);
    });

    it('fetches the app name itself when no catalog is loaded', async () => {
      const fresh = await useMockBackend({ scenario: 'connections-every-status' });
      const el = await render('con_status01');
      await until(() => text(el).includes('Pipedrive'), `no app name in: ${text(el)}`);
      const paths = fresh.store.requests.map((request) => new URL(request.url).pathname);
      expect(paths).to.include('/v1/apps/pipedrive');
      expect(paths, 'not the whole catalog').not.to.include('/v1/apps');
    });
  });

  describe('last tested', () => {
    it('says when, in the current locale, or "Never tested"', async () => {
      const connection = { ...connectionOf(backend, 'con_status01'), lastTestedAt: hoursAgo(3) };
      const el = await fixture<ConnectionStatus>(
        html`<connection-status .connection=${connection}></connection-status>`,
      );
      await until(
        () => part(el, 'last-tested')?.textContent?.includes('Last tested'),
        'no last-tested line',
      );
      expect(part(el, 'last-tested')!.textContent!.trim()).to.equal('Last tested 3 hours ago');

      el.connection = { ...connection, lastTestedAt: null };
      await el.updateComplete;
      expect(part(el, 'last-tested')!.textContent!.trim()).to.equal('Never tested');
    });

    it('refreshes every minute while on the page, and stops when removed', async () => {
      const started = new Map<number, number>();
      const cleared: number[] = [];
      const { setInterval: realSet, clearInterval: realClear } = window;
      window.setInterval = ((handler: TimerHandler, delay?: number) => {
        const id = realSet(handler, delay);
        started.set(id, delay ?? 0);
        return id;
      }) as typeof window.setInterval;
      window.clearInterval = ((id?: number) => {
        if (id !== undefined) cleared.push(id);
        realClear(id);
      }) as typeof window.clearInterval;
      try {
        const el = await render('con_status01');
        const minuteTimers = [...started].filter(([, delay]) => delay === 60_000).map(([id]) => id);
        expect(minuteTimers).to.have.length(1);
        el.remove();
        expect(cleared).to.include(minuteTimers[0]);
      } finally {
        window.setInterval = realSet;
        window.clearInterval = realClear;
      }
    });

    it('follows the lang attribute', async () => {
      const connection = { ...connectionOf(backend, 'con_status01'), lastTestedAt: hoursAgo(3) };
      const el = await fixture<ConnectionStatus>(
        html`<connection-status lang="es" .connection=${connection}></connection-status>`,
      );
      await until(() => part(el, 'last-tested')?.textContent?.includes('3'), 'no last-tested line');
      expect(part(el, 'last-tested')!.textContent).to.contain('hace 3 horas');
    });
  });

  describe('error details popover', () => {
    it('opens from its toggle, shows the error as text with the reference, and closes on Escape', async () => {
      const el = await render('con_status02');
      const toggle = button(el, 'Details');
      const popover = part(el, 'popover')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(toggle.getAttribute('aria-controls')).to.equal(popover.id);
      toggle.click();
      await until(
        () => toggle.getAttribute('aria-expanded') === 'true',
        'the popover did not open',
      );
      await until(() => popover.style.top !== '', 'the popover was never positioned');
      const lastError = connectionOf(backend, 'con_status02').lastError!;
      expect(popover.textContent).to.contain(lastError.message);
      if (lastError.requestId) expect(popover.textContent).to.contain(lastError.requestId);
      expect(getComputedStyle(popover).position).to.equal('fixed');
      expect(popover.getBoundingClientRect().height).to.be.greaterThan(0);
      await expect(el).to.be.accessible();

      popover.focus();
      popover.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
      );
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(root(el).activeElement).to.equal(toggle);
    });

    it('opens above its toggle when there is no room below, inside the viewport', async () => {
      const wrapper = fixtureSync<HTMLDivElement>(
        html`<div><connection-status connection-id="con_status02"></connection-status></div>`,
      );
      // The card ends at the bottom edge of the viewport.
      wrapper.style.setProperty('position', 'fixed');
      wrapper.style.setProperty('inset', 'auto 0 0 auto');
      const el = wrapper.querySelector('connection-status')!;
      await until(() => part(el, 'badge'), 'never rendered');
      const toggle = button(el, 'Details');
      toggle.click();
      const popover = part(el, 'popover')!;
      await until(() => popover.style.top !== '', 'the popover was never positioned');
      const box = popover.getBoundingClientRect();
      expect(popover.dataset['placement']).to.equal('top-start');
      expect(box.bottom).to.be.at.most(toggle.getBoundingClientRect().top);
      expect(box.right).to.be.at.most(document.documentElement.clientWidth);
      expect(box.top).to.be.at.least(0);
    });

    it('is not clipped by a host with overflow: hidden', async () => {
      const wrapper = fixtureSync<HTMLDivElement>(
        html`<div class="clip">
          <connection-status connection-id="con_status02"></connection-status>
        </div>`,
      );
      wrapper.style.setProperty('overflow', 'hidden');
      wrapper.style.setProperty('block-size', '160px');
      const el = wrapper.querySelector('connection-status')!;
      await until(() => part(el, 'badge'), 'never rendered');
      button(el, 'Details').click();
      const popover = part(el, 'popover')!;
      await until(() => popover.style.top !== '', 'the popover was never positioned');
      const box = popover.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      expect(hit).to.equal(el);
    });
  });

  describe('Test', () => {
    it('runs the test, shows "Testing…" meanwhile, then announces "Test passed"', async () => {
      const el = await render('con_status01');
      const test = button(el, 'Test Pipedrive connection');
      const tested = oneEvent(el, 'pb-connection-test') as Promise<ConnectionTestEvent>;
      test.focus();
      test.click();
      await el.updateComplete;
      // aria-disabled, not disabled: a disabled button would drop keyboard focus to <body>.
      expect(test.getAttribute('aria-disabled')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(test);
      expect(test.textContent!.trim()).to.equal('Testing…');
      expect(el.getAttribute('status')).to.equal('testing');
      const { result } = await tested;
      expect(result.ok).to.equal(true);
      await until(
        () => part(el, 'test-result')?.textContent?.includes('Test passed'),
        'no inline result',
      );
      await until(
        () => root(el).querySelector('[role="status"]')?.textContent?.includes('Test passed'),
        'the result was not announced',
      );
      expect(test.disabled).to.equal(false);
      expect(part(el, 'last-tested')!.textContent).not.to.contain('Never');
    });

    it('a failed test says what, why and what to do, with the reference the backend recorded', async () => {
      const el = await render('con_status02');
      const tested = oneEvent(el, 'pb-connection-test') as Promise<ConnectionTestEvent>;
      button(el, /^Test /).click();
      const { result } = await tested;
      expect(result.ok).to.equal(false);
      await until(() => part(el, 'test-result')?.querySelector('[role="alert"]'), 'no failure');
      const alert = part(el, 'test-result')!.querySelector<HTMLElement>('[role="alert"]')!;
      expect(alert.querySelector('.error__title')?.textContent?.trim()).to.equal('Test failed');
      expect(alert.querySelector('.error__message')?.textContent?.trim()).to.equal(result.message);
      expect(alert.querySelector('.error__cause')?.textContent?.trim()).to.equal(
        'The app no longer accepts the saved details. Enter new ones to reconnect.',
      );
      // The reference is the one the backend stored with this failure: support finds the request.
      const recorded = connectionOf(backend, 'con_status02').lastError!.requestId!;
      expect(recorded).to.equal(result.connection.lastError?.requestId);
      expect(alert.querySelector('.error__reference')?.textContent).to.contain(
        `Reference: ${recorded}`,
      );
      expect(alert.querySelector('button.error__copy .error__copy-label')?.textContent).to.equal(
        'Copy reference',
      );
      await expect(el).to.be.accessible();
      // The one action that helps: enter the details again, in the update dialog.
      button(el, 'Enter new details').click();
      await until(() => root(el).querySelector('connect-dialog')?.open, 'the dialog did not open');
      expect(root(el).querySelector<ConnectDialog>('connect-dialog')!.connectionId).to.equal(
        'con_status02',
      );
    });

    it('a test failed by a provider outage says so and offers to test again', async () => {
      backend = await useMockBackend({ scenario: 'provider-down' });
      const id = backend.store.connections[0]!.id;
      const el = await render(id);
      button(el, /^Test /).click();
      await until(() => part(el, 'test-result')?.querySelector('[role="alert"]'), 'no failure');
      expect(text(el)).to.contain('It may be down or under maintenance. Try again later.');
      const requests = backend.store.requests.length;
      button(el, 'Test again').click();
      await until(
        () => backend.store.requests.slice(requests).some((r) => r.url.endsWith('/test')),
        'Test again did not test',
      );
    });
  });

  describe('provider health', () => {
    for (const [status, words] of [
      [
        'degraded',
        'Pipedrive is having problems right now, so this connection may not work as expected.',
      ],
      [
        'down',
        'Pipedrive is unavailable right now. This connection will work again once it’s back.',
      ],
    ] as const) {
      it(`${status}: says what it means for this connection, in words`, async () => {
        const summary = getClient().catalog.find('pipedrive')!;
        const el = await fixture<ConnectionStatus>(
          html`<connection-status
            connection-id="con_status01"
            .app=${{ ...summary, health: { status, message: 'Scheduled maintenance' } }}
          ></connection-status>`,
        );
        await until(() => part(el, 'health'), 'no health notice');
        const notice = part(el, 'health')!;
        expect(notice.getAttribute('role')).to.equal('note');
        expect(notice.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
          `${words} Scheduled maintenance`,
        );
        expect(notice.querySelector('svg[aria-hidden="true"]')).to.not.equal(null);
        await expect(el).to.be.accessible();
      });
    }

    it('operational: no notice', async () => {
      const el = await render('con_status01');
      expect(part(el, 'health')).to.equal(null);
    });
  });

  describe('Update', () => {
    it('opens <connect-dialog> in update mode for this connection', async () => {
      const el = await render('con_status01');
      button(el, 'Update Pipedrive connection').click();
      await until(() => root(el).querySelector('connect-dialog')?.open, 'the dialog did not open');
      const dialog = root(el).querySelector<ConnectDialog>('connect-dialog')!;
      expect(dialog.connectionId).to.equal('con_status01');
      await until(
        () =>
          dialog.shadowRoot
            ?.querySelector('[part~="title"]')
            ?.textContent?.includes('Update your Pipedrive connection'),
        'the dialog is not in update mode',
      );
    });
  });

  describe('Disconnect', () => {
    it('appears only with allow-disconnect', async () => {
      const el = await render('con_status01');
      expect(() => button(el, 'Disconnect Pipedrive')).to.throw();
    });

    it('asks inside the component, then removes and tells the host', async () => {
      const el = await render('con_status01', { allowDisconnect: true });
      button(el, 'Disconnect Pipedrive').click();
      const confirm = await partAfterClick(el, 'confirm');
      expect(confirm.textContent).to.contain('Disconnect Pipedrive?');
      await until(
        () => root(el).activeElement === button(el, 'Cancel'),
        'focus did not move to Cancel',
      );
      await expect(el).to.be.accessible();

      button(el, 'Cancel').click();
      await el.updateComplete;
      expect(part(el, 'confirm')).to.equal(null);
      expect(
        backend.store.connections.some((connection) => connection.id === 'con_status01'),
      ).to.equal(true);

      button(el, 'Disconnect Pipedrive').click();
      const confirmButton = await partAfterClick(el, 'confirm-disconnect');
      const removed = oneEvent(el, 'pb-connection-remove') as Promise<ConnectionRemoveEvent>;
      confirmButton.click();
      const event = await removed;
      expect(event.connectionId).to.equal('con_status01');
      expect(event.revocation).to.equal('not_supported');
      expect(
        backend.store.connections.some((connection) => connection.id === 'con_status01'),
      ).to.equal(false);
      expect(part(el, 'revoke-notice')).to.equal(null);
    });

    it('says so when the service did not confirm it withdrew the access', async () => {
      const el = await render('con_status04', { allowDisconnect: true });
      const appKey = connectionOf(backend, 'con_status04').app;
      const appName = getClient().catalog.apps.find((app) => app.key === appKey)!.name;
      backend.failNextRevocation();
      button(el, `Disconnect ${appName}`).click();
      const confirmButton = await partAfterClick(el, 'confirm-disconnect');
      const removed = oneEvent(el, 'pb-connection-remove') as Promise<ConnectionRemoveEvent>;
      confirmButton.click();
      expect((await removed).revocation).to.equal('failed');
      await el.updateComplete;
      expect(text(el)).to.contain(`${appName} was disconnected.`);
      expect(part(el, 'revoke-notice')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        `${appName} did not confirm that it withdrew access. To be sure, remove the access in your ${appName} account settings.`,
      );
      expect(
        backend.store.connections.some((connection) => connection.id === 'con_status04'),
      ).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  describe('accessibility', () => {
    it('names every button with the app, starting with its visible label; targets ≥ 24×24', async () => {
      const el = await render('con_status02', { allowDisconnect: true });
      const appKey = connectionOf(backend, 'con_status02').app;
      const appName = getClient().catalog.apps.find((app) => app.key === appKey)!.name;
      for (const name of [
        `Test ${appName} connection`,
        `Update ${appName} connection`,
        `Disconnect ${appName}`,
      ]) {
        expect(button(el, name).disabled).to.equal(false);
      }
      for (const candidate of Array.from(root(el).querySelectorAll('button'))) {
        const visible = candidate.textContent!.replace(/\s+/g, ' ').trim();
        expect(
          nameOf(candidate).startsWith(visible),
          `"${nameOf(candidate)}" starts with "${visible}"`,
        ).to.equal(true);
        const box = candidate.getBoundingClientRect();
        expect(box.width).to.be.at.least(24);
        expect(box.height).to.be.at.least(24);
      }
    });
  });

  describe('offline recovery', () => {
    it('loads the connection again by itself when the browser comes back online', async () => {
      backend.useScenario('offline');
      const el = await fixture<ConnectionStatus>(
        html`<connection-status connection-id="con_status01"></connection-status>`,
      );
      await until(
        () => text(el).includes('We’ll try again by ourselves as soon as you’re back online.'),
        `no offline error; saw: ${text(el)}`,
      );
      backend.useScenario('connections-every-status');
      window.dispatchEvent(new Event('online'));
      await until(() => part(el, 'badge'), 'coming back online did not load the connection');
      expect(root(el).querySelector('[role="alert"]')).to.equal(null);
    });
  });

  describe('hostile data', () => {
    it('renders server strings as text', async () => {
      const markup = '<img src=x onerror="window.__pwnedStatus=1">';
      const connection: Connection = {
        ...connectionOf(backend, 'con_status02'),
        label: markup,
        lastError: { code: 'x', message: markup, requestId: markup },
      };
      const el = await fixture<ConnectionStatus>(
        html`<connection-status .connection=${connection}></connection-status>`,
      );
      await until(() => part(el, 'badge'), 'never rendered');
      button(el, 'Details').click();
      await el.updateComplete;
      expect(root(el).querySelector('img[src="x"]')).to.equal(null);
      expect(text(el)).to.contain(markup);
      expect((window as { __pwnedStatus?: number }).__pwnedStatus).to.equal(undefined);
    });
  });
});
