#!/usr/bin/env node
// The `plugboard-server` command. In the workspace it runs the TypeScript sources through tsx (no
// build needed); an installed package without tsx runs the built dist/cli.js.
let register;
try {
  ({ register } = await import('tsx/esm/api'));
} catch {
  register = null;
}
if (register) {
  register();
  await import(new URL('../src/cli.ts', import.meta.url).href);
} else {
  await import(new URL('../dist/cli.js', import.meta.url).href);
}
