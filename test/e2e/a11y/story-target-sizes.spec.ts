// WCAG 2.5.8: in every story's state (every element state the stories reach), left-to-right and
// right-to-left, each interactive element is at least 24×24 CSS px or the spacing or inline
// exception applies (see harness/a11y-target-size.ts). Theme does not change sizes, so light only.
import { expect } from '@playwright/test';
import { ensureStorybookBuilt, storyCanvasTest, storyIds } from '../../harness/a11y-storybook.js';
import { undersizedTargets } from '../../harness/a11y-target-size.js';

ensureStorybookBuilt();

const test = storyCanvasTest;

test.use({ trace: 'off' });

for (const locale of ['en', 'ar']) {
  test.describe(`target sizes (${locale})`, () => {
    for (const id of storyIds()) {
      test(id, async ({ canvas }) => {
        await canvas.show(id, { theme: 'light', locale });
        expect(await undersizedTargets(canvas.page)).toEqual([]);
      });
    }
  });
}
