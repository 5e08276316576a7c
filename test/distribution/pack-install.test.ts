// The published packages, as a user gets them: `pnpm pack` each one (workspace:* becomes a version,
// publishConfig.exports replaces the source exports), install the tarballs with npm into a scratch
// project outside the workspace, and import them in Node. Needs the packages built first (the
// `build` suite); run: node scripts/node-test.mjs test/distribution
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportedFiles, type PackageJson } from './package-files.js';

const root = join(import.meta.dirname, '../..');
const PUBLISHED = ['contract', 'core', 'elements', 'react', 'vue', 'mocks', 'server'];

let scratch: string;
let installed: (name: string) => PackageJson & { dir: string };

before(() => {
  for (const pkg of PUBLISHED) {
    const dist = join(root, 'packages', pkg, 'dist');
    assert.ok(existsSync(dist), `${dist} is missing: run \`pnpm run build\` first`);
  }
  scratch = mkdtempSync(join(tmpdir(), 'pb-pack-install-'));
  const tarballs = join(scratch, 'tarballs');
  for (const pkg of PUBLISHED) {
    execFileSync('pnpm', ['pack', '--pack-destination', tarballs], {
      cwd: join(root, 'packages', pkg),
      stdio: 'pipe',
    });
  }
  const project = join(scratch, 'project');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'pb-scratch', private: true, type: 'module' }),
  );
  // --ignore-scripts: nothing here runs the server, so better-sqlite3 need not compile.
  execFileSync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--ignore-scripts',
      '--loglevel=error',
      ...readdirSync(tarballs).map((file) => join(tarballs, file)),
      'react@19',
      'react-dom@19',
      'vue@3',
    ],
    { cwd: project, stdio: 'pipe' },
  );
  installed = (name) => {
    const dir = join(project, 'node_modules', name);
    return { ...(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson), dir };
  };
});

after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Imports `specifier` from a script inside the scratch project, so Node resolves it from there. */
function importInProject(code: string): string {
  const file = join(scratch, 'project', `check-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, code);
  try {
    return execFileSync(process.execPath, [file], {
      cwd: join(scratch, 'project'),
      encoding: 'utf8',
    });
  } finally {
    rmSync(file);
  }
}

describe('packed and installed with npm', () => {
  test('each package is installed without its workspace sources in its exports', () => {
    for (const pkg of PUBLISHED) {
      const manifest = installed(`@plugboard/${pkg}`);
      assert.doesNotMatch(JSON.stringify(manifest.dependencies ?? {}), /workspace:/, pkg);
      for (const file of exportedFiles(manifest)) {
        assert.ok(
          existsSync(join(manifest.dir, file)),
          `@plugboard/${pkg} exports missing ${file}`,
        );
        assert.doesNotMatch(file, /^\.\/src\/.*\.ts$/, `@plugboard/${pkg} exports a TS source`);
      }
    }
  });

  test('sideEffects names only the modules that register elements, and the script-tag bundle', () => {
    // @plugboard/react registers on import (index → register), so a bundler must keep both;
    // the elements register only through their define entries or the script-tag bundle.
    const registering: Record<string, RegExp> = {
      elements: /^\.\/(src|dist)\/define\/\*$|^\.\/dist\/plugboard\.js$/,
      react: /^\.\/(src|dist)\/(index|register)\.(ts|js)$/,
    };
    for (const pkg of PUBLISHED) {
      const { sideEffects } = installed(`@plugboard/${pkg}`);
      const allowed = registering[pkg];
      if (!allowed) {
        assert.equal(sideEffects ?? false, false, `@plugboard/${pkg} has no side effects`);
        continue;
      }
      assert.ok(Array.isArray(sideEffects), `@plugboard/${pkg} sideEffects is a list`);
      for (const entry of sideEffects) assert.match(entry, allowed, `@plugboard/${pkg}: ${entry}`);
    }
  });

  test('the output is ES2022 modules with source maps', () => {
    for (const pkg of PUBLISHED) {
      const manifest = installed(`@plugboard/${pkg}`);
      // Built output only: a hand-written file such as @plugboard/vue/compiler.js has no map.
      for (const file of exportedFiles(manifest).filter((f) => /^\.\/dist\/.*\.js$/.test(f))) {
        const code = readFileSync(join(manifest.dir, file), 'utf8');
        assert.match(
          code,
          /^\/\/# sourceMappingURL=\S+\.js\.map$/m,
          `${pkg}/${file} has no source map`,
        );
        const map = /^\/\/# sourceMappingURL=(\S+)$/m.exec(code)?.[1] ?? '';
        assert.ok(
          existsSync(join(manifest.dir, file, '..', map)),
          `${pkg}/${file}: ${map} missing`,
        );
        // Downlevelled output would carry these helpers; ES2022 keeps classes, async and `??` as is.
        assert.doesNotMatch(code, /__awaiter|__generator|_classCallCheck/, `${pkg}/${file}`);
      }
    }
  });

  test('core, contract and mocks import in Node', () => {
    const output = importInProject(`
      const core = await import('@plugboard/core');
      const contract = await import('@plugboard/contract');
      const mocks = await import('@plugboard/mocks');
      console.log(typeof core.configure, typeof core.createClient, Object.keys(contract).length > 0, Object.keys(mocks).length > 0);
    `);
    assert.equal(output.trim(), 'function function true true');
  });

  test("the elements' class entry imports in Node (lit's node build) and registers nothing", () => {
    const output = importInProject(`
      const elements = await import('@plugboard/elements');
      console.log(typeof elements.AppConnections, typeof elements.ConnectDialog, globalThis.customElements?.get('app-connections') === undefined);
    `);
    assert.equal(output.trim(), 'function function true');
  });

  test('@plugboard/react renders on the server from the installed package', () => {
    const output = importInProject(`
      import { createElement } from 'react';
      import { renderToString } from 'react-dom/server';
      const { AppConnections } = await import('@plugboard/react');
      console.log(renderToString(createElement(AppConnections)));
    `);
    assert.match(output.trim(), /^<app-connections[\s>].*<\/app-connections>$/);
  });

  test('@plugboard/vue ships its plugin and the template typings', () => {
    const output = importInProject(`
      const { createPlugboard } = await import('@plugboard/vue');
      const { isPlugboardElement } = await import('@plugboard/vue/compiler');
      console.log(typeof createPlugboard({ backendUrl: 'https://x.example', fetchSessionToken: async () => 't' }).install, isPlugboardElement('app-picker'));
    `);
    assert.equal(output.trim(), 'function true');
    const vue = installed('@plugboard/vue');
    const typings = readFileSync(join(vue.dir, 'components.d.ts'), 'utf8');
    assert.match(typings, /@plugboard\/elements\/types\/vue/);
    const elements = installed('@plugboard/elements');
    assert.ok(existsSync(join(elements.dir, 'types/vue.d.ts')));
    assert.ok(existsSync(join(elements.dir, 'types/jsx.d.ts')));
    assert.ok(existsSync(join(elements.dir, 'vscode.html-custom-data.json')));
  });
});
