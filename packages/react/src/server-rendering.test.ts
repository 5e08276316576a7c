// Server-side rendering: importing @plugboard/react in Node and rendering a wrapper must not need
// browser globals (no `window`, no `document`), and must output the custom element's tag so the
// browser upgrades it after hydration. The elements' sources use legacy decorators, so the `test`
// script points tsx at the base tsconfig (TSX_TSCONFIG_PATH), which applies to every package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';

test('importing @plugboard/react and rendering <AppConnections /> on the server needs no window', async () => {
  // Node has no window or document: any unguarded use while importing or rendering throws here.
  const { AppConnections } = await import('@plugboard/react');
  const html = renderToString(
    createElement('main', null, createElement(AppConnections, { heading: 'Integrations' })),
  );
  assert.match(html, /^<main><app-connections[\s>]/);
  assert.match(html, /<\/app-connections><\/main>$/);
  // …and nothing installed browser globals as a side effect for code that runs after it.
  assert.equal(typeof window, 'undefined');
  assert.equal(typeof document, 'undefined');
});
