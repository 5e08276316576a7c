// The React wrappers in a real browser under React 19 StrictMode, which mounts, unmounts and mounts
// again: one mounted element must behave as one (one listener per callback, one popup per click),
// typed callbacks receive the element's event object, and unmounting stops the element's work.
// Run: pnpm --filter @plugboard/react test:browser
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StrictMode, createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { configure, resetConfiguration } from '@plugboard/core';
import { createMockBackend, type MockBackend } from '@plugboard/mocks';
import { startMockWorker } from '@plugboard/mocks/browser';
import { AppPicker, ConnectDialog, type AppSelectEvent } from './index.js';

const BASE_URL = 'https://api.plugboard.test';
const APPS = [
  {
    key: 'pipedrive',
    name: 'Pipedrive',
    categories: ['CRM'],
    aliases: [],
    popularity: 90,
    description: 'Sales CRM',
    health: { status: 'operational' as const },
    authTypes: ['api_key' as const],
  },
];

let backend: MockBackend;
let worker: Awaited<ReturnType<typeof startMockWorker>> | undefined;
let root: Root | undefined;
let container: HTMLElement;
const originalOpen = window.open;

beforeEach(async () => {
  backend = createMockBackend({ baseUrl: BASE_URL });
  if (worker) worker.resetHandlers(...backend.handlers);
  else worker = await startMockWorker(backend);
  resetConfiguration();
  configure({ backendUrl: BASE_URL, sessionToken: 'test-session-token' });
  container = document.body.appendChild(document.createElement('div'));
});

afterEach(() => {
  root?.unmount();
  root = undefined;
  container.remove();
  window.open = originalOpen;
});

function renderStrict(node: ReactNode): void {
  root = createRoot(container);
  flushSync(() => root!.render(createElement(StrictMode, null, node)));
}

async function until<T>(find: () => T | null | undefined | false, what: string, ms = 4000) {
  const end = performance.now() + ms;
  for (;;) {
    const found = find();
    if (found) return found;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A button inside `host`'s shadow root whose text is `name`. */
function shadowButton(host: Element | null, name: string): HTMLButtonElement | undefined {
  return Array.from(host?.shadowRoot?.querySelectorAll('button') ?? []).find(
    (button) => button.textContent?.trim() === name,
  );
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('@plugboard/react in StrictMode', () => {
  it('calls a typed on… callback once with the element event', async () => {
    const selected: AppSelectEvent[] = [];
    renderStrict(createElement(AppPicker, { apps: APPS, onAppSelect: (e) => selected.push(e) }));
    const picker = container.querySelector('app-picker')!;
    const option = await until(
      () => picker.shadowRoot?.querySelector<HTMLElement>('[role="option"]'),
      'an option',
    );
    option.click();
    expect(selected).to.have.length(1);
    expect(selected[0]!.type).to.equal('pb-app-select');
    expect(selected[0]!.app.key).to.equal('pipedrive');
  });

  it('opens one popup per click after the double mount, and none on mount', async () => {
    let opened = 0;
    const popup = { closed: false, close() {}, focus() {}, location: { replace() {} } };
    popup.close = () => (popup.closed = true);
    window.open = (() => {
      opened += 1;
      return popup;
    }) as unknown as typeof window.open;

    renderStrict(createElement(ConnectDialog, { appKey: 'salesforce', open: true }));
    const dialog = container.querySelector('connect-dialog');
    const proceed = await until(
      () => shadowButton(dialog, 'Continue with Salesforce'),
      'the OAuth step',
    );
    expect(opened).to.equal(0);
    proceed.click();
    expect(opened).to.equal(1);
  });

  it('stops the element’s work when unmounted: the popup closes and no requests follow', async () => {
    const popup = { closed: false, close() {}, focus() {}, location: { replace() {} } };
    popup.close = () => (popup.closed = true);
    window.open = (() => popup) as unknown as typeof window.open;

    renderStrict(createElement(ConnectDialog, { appKey: 'salesforce', open: true }));
    const dialog = container.querySelector('connect-dialog');
    (await until(() => shadowButton(dialog, 'Continue with Salesforce'), 'the OAuth step')).click();
    await until(() => backend.store.flows.some((flow) => flow.status === 'pending'), 'a flow');

    root!.unmount();
    root = undefined;
    await until(() => popup.closed, 'the popup to close on unmount');
    // A long-poll already in flight may still land; nothing new starts after it.
    await wait(300);
    const before = backend.store.requests.length;
    await wait(2000);
    expect(backend.store.requests.length).to.equal(before);
  }, 8000);
});
