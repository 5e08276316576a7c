// Steps through the elements on test/pages/hostile/ as a person would, where every app name and
// label is a hostile payload, so nothing can be found by its (hostile) accessible name: the fixed
// strings of the elements (role names) lead, and the payload itself finds its row in the picker.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.js';

/** "Add a connection", then scrolls the picker's virtual list to the app named `name` and picks it. */
export async function chooseHostileApp(page: Page, name: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Add a connection' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose an app to connect' });
  const listbox = picker.getByRole('listbox', { name: 'Apps' });
  await expect(listbox.getByRole('option').first()).toBeVisible();
  const index = await listbox.evaluate(async (list, wanted) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    list.scrollTop = 0;
    for (;;) {
      await frame();
      for (const option of list.querySelectorAll('[role="option"]')) {
        if (option.querySelector('.option__name')?.textContent === wanted) {
          option.scrollIntoView({ block: 'nearest' });
          return option.getAttribute('data-index');
        }
      }
      if (list.scrollTop + list.clientHeight >= list.scrollHeight - 1) return null;
      list.scrollTop += list.clientHeight / 2;
    }
  }, name);
  expect(
    index,
    `the picker lists the app named ${JSON.stringify(name.slice(0, 40))}`,
  ).not.toBeNull();
  await listbox.locator(`[role="option"][data-index="${index}"]`).click();
  await expect(picker).toBeHidden();
  const dialog = page.getByRole('dialog', { name: /^Connect / });
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

export async function closeDialog(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Close' }).click();
  const discard = dialog.getByRole('button', { name: 'Discard', exact: true });
  if (await discard.isVisible()) await discard.click();
  await expect(dialog).toBeHidden();
}
