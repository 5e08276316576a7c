// <app-picker> found by role and accessible name, and what its result list shows.
import { expect, type Locator, type Page } from '@playwright/test';

export interface Picker {
  /** The search box (an APG combobox). */
  readonly search: Locator;
  readonly options: Locator;
  readonly error: Locator;
}

export function appPicker(page: Page): Picker {
  const picker = page.locator('app-picker');
  return {
    search: picker.getByRole('combobox', { name: 'Search apps' }),
    options: picker.getByRole('listbox', { name: 'Apps' }).getByRole('option'),
    error: picker.getByRole('alert'),
  };
}

/** The app names of the options rendered now (the list is virtualised: the first screenful). */
export async function shownAppNames(picker: Picker): Promise<string[]> {
  return picker.options.locator('.option__name').allTextContents();
}

/** The rendered options are the first of `names`, in order, and there is at least one. */
export async function expectShowsFirstOf(picker: Picker, names: readonly string[]): Promise<void> {
  await expect
    .poll(
      async () => {
        const shown = await shownAppNames(picker);
        return shown.length > 0 && shown.every((name, index) => name === names[index]);
      },
      { message: `the picker shows the first of: ${names.slice(0, 5).join(', ')}…` },
    )
    .toBe(true);
}
