/** Keys the picker's combobox moves the active option with (APG combobox + listbox). */
export type NavigationKey =
  'ArrowDown' | 'ArrowUp' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End' | 'PageDown' | 'PageUp';

export interface NavigationGeometry {
  /** Options in the list. */
  count: number;
  /** Options per row: 1 in the list layout, more in the grid. */
  columns: number;
  /** Rows that fit in the visible area, for PageUp/PageDown. */
  rowsPerPage: number;
  /** Right-to-left: ArrowLeft moves forward in the grid. */
  rtl: boolean;
}

export function isNavigationKey(key: string): key is NavigationKey {
  return NAVIGATION_KEYS.has(key);
}

const NAVIGATION_KEYS = new Set<string>([
  'ArrowDown',
  'ArrowUp',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageDown',
  'PageUp',
]);

/**
 * The option index a key moves to from `active` (-1: none active yet). Returns `undefined` when the
 * key does not navigate in this layout (left/right in a list belong to the text caret). Up/down move
 * by a row, so in the grid they keep the column; moves stop at the ends rather than wrap, so a
 * screen-reader user always knows where the list ends.
 */
export function nextActiveIndex(
  key: NavigationKey,
  active: number,
  geometry: NavigationGeometry,
): number | undefined {
  const { count, columns, rowsPerPage, rtl } = geometry;
  if (count === 0) return undefined;
  const last = count - 1;
  const clamp = (index: number) => Math.min(last, Math.max(0, index));
  const page = Math.max(1, rowsPerPage) * columns;
  switch (key) {
    case 'ArrowDown':
      if (active < 0) return 0;
      // From the row above a short last row, land on its last option rather than nowhere.
      return Math.floor(active / columns) === Math.floor(last / columns)
        ? active
        : Math.min(active + columns, last);
    case 'ArrowUp':
      if (active < 0) return last;
      return active - columns < 0 ? active : active - columns;
    case 'ArrowRight':
    case 'ArrowLeft': {
      if (columns === 1) return undefined;
      const forward = (key === 'ArrowRight') !== rtl;
      if (active < 0) return 0;
      return clamp(active + (forward ? 1 : -1));
    }
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return active < 0 ? clamp(page - columns) : clamp(active + page);
    case 'PageUp':
      return active < 0 ? 0 : clamp(active - page);
  }
}
