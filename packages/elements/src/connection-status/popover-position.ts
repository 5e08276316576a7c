// Keeps the error-details popover under its toggle, above it when there is no room below, and
// inside the viewport, while anything around it scrolls or resizes. A few lines of our own: Floating
// UI (computePosition, flip, shift, offset, autoUpdate) measured 6.4 kB min+gzip, one seventh of
// the whole bundle's budget, for this one popover.

/** Gap between the toggle and the popover, and the least room kept to the viewport's edges. */
const OFFSET = 6;
const PADDING = 8;

/** Places `floating` now and again on every change until the returned function is called. */
export function watchPosition(anchor: HTMLElement, floating: HTMLElement): () => void {
  let frame = 0;
  const update = (): void => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => place(anchor, floating));
  };
  place(anchor, floating);
  const scrollers = [...scrollingAncestors(anchor), window];
  for (const scroller of scrollers) scroller.addEventListener('scroll', update, { passive: true });
  window.addEventListener('resize', update);
  const sizes = new ResizeObserver(update);
  sizes.observe(anchor);
  sizes.observe(floating);
  return () => {
    cancelAnimationFrame(frame);
    for (const scroller of scrollers) scroller.removeEventListener('scroll', update);
    window.removeEventListener('resize', update);
    sizes.disconnect();
  };
}

/**
 * Below the anchor, aligned with its start (its right edge in right-to-left text); flipped above
 * when it would overflow below and fits above; shifted sideways to stay in the viewport. Fixed
 * coordinates: the popover is in the top layer, or `position: fixed` where that is missing.
 */
function place(anchor: HTMLElement, floating: HTMLElement): void {
  const target = anchor.getBoundingClientRect();
  const { width, height } = floating.getBoundingClientRect();
  const viewport = document.documentElement;
  const below = target.bottom + OFFSET;
  const above = target.top - OFFSET - height;
  const flipped = below + height > viewport.clientHeight - PADDING && above >= PADDING;
  const start = getComputedStyle(anchor).direction === 'rtl' ? target.right - width : target.left;
  const left = Math.max(PADDING, Math.min(start, viewport.clientWidth - PADDING - width));
  // CSSOM, not a style attribute: allowed under a strict CSP.
  floating.style.setProperty('left', `${left}px`);
  floating.style.setProperty('top', `${flipped ? above : below}px`);
  floating.dataset['placement'] = flipped ? 'top-start' : 'bottom-start';
}

/** Every element above `element` that scrolls or clips, through shadow roots. */
function scrollingAncestors(element: Element): Element[] {
  const found: Element[] = [];
  for (let node = parentOf(element); node; node = parentOf(node)) {
    const { overflowX, overflowY } = getComputedStyle(node);
    if (/auto|scroll|hidden|overlay/.test(overflowX + overflowY)) found.push(node);
  }
  return found;
}

function parentOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}
