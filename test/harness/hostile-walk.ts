// Steps through the elements on test/pages/hostile/, where every app name and label is a hostile
// payload, so nothing can be found by its (hostile) accessible name: the fixed strings of the
// elements (role names) lead, and dialogs are opened by app key.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.js';

/** The connect dialog test/pages/hostile/dialog.html holds. */
const WALKED_DIALOG = 'connect-dialog#walked-dialog';

/**
 * Opens dialog.html's `<connect-dialog>` for `appKey` through its public API (app key, show()).
 * Not through the picker: a click on a row of its virtual list can land on another app's row when
 * the list moves under the pointer (rows are recycled as it scrolls), which under load made the
 * walk connect an app twice (409 duplicate_account).
 */
export async function openWalkedDialog(page: Page, appKey: string): Promise<Locator> {
  await page.evaluate(
    ({ selector, key }) => {
      const dialog = document.querySelector<HTMLElement & { appKey: string; show(): void }>(
        selector,
      )!;
      dialog.appKey = key;
      dialog.show();
    },
    { selector: WALKED_DIALOG, key: appKey },
  );
  const dialog = page.locator(WALKED_DIALOG).getByRole('dialog', { name: /^Connect / });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Scrolls `scroller` from top to bottom, half a screen at a time, calling `each` at every stop. */
export async function scrollThrough(scroller: Locator, each: () => Promise<void>): Promise<number> {
  let stops = 0;
  await scroller.evaluate((element) => (element.scrollTop = 0));
  for (;;) {
    await each();
    stops += 1;
    const atEnd = await scroller.evaluate((element) => {
      if (element.scrollTop + element.clientHeight >= element.scrollHeight - 1) return true;
      element.scrollTop += element.clientHeight / 2;
      return false;
    });
    if (atEnd) return stops;
  }
}
