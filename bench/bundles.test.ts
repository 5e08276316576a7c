import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { buildWithCommonSettings, bundleTargets, partOf, sizesOf } from './bundles.js';

test('partOf names the innermost package of a pnpm path', () => {
  assert.equal(
    partOf('node_modules/.pnpm/lit-html@3.3.1/node_modules/lit-html/lit-html.js'),
    'lit-html',
  );
  assert.equal(
    partOf('node_modules/.pnpm/@floating-ui+dom@1.8.0/node_modules/@floating-ui/dom/dist/x.mjs'),
    '@floating-ui/dom',
  );
});

test('partOf groups workspace sources by folder', () => {
  assert.equal(
    partOf('packages/elements/src/app-picker/app-picker.ts'),
    'packages/elements/src/app-picker',
  );
});

test('sizesOf compresses: repetitive text shrinks under gzip and brotli', () => {
  const sizes = sizesOf(new TextEncoder().encode('customElements.define;'.repeat(200)));
  assert.equal(sizes.min, 4400);
  assert.ok(sizes.gzip < 200, `gzip ${sizes.gzip}`);
  assert.ok(sizes.brotli < 200, `brotli ${sizes.brotli}`);
});

test("buildWithCommonSettings measures the target's own entry, not a lazy chunk's", async () => {
  const outRoot = mkdtempSync(join(tmpdir(), 'pb-bench-test-'));
  try {
    const ours = bundleTargets.find((target) => target.name === 'ours')!;
    const built = await buildWithCommonSettings(ours, outRoot);
    assert.equal(basename(built.file), 'ours.js');
    assert.ok(built.lazyMin > 0, 'the dialog and the picker are lazy chunks');
  } finally {
    rmSync(outRoot, { recursive: true, force: true });
  }
});
