import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { getClient, REMOTE_SEARCH_THRESHOLD } from '@plugboard/core';
import type { MockBackend } from '@plugboard/mocks';
import { hostileCatalog } from '@plugboard/mocks';
import type { App, AppSummary } from '@plugboard/contract';
import '../define/app-picker.js';
import type { AppPicker } from './app-picker.js';
import type { AppSelectEvent, RequestAppEvent } from './app-picker.events.js';
import { generatedApps, namedApps } from '../test-support/apps.js';
import {
  holdIdleCallbacks,
  releaseIdleCallbacks,
  runHeldIdleCallbacks,
} from '../test-support/idle-callbacks.js';
import { requestsTo, useMockBackend, useNoBackend } from '../test-support/mock-backend.js';

/** Server-side searches (GET /v1/apps?q=…) the backend received for `query`. */
function searchesFor(backend: MockBackend, query: string): number {
  return backend.store.requests.filter(
    (request) => new URL(request.url).searchParams.get('q') === query,
  ).length;
}

function root(el: AppPicker): ShadowRoot {
  return el.shadowRoot!;
}

function input(el: AppPicker): HTMLInputElement {
  return root(el).querySelector<HTMLInputElement>('[role="combobox"]')!;
}

function options(el: AppPicker): HTMLElement[] {
  return Array.from(root(el).querySelectorAll<HTMLElement>('[role="option"]'));
}

function optionNames(el: AppPicker): string[] {
  return options(el).map((option) => option.querySelector('.option__name')!.textContent!.trim());
}

function part(el: AppPicker, name: string): HTMLElement | null {
  return root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
}

/** "Ask for it", the button of "Can't find your app?". */
function requestButton(el: AppPicker): HTMLButtonElement | undefined {
  return Array.from(root(el).querySelectorAll('button')).find(
    (candidate) => candidate.textContent?.trim() === 'Ask for it',
  );
}

function activeOption(el: AppPicker): HTMLElement | null {
  const id = input(el).getAttribute('aria-activedescendant');
  return id ? root(el).getElementById(id) : null;
}

async function press(el: AppPicker, key: string): Promise<KeyboardEvent> {
  const event = new KeyboardEvent('keydown', {
    key,
    bubbles: true,
    composed: true,
    cancelable: true,
  });
  input(el).dispatchEvent(event);
  await el.updateComplete;
  return event;
}

