// WCAG 2.5.8 Target Size (Minimum), measured: every visible interactive element, through open shadow
// roots, is at least 24×24 CSS px, or the spacing exception holds (a 24 px circle centred on it
// touches no other target nor another undersized target's circle), or it is a link inside a
// sentence (the inline exception).
import type { Page } from '@playwright/test';

/** One line per offending element: its path through shadow roots, its size and its name. */
export async function undersizedTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const MIN = 24;
    const INTERACTIVE =
      'button, a[href], input:not([type="hidden"]), select, textarea, summary, ' +
      '[role="option"], [role="button"], [role="link"], [role="tab"], [role="checkbox"], ' +
      '[tabindex]:not([tabindex="-1"])';

    function collect(root: Document | ShadowRoot, found: Element[]): Element[] {
      for (const element of root.querySelectorAll('*')) {
        if (element.matches(INTERACTIVE)) found.push(element);
        if (element.shadowRoot) collect(element.shadowRoot, found);
      }
      return found;
    }

    function path(element: Element): string {
      const parts: string[] = [];
      for (let node: Element | null = element; node;) {
        const part = node.getAttribute('part');
        parts.unshift(
          `${node.localName}${node.id ? `#${node.id}` : ''}${part ? `[part="${part}"]` : ''}`,
        );
        const root = node.getRootNode();
        node = root instanceof ShadowRoot ? root.host : null;
      }
      return parts.join(' >> ');
    }

    /** A link in running text: its block has text of its own beside the link. */
    function isInline(element: Element): boolean {
      if (element.localName !== 'a' || getComputedStyle(element).display !== 'inline') return false;
      const block = element.parentElement;
      const own = Array.from(block?.childNodes ?? []).filter(
        (node) => node !== element && node.textContent?.trim(),
      );
      return own.length > 0;
    }

    const targets = collect(document, [])
      .filter((element) => element.checkVisibility({ visibilityProperty: true }))
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0);

    const centre = (box: DOMRect) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
    /** Distance from a point to the nearest point of a rectangle. */
    const distanceTo = (point: { x: number; y: number }, box: DOMRect) =>
      Math.hypot(
        Math.max(box.left - point.x, 0, point.x - box.right),
        Math.max(box.top - point.y, 0, point.y - box.bottom),
      );
    const small = (box: DOMRect) => box.width < MIN || box.height < MIN;

    return targets
      .filter(({ element, box }) => small(box) && !isInline(element))
      .filter(({ element, box }) => {
        const here = centre(box);
        // Spacing exception: the 24 px circle around this target's centre must not reach another
        // target, nor the circle of another undersized target.
        return targets.some(
          (other) =>
            other.element !== element &&
            !other.element.contains(element) &&
            !element.contains(other.element) &&
            (distanceTo(here, other.box) < MIN / 2 ||
              (small(other.box) &&
                Math.hypot(here.x - centre(other.box).x, here.y - centre(other.box).y) < MIN)),
        );
      })
      .map(({ element, box }) => {
        const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
        return `${path(element)} is ${box.width.toFixed(1)}×${box.height.toFixed(1)} px ("${name.slice(0, 40)}")`;
      });
  });
}
