// Server-side rendering: installing the plugin on a Vue app in Node must not need browser globals
// (no `window`, no `document`), must still share the configuration through `inject`, and the page
// must render the custom element's tag for the browser to upgrade. The elements' sources use legacy
// decorators, so the `test` script points tsx at the base tsconfig (TSX_TSCONFIG_PATH).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSSRApp, defineComponent, h, inject } from 'vue';
import { renderToString } from 'vue/server-renderer';

test('createPlugboard installs on a server-rendered Vue app without a window', async () => {
  const { createPlugboard, plugboardKey } = await import('@plugboard/vue');
  const fetchSessionToken = async () => 'token';
  let injected: unknown;
  const Page = defineComponent({
    setup() {
      injected = inject(plugboardKey);
      return () => h('main', [h('app-connections', { 'allow-disconnect': '' })]);
    },
  });
  const app = createSSRApp(Page).use(
    createPlugboard({ backendUrl: 'https://plugboard.example', fetchSessionToken }),
  );

  const html = await renderToString(app);

  assert.equal(html, '<main><app-connections allow-disconnect></app-connections></main>');
  assert.deepEqual(injected, { backendUrl: 'https://plugboard.example', fetchSessionToken });
  assert.equal(typeof window, 'undefined');
  assert.equal(typeof document, 'undefined');
});