async function type(el: AppPicker, text: string): Promise<void> {
  const field = input(el);
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** `sessionRecent`: use the page session's recent apps instead of none (tests stay independent). */
async function renderStatic(
  apps: readonly AppSummary[],
  attrs: { layout?: string; sessionRecent?: boolean } = {},
) {
  const el = await fixture<AppPicker>(
    html`<app-picker
      .apps=${apps}
      .recent=${attrs.sessionRecent ? undefined : []}
      layout=${attrs.layout ?? 'list'}
    ></app-picker>`,
  );
  await waitUntil(() => input(el), 'the picker did not render');
  return el;
}

describe('<app-picker>', () => {
  describe('with static apps and no backend', () => {
    beforeEach(() => useNoBackend());

    it('is an APG combobox whose listbox is in the same shadow root', async () => {
      const el = await renderStatic(namedApps());
      const combobox = input(el);
      expect(combobox.getAttribute('aria-autocomplete')).to.equal('list');
      expect(combobox.getAttribute('aria-expanded')).to.equal('true');
      const listbox = root(el).getElementById(combobox.getAttribute('aria-controls')!);
      expect(listbox?.getAttribute('role')).to.equal('listbox');
      const label = root(el).querySelector(`label[for="${combobox.id}"]`);
      expect(label?.textContent?.trim()).to.equal('Search apps');
      expect(options(el).every((option) => option.id !== '')).to.equal(true);
    });

    it('shows every app, most popular first, with no backend configured', async () => {
      const el = await renderStatic(namedApps());
      expect(optionNames(el)).to.deep.equal([
        'Google Sheets',
        'Pipedrive',
        'HubSpot',
        'Mailchimp',
        'Zendesk',
      ]);
      expect(root(el).querySelector('[role="alert"]')).to.equal(null);
    });

    it('searches as the user types', async () => {
      const el = await renderStatic(namedApps());
      await type(el, 'pipe');
      expect(optionNames(el)).to.deep.equal(['Pipedrive']);
      await type(el, 'hubspto');
      expect(optionNames(el)).to.deep.equal(['HubSpot']);
    });

    it('moves the active option with the arrow keys, Home and End', async () => {
      const el = await renderStatic(namedApps());
      await press(el, 'ArrowDown');
      expect(activeOption(el)?.textContent).to.contain('Google Sheets');
      expect(activeOption(el)?.getAttribute('aria-selected')).to.equal('true');
      await press(el, 'ArrowDown');
      expect(activeOption(el)?.textContent).to.contain('Pipedrive');
      await press(el, 'ArrowUp');
      expect(activeOption(el)?.textContent).to.contain('Google Sheets');
      await press(el, 'End');
      expect(activeOption(el)?.textContent).to.contain('Zendesk');
      await press(el, 'ArrowDown');
      expect(activeOption(el)?.textContent).to.contain('Zendesk');
      await press(el, 'Home');
      expect(activeOption(el)?.textContent).to.contain('Google Sheets');
      const selected = options(el).filter(
        (option) => option.getAttribute('aria-selected') === 'true',
      );
      expect(selected).to.have.length(1);
    });

    it('moves a page at a time with PageDown and PageUp', async () => {
      const el = await renderStatic(generatedApps(200));
      await press(el, 'ArrowDown');
      await press(el, 'PageDown');
      const afterPageDown = Number(activeOption(el)?.dataset['index']);
      expect(afterPageDown).to.be.greaterThan(2);
      await press(el, 'PageUp');
      expect(activeOption(el)?.dataset['index']).to.equal('0');
    });

    it('selects the active option with Enter and reports the app', async () => {
      const el = await renderStatic(namedApps());
      await type(el, 'mail');
      await press(el, 'ArrowDown');
      const selection = oneEvent(el, 'pb-app-select') as Promise<AppSelectEvent>;
      const enter = await press(el, 'Enter');
      const event = await selection;
      expect(enter.defaultPrevented).to.equal(true);
      expect(event.app.key).to.equal('mailchimp');
      expect(event.query).to.equal('mail');
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('takes the best match with Enter when nothing is highlighted after typing', async () => {
      const el = await renderStatic(namedApps());
      await type(el, 'pipe');
      const selection = oneEvent(el, 'pb-app-select') as Promise<AppSelectEvent>;
      await press(el, 'Enter');
      expect((await selection).app.key).to.equal('pipedrive');
    });

    it('ignores Enter on an empty query with nothing highlighted', async () => {
      const el = await renderStatic(namedApps());
      let selected = false;
      el.addEventListener('pb-app-select', () => (selected = true));
      const enter = await press(el, 'Enter');
      expect(enter.defaultPrevented).to.equal(false);
      expect(selected).to.equal(false);
    });

    it('selects an option on click', async () => {
      const el = await renderStatic(namedApps());
      const selection = oneEvent(el, 'pb-app-select') as Promise<AppSelectEvent>;
      options(el)[1]!.click();
      expect((await selection).app.key).to.equal('pipedrive');
    });

    it('clears the query with Escape, and lets Escape through when already empty', async () => {
      const el = await renderStatic(namedApps());
      await type(el, 'zen');
      const first = await press(el, 'Escape');
      expect(first.defaultPrevented).to.equal(true);
      expect(input(el).value).to.equal('');
      expect(options(el)).to.have.length(5);
      const second = await press(el, 'Escape');
      expect(second.defaultPrevented).to.equal(false);
    });

    it('moves by row and column in the grid layout', async () => {
      const el = await renderStatic(generatedApps(40), { layout: 'grid' });
      el.style.inlineSize = '40rem';
      await waitUntil(() => {
        const columns = getComputedStyle(
          root(el).querySelector('.listbox__items')!,
        ).gridTemplateColumns.split(' ').length;
        return columns > 1;
      });
      await aTimeout(150);
      const columns = getComputedStyle(
        root(el).querySelector('.listbox__items')!,
      ).gridTemplateColumns.split(' ').length;
      await press(el, 'ArrowRight');
      expect(activeOption(el)?.dataset['index']).to.equal('0');
      await press(el, 'ArrowRight');
      expect(activeOption(el)?.dataset['index']).to.equal('1');
      await press(el, 'ArrowDown');
      expect(activeOption(el)?.dataset['index']).to.equal(String(1 + columns));
      await press(el, 'ArrowLeft');
      expect(activeOption(el)?.dataset['index']).to.equal(String(columns));
    });

    it('keeps 10,000 apps to a few DOM rows, and renders the active one', async () => {
      const el = await renderStatic(generatedApps(10_000));
      expect(options(el).length).to.be.lessThan(60);
      await press(el, 'End');
      const last = activeOption(el);
      expect(last?.textContent).to.contain('App 10000');
      expect(options(el).length).to.be.lessThan(60);
      const listbox = root(el).querySelector<HTMLElement>('[role="listbox"]')!;
      await waitUntil(() => listbox.scrollTop > 0, 'the list did not scroll to the end');
      const listboxBox = listbox.getBoundingClientRect();
      const optionBox = last!.getBoundingClientRect();
      expect(optionBox.bottom).to.be.at.most(listboxBox.bottom + 1);
      expect(optionBox.top).to.be.at.least(listboxBox.top - 1);
    });

    it('answers a keystroke during the index build from the popular apps, then from all', async () => {
      holdIdleCallbacks(); // the build runs in idle callbacks: hold it to type in the middle of it
      try {
        const el = await renderStatic(generatedApps(3_000));
        await type(el, '2999'); // the least popular but one: beyond the 2,048 indexed first
        expect(optionNames(el), 'answered at once, from the most popular apps').not.to.include(
          'App 2999',
        );
        runHeldIdleCallbacks();
        await el.updateComplete;
        expect(optionNames(el), 'searched again once the index was complete').to.include(
          'App 2999',
        );
      } finally {
        releaseIdleCallbacks();
      }
    });

    it('says it is still searching, not that nothing matches, until the less popular apps are indexed', async () => {
      holdIdleCallbacks();
      try {
        const el = await renderStatic(generatedApps(3_000));
        await type(el, '2998'); // only the least popular apps match
        const status = root(el).querySelector('.state[role="status"]');
        expect(status?.textContent?.trim()).to.equal('Searching all apps…');
        expect(root(el).textContent).not.to.contain('No apps match');
        expect(requestButton(el), 'no offer to ask for an app that may exist').to.equal(undefined);
        await aTimeout(600); // past the pause after typing, when the result count is announced
        const region = root(el).querySelector('[aria-live="polite"]')!;
        expect(region.textContent, 'no count announced before the answer').not.to.contain('apps');
        runHeldIdleCallbacks();
        await el.updateComplete;
        expect(optionNames(el)).to.include('App 2998');
        await waitUntil(
          () => /\d+ apps?/.test(region.textContent ?? ''),
          'the count was not announced once the answer was in',
        );
      } finally {
        releaseIdleCallbacks();
      }
    });

    it('keeps where the user scrolled when it renders before the scroll event', async () => {
      const el = await renderStatic(generatedApps(500));
      const listbox = root(el).querySelector<HTMLElement>('[role="listbox"]')!;
      listbox.scrollTop = 600;
      // A render squeezed in before the `scroll` event (a store update, a timer) must not snap
      // the list back to the last position the picker knew.
      el.requestUpdate();
      await el.updateComplete;
      expect(listbox.scrollTop).to.equal(600);
    });

    it('filters by category', async () => {
      const el = await renderStatic(namedApps());
      const select = root(el).querySelector<HTMLSelectElement>('select')!;
      expect(Array.from(select.options).map((option) => option.text.trim())).to.deep.equal([
        'All categories',
        'CRM',
        'Marketing',
        'Spreadsheets',
        'Support',
      ]);
      select.value = 'CRM';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      expect(optionNames(el)).to.deep.equal(['Pipedrive', 'HubSpot']);
    });

    it('shows a monogram when a logo is missing, unsafe or broken', async () => {
      const [withBrokenLogo, withScriptLogo, withoutLogo] = namedApps();
      const el = await renderStatic([
        { ...withBrokenLogo!, logoUrl: `${location.origin}/missing-logo-${Date.now()}.png` },
        { ...withScriptLogo!, logoUrl: 'javascript:alert(1)' },
        { ...withoutLogo!, logoUrl: null },
      ]);
      const images = root(el).querySelectorAll('img');
      expect(images).to.have.length(1);
      expect(images[0]!.loading).to.equal('lazy');
      // A background test tab may never start lazy loads; loading eagerly keeps the same error path.
      images[0]!.loading = 'eager';
      await waitUntil(() => images[0]!.hidden, 'the broken logo was not hidden', { timeout: 4000 });
      expect(root(el).querySelectorAll('.logo__monogram')).to.have.length(3);
      const brokenOption = options(el).find((option) =>
        option.textContent?.includes(withBrokenLogo!.name),
      )!;
      expect(brokenOption.querySelector('.logo__monogram')?.textContent?.trim()).to.equal('P');
      expect(brokenOption.querySelector('img')?.hidden).to.equal(true);
    });

    it('keeps the thanks announced when the request comes before typing paused', async () => {
      const el = await renderStatic(namedApps());
      await type(el, 'qqqqzz');
      requestButton(el)!.click();
      const region = root(el).querySelector('[aria-live="polite"]')!;
      await waitUntil(
        () => region.textContent?.includes('Thanks!'),
        'the thanks was not announced',
      );
      await aTimeout(600); // past the pause after typing, when the result count is announced
      expect(region.textContent).to.contain('Thanks!');
    });

    it('offers to request an app when nothing matches, then thanks the user', async () => {
      const el = await renderStatic(namedApps());
      await type(el, 'qqqqzz');
      expect(options(el)).to.have.length(0);
      expect(input(el).getAttribute('aria-expanded')).to.equal('false');
      expect(root(el).textContent).to.contain('No apps match “qqqqzz”');
      await expect(el).to.be.accessible();
      const request = oneEvent(el, 'pb-request-app') as Promise<RequestAppEvent>;
      requestButton(el)!.click();
      const event = await request;
      expect([event.query, event.category]).to.deep.equal(['qqqqzz', undefined]);
      await el.updateComplete;
      expect(requestButton(el)).to.equal(undefined);
      expect(part(el, 'request-sent')?.textContent?.trim()).to.equal(
        'Thanks! We’ve passed on your request for “qqqqzz”.',
      );
      const region = root(el).querySelector('[aria-live="polite"]')!;
      await waitUntil(
        () => region.textContent?.includes('Thanks!'),
        'the thanks was not announced',
      );
      expect(root(el).activeElement).to.equal(input(el), 'focus went back to the search');
      await expect(el).to.be.accessible();
      // A new search may be requested again.
      await type(el, 'qqqqzzx');
      expect(part(el, 'request-sent')).to.equal(null);
      expect(requestButton(el)).to.not.equal(undefined);
    });

    it('offers it under the list too when a search finds fewer than 3 apps', async () => {
      const el = await renderStatic(namedApps());
      await type(el, 'zendesk');
      expect(optionNames(el)).to.deep.equal(['Zendesk']);
      const offer = part(el, 'request')!;
      expect(offer.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
        'Can’t find your app? Ask for it',
      );
      expect(requestButton(el)!.getAttribute('aria-describedby')).to.equal('request-prompt');
      const request = oneEvent(el, 'pb-request-app') as Promise<RequestAppEvent>;
      requestButton(el)!.click();
      expect((await request).query).to.equal('zendesk');
      await el.updateComplete;
      expect(part(el, 'request-sent')?.textContent).to.contain('“zendesk”');
      await expect(el).to.be.accessible();

      await type(el, '');
      expect(options(el).length).to.be.greaterThan(3);
      expect(part(el, 'request'), 'not on an empty search').to.equal(null);

      const many = await renderStatic(generatedApps(3));
      await type(many, 'app');
      expect(options(many)).to.have.length(3);
      expect(part(many, 'request'), 'not with 3 results or more').to.equal(null);
    });

    it('leaves the follow-up to a host that cancels the request event', async () => {
      const el = await renderStatic(namedApps());
      await type(el, 'qqqqzz');
      el.addEventListener('pb-request-app', (event) => event.preventDefault(), { once: true });
      requestButton(el)!.click();
      await el.updateComplete;
      expect(part(el, 'request-sent')).to.equal(null);
      expect(requestButton(el)).to.not.equal(undefined);
    });

    it('badges an app whose provider is in trouble with words and an icon', async () => {
      const [pipedrive, hubspot, ...rest] = namedApps();
      const el = await renderStatic([
        { ...pipedrive!, health: { status: 'degraded', message: 'Slow' } },
        { ...hubspot!, health: { status: 'down' } },
        ...rest,
      ]);
      const badgeOf = (name: string) =>
        options(el)
          .find((option) => option.querySelector('.option__name')?.textContent?.trim() === name)!
          .querySelector<HTMLElement>('[part~="health-badge"]');
      expect(badgeOf('Pipedrive')?.textContent?.trim()).to.equal('Having problems');
      expect(badgeOf('HubSpot')?.textContent?.trim()).to.equal('Unavailable');
      expect(badgeOf('HubSpot')?.dataset['health']).to.equal('down');
      expect(badgeOf('Pipedrive')?.querySelector('svg[aria-hidden="true"]')).to.not.equal(null);
      expect(badgeOf('Zendesk')).to.equal(null);
      // The option's accessible name carries the badge's words: not colour alone.
      const option = badgeOf('HubSpot')!.closest('[role="option"]')!;
      expect(option.textContent).to.contain('Unavailable');
      await expect(el).to.be.accessible();
    });

    it('announces the number of results after typing pauses', async () => {
      const el = await renderStatic(namedApps());
      await type(el, 'o');
      const region = root(el).querySelector('[aria-live="polite"]')!;
      await waitUntil(() => /\d+ apps?/.test(region.textContent ?? ''), 'no announcement');
      expect(region.textContent?.trim()).to.equal(`${options(el).length} apps`);
    });

    it('renders a hostile catalog as text only', async () => {
      const el = await renderStatic(hostileCatalog());
      const shadow = root(el);
      expect(shadow.querySelectorAll('script, iframe, object, embed')).to.have.length(0);
      for (const element of shadow.querySelectorAll('*')) {
        for (const attribute of Array.from(element.attributes)) {
          expect(
            attribute.name.startsWith('on'),
            `${attribute.name} on <${element.localName}>`,
          ).to.equal(false);
        }
        for (const name of ['href', 'src', 'action', 'formaction']) {
          const value = element.getAttribute(name)?.trim().toLowerCase() ?? '';
          expect(value.startsWith('javascript:'), `${name}="${value}"`).to.equal(false);
        }
      }
      for (const image of shadow.querySelectorAll('img')) {
        expect(new URL(image.src).protocol).to.match(/^https?:$/);
      }
    });

    it('shows recently chosen apps first on an empty search', async () => {
      const none = await renderStatic(namedApps());
      expect(none.shadowRoot!.getElementById('caption')?.textContent).to.equal('Popular');
      const first = await renderStatic(namedApps(), { sessionRecent: true });
      await type(first, 'zen');
      await press(first, 'ArrowDown');
      await press(first, 'Enter');
      const second = await renderStatic(namedApps(), { sessionRecent: true });
      const names = optionNames(second);
      expect(names[0]).to.equal('Zendesk');
      expect(options(second)[0]!.textContent).to.contain('Recently used');
      expect(names.filter((name) => name === 'Zendesk')).to.have.length(1);
      expect(second.shadowRoot!.getElementById('caption')?.textContent).to.equal(
        'Recently used and popular',
      );
    });

    it('is accessible in the list and grid layouts', async () => {
      const list = await renderStatic(namedApps());
      await press(list, 'ArrowDown');
      await expect(list).to.be.accessible();
      const grid = await renderStatic(namedApps(), { layout: 'grid' });
      await expect(grid).to.be.accessible();
    });
  });

  describe('with the mock backend', function () {
    // Retries with backoff run for real: generous on a busy machine.
    this.timeout(15_000);

    it('loads the catalog and shows connection counts as badges', async () => {
      const backend = await useMockBackend({ scenario: 'default' });
      const connected = backend.store.connections[0]!;
      const el = await fixture<AppPicker>(html`<app-picker></app-picker>`);
      await waitUntil(() => options(el).length > 0, 'the catalog did not load');
      const client = getClient();
      await waitUntil(() => client.connections.state === 'ready');
      await el.updateComplete;
      const app = client.catalog.find(connected.app)!;
      await type(el, app.name);
      const option = options(el).find((candidate) => candidate.textContent?.includes(app.name))!;
      const count = client.connections.countFor(app.key);
      expect(option.querySelector('[part~="connected-badge"]')?.textContent?.trim()).to.equal(
        `${count} connected`,
      );
      await expect(el).to.be.accessible();
    });

    it('shows the loading state, then an error with Retry that recovers', async () => {
      const backend = await useMockBackend({ scenario: 'server-error' });
      const el = await fixture<AppPicker>(html`<app-picker></app-picker>`);
      expect(root(el).querySelector('.state[role="status"]')?.textContent ?? '').to.contain(
        'Loading apps',
      );
      await expect(el).to.be.accessible();
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no error shown', {
        timeout: 4000,
      });
      const alert = root(el).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('We couldn’t load the list of apps.');
      await expect(el).to.be.accessible();
      backend.useScenario('default');
      const retry = Array.from(alert.querySelectorAll('button')).find(
        (button) => button.textContent?.trim() === 'Retry',
      )!;
      retry.click();
      await waitUntil(() => options(el).length > 0, 'Retry did not load the catalog');
      expect(root(el).querySelector('[role="alert"]')).to.equal(null);
    });

    it('loads again by itself when the browser comes back online after a network failure', async () => {
      const backend = await useMockBackend({ scenario: 'offline' });
      const el = await fixture<AppPicker>(html`<app-picker></app-picker>`);
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no error shown', {
        timeout: 8000,
      });
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain(
        'We’ll try again by ourselves as soon as you’re back online.',
      );
      backend.useScenario('default');
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => options(el).length > 0, 'coming back online did not load the catalog');
      expect(root(el).querySelector('[role="alert"]')).to.equal(null);
      // Loaded: the listener is gone, so another `online` sends nothing.
      const before = requestsTo(backend, '/v1/apps');
      window.dispatchEvent(new Event('online'));
      await aTimeout(100);
      expect(requestsTo(backend, '/v1/apps')).to.equal(before);
    });

    it('listens for `online` only while a network failure waits, and not after removal', async () => {
      const listening = new Set<unknown>();
      const { addEventListener: add, removeEventListener: remove } = window;
      window.addEventListener = function (this: Window, ...args: Parameters<typeof add>) {
        if (args[0] === 'online') listening.add(args[1]);
        return add.apply(this, args);
      } as typeof add;
      window.removeEventListener = function (this: Window, ...args: Parameters<typeof remove>) {
        if (args[0] === 'online') listening.delete(args[1]);
        return remove.apply(this, args);
      } as typeof remove;
      try {
        await useMockBackend({ scenario: 'offline' });
        const el = await fixture<AppPicker>(html`<app-picker></app-picker>`);
        expect(listening.size).to.equal(0);
        await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no error shown', {
          timeout: 8000,
        });
        expect(listening.size).to.equal(1);
        el.remove();
        expect(listening.size).to.equal(0);
      } finally {
        window.addEventListener = add;
        window.removeEventListener = remove;
      }
    });

    it('reports a request for an app to the event stream', async () => {
      await useMockBackend({ scenario: 'default' });
      const el = await fixture<AppPicker>(html`<app-picker category="CRM"></app-picker>`);
      await waitUntil(() => options(el).length > 0);
      const requests: unknown[] = [];
      const stop = getClient().events.on('app_requested', (event) => requests.push(event.detail));
      await type(el, 'qqqqzz');
      requestButton(el)!.click();
      stop();
      expect(requests).to.deep.equal([{ query: 'qqqqzz', category: 'CRM' }]);
    });

    it('reports a settled search to the event stream', async () => {
      await useMockBackend({ scenario: 'default' });
      const el = await fixture<AppPicker>(html`<app-picker></app-picker>`);
      await waitUntil(() => options(el).length > 0);
      const searches: unknown[] = [];
      const stop = getClient().events.on('search', (event) => searches.push(event.detail));
      await type(el, 'p');
      await type(el, 'pi');
      await type(el, 'pip');
      await waitUntil(() => searches.length > 0, 'no search event');
      await aTimeout(50);
      stop();
      expect(searches).to.deep.equal([{ query: 'pip', resultCount: options(el).length }]);
    });

    it('searches on the server above the size threshold, dropping stale answers', async () => {
      const apps: App[] = generatedApps(REMOTE_SEARCH_THRESHOLD + 1).map((app) => ({
        ...app,
        helpUrl: null,
        authMethods: [{ type: 'api_key', label: 'API key', helpUrl: null, fields: [], scopes: [] }],
        setupSteps: [],
      }));
      const backend = await useMockBackend({ scenario: 'default', catalog: apps, latencyMs: 150 });
      const el = await fixture<AppPicker>(html`<app-picker></app-picker>`);
      await waitUntil(() => options(el).length > 0, 'the first page did not load', {
        timeout: 4000,
      });
      expect(getClient().catalog.searchMode).to.equal('remote');
      await type(el, 'App 19999');
      // Let that search reach the server, then change the query before it answers.
      await waitUntil(() => searchesFor(backend, 'App 19999') === 1, 'no first search');
      await type(el, 'App 20001');
      await waitUntil(() => optionNames(el)[0] === 'App 20001', 'the newer answer did not win', {
        timeout: 4000,
      });
      await aTimeout(400);
      // The server ranks with core's index, typo tolerance included: near names follow the exact
      // one, and nothing of the stale query's answer shows.
      expect(optionNames(el)[0]).to.equal('App 20001');
      expect(optionNames(el)).to.not.include('App 19999');
      expect(searchesFor(backend, 'App 20001')).to.equal(1);
    });

    it('stops loading and sends nothing more once removed from the page', async () => {
      const backend = await useMockBackend({ scenario: 'default', latencyMs: 300 });
      const el = await fixture<AppPicker>(html`<app-picker></app-picker>`);
      await waitUntil(() => requestsTo(backend, '/v1/apps') > 0);
      el.remove();
      const before = backend.store.requests.length;
      await aTimeout(600);
      expect(backend.store.requests.length).to.equal(before);
      expect(getClient().catalog.state).to.not.equal('loading');
    });
  });
});
