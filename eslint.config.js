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
);
