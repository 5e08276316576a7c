// WCAG 1.4.10 Reflow: every story's state (the picker open, a dialog with a form, the webhook setup
// step, the error popover, the connections list…) at 320 CSS px wide, what 1280 px becomes at
// 400 % zoom, in a left-to-right and a right-to-left locale and in the locale with the longest
// words we ship; and at 640 CSS px, 1280 px at 200 % zoom. Nothing may scroll sideways (see
// harness/reflow.ts). Theme does not change sizes, so light only.
import { expect } from '@playwright/test';
import { ensureStorybookBuilt, storyCanvasTest, storyIds } from '../../harness/a11y-storybook.js';
import { horizontalOverflow } from '../../harness/reflow.js';

ensureStorybookBuilt();

const test = storyCanvasTest;

test.use({ trace: 'off' });

const WIDTHS = [
  { width: 320, height: 640, locales: ['en', 'ar', 'es'] },
  { width: 640, height: 720, locales: ['en'] },
];

for (const { width, height, locales } of WIDTHS) {
  for (const locale of locales) {
    test.describe(`${width} px wide (${locale})`, () => {
      test.beforeEach(async ({ canvas }) => {
        await canvas.page.setViewportSize({ width, height });
      });
      for (const id of storyIds()) {
        test(id, async ({ canvas }) => {
          // 10,000-character strings that may break anywhere take Chromium seconds to lay out
          // in a narrow column (about 14 s for the hostile connections list at 320 px).
          const hostile = id.includes('hostile');
          if (hostile) test.slow();
          await canvas.show(
            id,
            { theme: 'light', locale },
            { settleMs: hostile ? 60_000 : 15_000 },
          );
          expect(await horizontalOverflow(canvas.page)).toEqual([]);
        });
      }
    });
  }
}
