// Floating UI's positioning of the error-details popover: a lazy chunk of its own, fetched when a
// pointer or focus reaches a Details button, since most views never open the popover.
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';

/** Keeps `floating` below `anchor` (flipped or shifted to stay in view) until the returned stop. */
export function watchPosition(anchor: HTMLElement, floating: HTMLElement): () => void {
  return autoUpdate(anchor, floating, () => void position(anchor, floating));
}

async function position(anchor: HTMLElement, floating: HTMLElement): Promise<void> {
  const { x, y, placement } = await computePosition(anchor, floating, {
    strategy: 'fixed',
    placement: 'bottom-start',
    middleware: [offset(6), flip(), shift({ padding: 8 })],
  });
  // CSSOM, not a style attribute: allowed under a strict CSP.
  floating.style.setProperty('left', `${x}px`);
  floating.style.setProperty('top', `${y}px`);
  floating.dataset['placement'] = placement;
}
