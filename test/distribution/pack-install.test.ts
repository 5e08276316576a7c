// The published packages, as a user gets them: `pnpm pack` each one (workspace:* and catalog:
// become versions, publishConfig.exports replaces the source exports), install the tarballs with npm
// into scratch projects outside the workspace, and import them in Node. It also proves what each
// package makes its users install. Needs the packages built first (the
// `build` suite); run: node scripts/node-test.mjs test/distribution
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportedFiles, installedCopies, packageFiles, type PackageJson } from './package-files.js';

const root = join(import.meta.dirname, '../..');
const PUBLISHED = ['contract', 'core', 'elements', 'react', 'vue', 'mocks', 'server'];

let scratch: string;
let tarballs: string;
let installed: (name: string) => PackageJson & { dir: string };

/**
 * A scratch project outside the workspace with `packages` (ours, from their tarballs) and `others`
 * (from the registry) installed by npm, as a user's `npm install` would.
 * --ignore-scripts: nothing here runs the server, so better-sqlite3 need not compile.
 */
function installProject(name: string, packages: string[], others: string[]): string {
  const project = join(scratch, name);
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: `pb-scratch-${name}`, private: true, type: 'module' }),
  );
  const tarball = (pkg: string) =>
    join(
      tarballs,
      readdirSync(tarballs).find((file) => file.startsWith(`plugboard-${pkg}-`))!,
    );
  execFileSync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--ignore-scripts',
      '--loglevel=error',
      ...packages.map(tarball),
      ...others,
    ],
    { cwd: project, stdio: 'pipe' },
  );
  return project;
}

before(() => {
  for (const pkg of PUBLISHED) {
    const dist = join(root, 'packages', pkg, 'dist');
    assert.ok(existsSync(dist), `${dist} is missing: run \`pnpm run build\` first`);
  }
  scratch = mkdtempSync(join(tmpdir(), 'pb-pack-install-'));
  tarballs = join(scratch, 'tarballs');
  for (const pkg of PUBLISHED) {
    execFileSync('pnpm', ['pack', '--pack-destination', tarballs], {
      cwd: join(root, 'packages', pkg),
      stdio: 'pipe',
    });
  }
  const project = installProject('project', PUBLISHED, ['react@19', 'react-dom@19', 'vue@3']);
  installed = (name) => {
    const dir = join(project, 'node_modules', name);
    return { ...(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson), dir };
  };
});

