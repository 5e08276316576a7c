import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  rowsPerPage,
  scrollTopToReveal,
  visibleRange,
  type VirtualGeometry,
  type VirtualRange,
} from './virtual-window.js';

/** Used until the first layout is measured. */
const DEFAULT_ROW_HEIGHT = 56;
const DEFAULT_VIEWPORT_HEIGHT = 384;

export interface VirtualWindowOptions {
  /** The scrolling element. */
  listbox(): HTMLElement | undefined;
  /** The element holding the rendered rows; it gets `--_offset` and `--_total`. */
  items(): HTMLElement | undefined;
  /** How many options the list has. */
  count(): number;
}

/**
 * The picker's virtual window: which options are in the DOM for the scroll position, the row
 * height and column count CSS resolved (measured when the listbox resizes or the layout changes),
 * and scrolling an option into view. The host renders `range` and binds `onScroll`.
 */
export class VirtualWindowController implements ReactiveController {
  private scrollTop = 0;
  /**
   * We moved the list (a new query, the keyboard): write `scrollTop` to the listbox after the next
   * update. Otherwise the listbox's own position is the truth: a render between a user's scroll
   * and its `scroll` event must not snap the list back.
   */
  private scrollRequested = false;
  /** Where the listbox is scrolled to, as far as we know: writing the same again would only force a
   *  layout in the middle of the update (a new list starts at the top, where it already is). */
  private listboxScrollTop = 0;
  private viewportHeight = DEFAULT_VIEWPORT_HEIGHT;
  private rowHeight = DEFAULT_ROW_HEIGHT;
  private columnCount = 1;
  private resizeObserver: ResizeObserver | undefined;
  private observedListbox: HTMLElement | undefined;
  private measureTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: VirtualWindowOptions,
  ) {
    host.addController(this);
  }

  /** Options per row: 1 in the list layout, more in the grid. */
  get columns(): number {
    return this.columnCount;
  }

  /** The options to render now. */
  get range(): VirtualRange {
    return visibleRange(this.geometry());
  }

  isRendered(index: number): boolean {
    const { start, end } = this.range;
    return index >= start && index < end;
  }

  /** Whole rows in view, for PageUp / PageDown. */
  get rowsPerPage(): number {
    return rowsPerPage(this.geometry());
  }

  scrollTo(top: number): void {
    this.scrollTop = top;
    this.scrollRequested = true;
    this.host.requestUpdate();
  }

  /** Scrolls the least distance that shows option `index` whole. */
  reveal(index: number): void {
    this.scrollTo(scrollTopToReveal(index, this.geometry()));
  }

  /** Bind to the listbox's `scroll` event. */
  readonly onScroll = (): void => {
    const listbox = this.options.listbox();
    if (!listbox) return;
    this.scrollTop = this.listboxScrollTop = listbox.scrollTop;
    this.host.requestUpdate();
  };

  /**
   * Measures again in a later task (after a layout change, or from the ResizeObserver: re-rendering
   * inside its callback would resize what it observes and trip the "ResizeObserver loop" error).
   */
  remeasure(): void {
    clearTimeout(this.measureTimer);
    this.measureTimer = setTimeout(() => this.measure());
  }

  hostConnected(): void {
    this.resizeObserver = new ResizeObserver(() => this.remeasure());
  }

  hostDisconnected(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.observedListbox = undefined;
    clearTimeout(this.measureTimer);
  }

  hostUpdated(): void {
    const listbox = this.options.listbox();
    const items = this.options.items();
    if (!listbox || !items) return;
    // The listbox appears once the host can render (its messages loaded): watch it from then on.
    if (this.observedListbox !== listbox) {
      this.observedListbox = listbox;
      this.listboxScrollTop = 0;
      this.resizeObserver?.observe(listbox);
    }
    const range = this.range;
    // CSSOM, not a style attribute: strict CSPs allow it.
    items.style.setProperty('--_offset', `${range.offset}px`);
    items.style.setProperty('--_total', `${range.total}px`);
    if (this.scrollRequested) {
      this.scrollRequested = false;
      if (this.scrollTop !== this.listboxScrollTop) listbox.scrollTop = this.scrollTop;
      this.listboxScrollTop = this.scrollTop;
    }
  }

  private geometry(): VirtualGeometry {
    return {
      count: this.options.count(),
      columns: this.columnCount,
      rowHeight: this.rowHeight,
      scrollTop: this.scrollTop,
      viewportHeight: this.viewportHeight,
    };
  }

  /** Reads the row height and column count CSS resolved, and the viewport height. */
  private measure(): void {
    const listbox = this.options.listbox();
    const items = this.options.items();
    if (!listbox || !items) return;
    const before = [this.rowHeight, this.columnCount, this.viewportHeight].join();
    const style = getComputedStyle(items);
    const rowHeight = parseFloat(style.gridAutoRows);
    if (rowHeight > 0) this.rowHeight = rowHeight;
    this.columnCount = Math.max(1, style.gridTemplateColumns.split(' ').filter(Boolean).length);
    if (listbox.clientHeight > 0) this.viewportHeight = listbox.clientHeight;
    if ([this.rowHeight, this.columnCount, this.viewportHeight].join() !== before)
      this.host.requestUpdate();
  }
}
