// The Vue plugin's browser tests: the same Vitest browser setup as @plugboard/react's (Debian's
// Chromium, MSW's worker at the root). Run from this folder: pnpm exec vitest run --config vitest.config.ts
import { mergeConfig } from 'vitest/config';
import browserTests from '../react/vitest.config.js';

export default mergeConfig(browserTests, {
  // Vue's esm-bundler build asks the bundler for these; the values are Vue's defaults.
  define: {
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  test: { name: 'vue' },
});