after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Imports `specifier` from a script inside the scratch project, so Node resolves it from there. */
function importInProject(code: string, project = join(scratch, 'project')): string {
  const file = join(project, `check-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, code);
  try {
    return execFileSync(process.execPath, [file], { cwd: project, encoding: 'utf8' });
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

/**
 * What each published package makes a user install: its dependencies, and its peers (an optional
 * peer is installed only by those who use the entry that needs it). Adding a dependency to a
 * published package is a decision: make it here too.
 */
const DEPENDENCIES: Record<
  string,
  { dependencies: string[]; peers: Record<string, 'optional' | 'required'> }
> = {
  contract: {
    dependencies: [],
    // Only the Node-only ./validate-response entry uses them.
    peers: { ajv: 'optional', 'ajv-formats': 'optional', yaml: 'optional' },
  },
  core: { dependencies: ['@plugboard/contract'], peers: {} },
  elements: {
    dependencies: ['@floating-ui/dom', '@plugboard/contract', '@plugboard/core', 'lit'],
    peers: { vue: 'optional' },
  },
  react: {
    dependencies: ['@lit/react', '@plugboard/core', '@plugboard/elements'],
    peers: { react: 'required' },
  },
  vue: { dependencies: ['@plugboard/core', '@plugboard/elements'], peers: { vue: 'required' } },
  mocks: { dependencies: ['@plugboard/contract', '@plugboard/core'], peers: { msw: 'required' } },
  server: {
    dependencies: [
      '@hono/node-server',
      '@plugboard/contract',
      '@plugboard/core',
      'ajv',
      'ajv-formats',
      'better-sqlite3',
      'hono',
      'kysely',
      'pg',
      'undici',
      'yaml',
    ],
    // Only the demo provider (startReferenceStack, `plugboard-server start`) loads it.
    peers: { 'oidc-provider': 'optional' },
  },
};

/** Packages a browser app must never download: Node-only validators, databases, the demo provider. */
const NODE_ONLY = ['ajv', 'ajv-formats', 'yaml', 'oidc-provider', 'better-sqlite3', 'msw'];

describe('what each package pulls in', () => {
  test('each tarball declares exactly its dependencies and peers, as ranges a host can share', () => {
    for (const pkg of PUBLISHED) {
      const manifest = installed(`@plugboard/${pkg}`);
      const expected = DEPENDENCIES[pkg]!;
      const dependencies = manifest.dependencies ?? {};
      assert.deepEqual(
        Object.keys(dependencies).sort(),
        expected.dependencies,
        `${pkg} dependencies`,
      );
      const peers = Object.fromEntries(
        Object.keys(manifest.peerDependencies ?? {}).map((name) => [
          name,
          manifest.peerDependenciesMeta?.[name]?.optional ? 'optional' : 'required',
        ]),
      );
      assert.deepEqual(peers, expected.peers, `${pkg} peerDependencies`);
      const ranges = { ...dependencies, ...manifest.peerDependencies };
      for (const [name, range] of Object.entries(ranges)) {
        if (name.startsWith('@plugboard/')) {
          // Released together: each names the others' exact version.
          assert.equal(range, manifest.version, `${pkg} → ${name}`);
        } else {
          // An exact pin would give a host that has another version of it a second copy.
          assert.match(range, /^(\^|~|>=)\d/, `${pkg} → ${name}@${range} is not a range`);
        }
      }
    }
  });

  test('no tarball ships tests, stories or test helpers', () => {
    for (const pkg of PUBLISHED) {
      const shipped = packageFiles(installed(`@plugboard/${pkg}`).dir);
      const testFiles = shipped.filter((file) =>
        /(^|\/)(test-support|testing)\/|\.(test|stories)\.[jt]s/.test(file),
      );
      assert.deepEqual(testFiles, [], `@plugboard/${pkg}`);
    }
  });

  test('a browser app with Lit 3 already gets one Lit and nothing Node-only', () => {
    // A host that settled on Lit 3.0 long ago: our range must accept it, or npm nests a second Lit
    // under @plugboard/elements.
    const app = installProject(
      'browser-app',
      ['contract', 'core', 'elements', 'react', 'vue'],
      ['lit@3.0.0', 'react@19', 'react-dom@19', 'vue@3'],
    );
    const copies = installedCopies(app);
    for (const name of NODE_ONLY) assert.equal(copies.get(name), undefined, `${name} is installed`);
    assert.deepEqual(copies.get('lit'), ['3.0.0']);
    for (const name of ['lit-html', 'lit-element', '@lit/reactive-element']) {
      assert.equal(copies.get(name)?.length, 1, `${name}: ${copies.get(name)?.join(', ')}`);
    }
    const output = importInProject(
      `const elements = await import('@plugboard/elements');
       console.log(typeof elements.AppPicker);`,
      app,
    );
    assert.equal(output.trim(), 'function');
  });

  test('the server runs without oidc-provider until its demo provider starts, which names it', () => {
    assert.equal(installedCopies(join(scratch, 'project')).get('oidc-provider'), undefined);
    const output = importInProject(`
      const server = await import('@plugboard/server');
      console.log(typeof server.createReferenceServer);
      try {
        const stack = await server.startReferenceStack({ dbPath: ':memory:', quiet: true, secretKey: 'sk_test_distribution_check' });
        await stack.close();
        console.log('started');
      } catch (error) {
        console.log(error.message);
      }
    `);
    const [createReferenceServer, start] = output.trim().split('\n');
    assert.equal(createReferenceServer, 'function');
    assert.match(
      String(start),
      /needs the optional peer dependency oidc-provider: npm install oidc-provider/,
    );
  });
});
