// The plugin in a real browser: `createApp(…).use(createPlugboard(…))` registers the four tags and
// shares one configuration, with the app's components (inject) and with the elements themselves.
// Run: pnpm --filter @plugboard/vue test:browser
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, defineComponent, h, inject, type App } from 'vue';
import { resetConfiguration } from '@plugboard/core';
import { createMockBackend, type MockBackend } from '@plugboard/mocks';
import { startMockWorker } from '@plugboard/mocks/browser';
import { createPlugboard, plugboardKey } from './index.js';

const BASE_URL = 'https://api.plugboard.test';
const TAGS = ['app-picker', 'connect-dialog', 'connection-status', 'app-connections'];

let backend: MockBackend;
let app: App | undefined;
let container: HTMLElement;

beforeAll(async () => {
  backend = createMockBackend({ baseUrl: BASE_URL });
  await startMockWorker(backend);
});

afterEach(() => {
  app?.unmount();
  container?.remove();
  resetConfiguration();
});

async function until<T>(find: () => T | null | undefined | false, what: string, ms = 4000) {
  const end = performance.now() + ms;
  for (;;) {
    const found = find();
    if (found) return found;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('createPlugboard', () => {
  it('registers the elements and shares the configuration with components and elements', async () => {
    const options = { backendUrl: BASE_URL, sessionToken: 'test-session-token' };
    let injected: unknown;
    const Page = defineComponent({
      setup() {
        injected = inject(plugboardKey);
        return () => h('app-connections', { heading: 'Integrations' });
      },
    });
    expect(TAGS.some((tag) => customElements.get(tag))).to.equal(false);

    container = document.body.appendChild(document.createElement('div'));
    app = createApp(Page).use(createPlugboard(options));
    app.mount(container);

    for (const tag of TAGS) expect(customElements.get(tag), tag).not.toBeUndefined();
    expect(injected).to.deep.equal(options);
    expect(Object.isFrozen(injected)).to.equal(true);
    // The element found its backend and session through the plugin's configure(): it loads the
    // end user's connections from the mock backend, with the configured token.
    await until(
      () => backend.store.requests.some((r) => new URL(r.url).pathname === '/v1/connections'),
      'the connections request',
    );
    const heading = container.querySelector('app-connections')?.shadowRoot?.querySelector('h2');
    expect(heading?.textContent?.trim()).to.equal('Integrations');
  });
});
