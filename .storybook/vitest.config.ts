// The Storybook smoke run: every story rendered once in Debian's Chromium, with its play function
// and the a11y check (a violation fails, see preview.ts). Run:
//   pnpm exec vitest run --config .storybook/vitest.config.ts
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/harness/chromium.mjs';
import { junitFile } from '../scripts/junit-file.mjs';

const junit = junitFile('vitest-storybook');

export default defineConfig({
  plugins: [storybookTest({ configDir: fileURLToPath(new URL('.', import.meta.url)) })],
  test: {
    name: 'storybook',
    reporters: junit ? ['default', ['junit', { outputFile: junit }]] : ['default'],
    browser: {
      enabled: true,
      headless: true,
      // Playwright gives each run its own temporary profile, so no --user-data-dir here.
      provider: playwright({
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
