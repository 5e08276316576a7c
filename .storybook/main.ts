// Storybook for designers: every element state from packages/elements, fed by the MSW mock backend
// (@plugboard/mocks), with the a11y checks that the smoke run (vitest.config.ts) turns into failures.
import { readdirSync } from 'node:fs';
import type { StorybookConfig } from '@storybook/web-components-vite';

// Docs pages join the stories once docs/ has any (Storybook warns about an empty pattern).
const docsDir = new URL('../docs/', import.meta.url);
const hasDocsPages = readdirSync(docsDir, { recursive: true }).some((file) =>
  String(file).endsWith('.mdx'),
);

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: [
    '../packages/elements/src/**/*.stories.ts',
    ...(hasDocsPages ? ['../docs/**/*.mdx'] : []),
  ],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // MSW's worker (test/static/mockServiceWorker.js), served next to iframe.html.
  staticDirs: ['../test/static'],
  core: { disableTelemetry: true },
  viteFinal(viteConfig) {
    // .storybook/ is no workspace package: it reaches @plugboard/* through .storybook/tsconfig.json.
    viteConfig.resolve = { ...viteConfig.resolve, tsconfigPaths: true };
    return viteConfig;
  },
};

export default config;
