// axe (WCAG 2.2 AA tags) on every story of the built Storybook, in light and dark, left-to-right
// (English) and right-to-left (Arabic): zero violations. Each story is checked once its loaders
// (MSW), render, play function and animations are done, with the theme and locale set as toolbar
// globals. One canvas page is reused for the whole run.
import { expect } from '@playwright/test';
import { axeViolations } from '../../harness/a11y-axe.js';
import {
  ensureStorybookBuilt,
  storyCanvasTest,
  storyIds,
  type StoryGlobals,
} from '../../harness/a11y-storybook.js';

// The story list is read when this file loads, so the build must exist before any test is declared.
ensureStorybookBuilt();

const COMBINATIONS: Array<StoryGlobals & { direction: 'ltr' | 'rtl' }> = [
  { theme: 'light', locale: 'en', direction: 'ltr' },
  { theme: 'dark', locale: 'en', direction: 'ltr' },
  { theme: 'light', locale: 'ar', direction: 'rtl' },
  { theme: 'dark', locale: 'ar', direction: 'rtl' },
];

/** Storybook's own chrome (loaders, error display), hidden while a story shows. */
const STORYBOOK_CHROME = ['.sb-wrapper', '#storybook-docs', '#storybook-highlights-root'];

const test = storyCanvasTest;

// The violations listed in the failure say what broke; a trace of 248 renders would only slow it.
test.use({ trace: 'off' });

for (const { theme, locale, direction } of COMBINATIONS) {
  test.describe(`${theme} theme, ${direction} (${locale})`, () => {
    for (const id of storyIds()) {
      test(id, async ({ canvas }) => {
        await canvas.show(id, { theme, locale });
        // The globals really reached the page: a wrong URL format would silently check defaults.
        await expect(canvas.page.locator('html')).toHaveAttribute('dir', direction);
        await expect(canvas.page.locator('html')).toHaveAttribute('data-theme', theme);
        expect(await axeViolations(canvas.page, STORYBOOK_CHROME)).toEqual([]);
      });
    }
  });
}
