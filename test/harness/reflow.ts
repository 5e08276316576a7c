// WCAG 1.4.10 Reflow, measured: at a narrow viewport nothing scrolls sideways. The page does not
// (document scrollWidth ≤ clientWidth); no element of ours does, through open shadow roots (each
// element's `base` part, and every box that could scroll: overflow-x auto or scroll); and every
// open modal dialog or popover of ours (top layer, outside the page's flow) fits inside the
// viewport's width.
import type { Page } from '@playwright/test';

/** One line per element that scrolls or sticks out sideways: its path and the measures. */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    /** A pixel of rounding is not a scrollbar. */
    const SLACK = 1;
    const problems: string[] = [];

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

    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + SLACK)
      problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);

    function visit(scope: ShadowRoot): void {
      for (const element of scope.querySelectorAll('*')) {
        if (element.shadowRoot) visit(element.shadowRoot);
        if (!element.checkVisibility()) continue;
        const style = getComputedStyle(element);
        const scrolls = ['auto', 'scroll'].includes(style.overflowX);
        const isBase = element.matches('[part~="base"]');
        if ((isBase || scrolls) && element.scrollWidth > element.clientWidth + SLACK) {
          problems.push(
            `${path(element)} scrolls sideways: ${element.scrollWidth} > ${element.clientWidth}`,
          );
        }
        const onTop = element.matches('dialog[open], :popover-open');
        if (onTop) {
          const box = element.getBoundingClientRect();
          if (box.left < -SLACK || box.right > innerWidth + SLACK) {
            problems.push(
              `${path(element)} sticks out of the ${innerWidth} px viewport: ${Math.round(box.left)}…${Math.round(box.right)}`,
            );
          }
        }
      }
    }

    for (const element of document.querySelectorAll('*')) {
      if (element.shadowRoot && element.localName.includes('-')) visit(element.shadowRoot);
    }
    return problems;
  });
}
