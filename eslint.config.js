// One lint config for the workspace. Zero warnings are allowed (`eslint . --max-warnings 0`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

// Markup from strings is how injected server data would execute: banned in browser code.
const noMarkupFromStrings = [
  {
    selector: 'ImportSpecifier[imported.name=/^unsafe(HTML|SVG)$/]',
    message: 'unsafeHTML/unsafeSVG are banned: render server data as text.',
  },
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message:
      'Assigning innerHTML/outerHTML is banned: build DOM with Lit templates or textContent.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'insertAdjacentHTML is banned: build DOM with Lit templates.',
  },
  {
    selector: "CallExpression[callee.name='unsafeCSS'][arguments.0.type!='Literal']",
    message: 'unsafeCSS takes only a string literal.',
  },
];

// Package boundaries (docs/architecture.md): dependencies point one way, elements → core →
// contract, react/vue → elements, mocks and server → contract (+ core's search and messages). Each
// package may import only the packages listed for it; tests, stories and test helpers may also use
// the mocks where noted. A relative path into another package's sources is never allowed.
const PACKAGES = ['contract', 'core', 'elements', 'react', 'vue', 'mocks', 'server'];
const LIT = ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/*'];
const TEST_FILES = ['**/*.test.ts', '**/*.stories.ts', '**/test-support/**', '**/testing/**'];

/** The no-restricted-imports rule for code of `pkg` that may import `allowed` of our packages. */
function boundary(pkg, allowed, { noLit = false } = {}) {
  const denied = PACKAGES.filter((other) => other !== pkg && !allowed.includes(other));
  const patterns = denied.map((other) => ({
    group: [`@plugboard/${other}`, `@plugboard/${other}/*`],
    message: `@plugboard/${pkg} must not import @plugboard/${other}: ${pkg} may import ${allowed.length ? allowed.map((name) => `@plugboard/${name}`).join(', ') : 'none of our packages'} (docs/architecture.md).`,
  }));
  if (noLit) {
    patterns.push({
      group: LIT,
      message: `@plugboard/${pkg} has no Lit: rendering belongs to @plugboard/elements.`,
    });
  }
  patterns.push({
    regex: `^(\\.\\./)+(packages/)?(${PACKAGES.join('|')})/src/`,
    message: 'Import another package by its name (@plugboard/…), never by a path into its sources.',
  });
  return { 'no-restricted-imports': ['error', { patterns }] };
}

/** Boundaries per package: its product code, then its tests, stories and test helpers. */
const boundaries = [
  ['contract', [], [], { noLit: true }],
  ['core', ['contract'], [], { noLit: true }],
  ['elements', ['contract', 'core'], ['mocks']],
  ['react', ['contract', 'core', 'elements'], ['mocks']],
  ['vue', ['contract', 'core', 'elements'], ['mocks']],
  ['mocks', ['contract', 'core'], [], { noLit: true }],
  ['server', ['contract', 'core'], [], { noLit: true }],
].flatMap(([pkg, allowed, alsoInTests, options]) => [
  { files: [`packages/${pkg}/**/*.{ts,tsx,js,mjs}`], rules: boundary(pkg, allowed, options) },
  {
    files: TEST_FILES.map((glob) => `packages/${pkg}/${glob}`),
    rules: boundary(pkg, [...allowed, ...alsoInTests], options),
  },
]);

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/storybook-static/**',
      '**/generated/**',
      '**/.data/**',
      '**/test-results/**',
      '.tools/**',
      '**/mockServiceWorker.js',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: [
      'packages/{core,elements,react,vue,mocks}/src/**/*.ts',
      'packages/{core,elements,react,vue,mocks}/src/**/*.tsx',
      'examples/**/*.{ts,tsx,js}',
      '.storybook/**/*.ts',
    ],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-syntax': ['error', ...noMarkupFromStrings] },
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    ...wc.configs['flat/best-practice'],
  },
  ...boundaries,
);
