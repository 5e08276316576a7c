/** Geometry of a fixed-row-height list (or grid of `columns` per row) that scrolls. */
export interface VirtualGeometry {
  count: number;
  columns: number;
  /** Height of one row including the gap below it, in px. */
  rowHeight: number;
  scrollTop: number;
  viewportHeight: number;
}

export interface VirtualRange {
  /** First option index to render. */
  start: number;
  /** One past the last option index to render. */
  end: number;
  /** Space above the first rendered row, in px. */
  offset: number;
  /** Height of all rows, in px: what the scrollbar measures. */
  total: number;
}

/** Extra rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN_ROWS = 3;

/**
 * Which options to put in the DOM: only the rows in view plus a few either side. 10,000 apps
 * become about twenty option elements; spacing keeps the scrollbar honest.
 */
export function visibleRange(geometry: VirtualGeometry): VirtualRange {
  const { count, columns, rowHeight, scrollTop, viewportHeight } = geometry;
  const rows = Math.ceil(count / columns);
  const total = rows * rowHeight;
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0, offset: 0, total };
  const firstRow = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN_ROWS);
  const lastRow = Math.min(
    rows,
    Math.ceil((scrollTop + Math.max(viewportHeight, rowHeight)) / rowHeight) + OVERSCAN_ROWS,
  );
  return {
    start: firstRow * columns,
    end: Math.min(count, lastRow * columns),
    offset: firstRow * rowHeight,
    total,
  };
}

/** The scroll position that brings option `index` fully into view with the least movement. */
export function scrollTopToReveal(index: number, geometry: VirtualGeometry): number {
  const { columns, rowHeight, scrollTop, viewportHeight } = geometry;
  const top = Math.floor(index / columns) * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

/** Whole rows that fit in the viewport (at least one), for PageUp/PageDown. */
export function rowsPerPage(
  geometry: Pick<VirtualGeometry, 'rowHeight' | 'viewportHeight'>,
): number {
  if (geometry.rowHeight <= 0) return 1;
  return Math.max(1, Math.floor(geometry.viewportHeight / geometry.rowHeight));
}
