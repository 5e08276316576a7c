// What a keyboard and screen-reader user meets, read from the page without touching it: the focused
// element through open shadow roots, the live regions' texts, and Tab (or Shift+Tab) presses until
// focus reaches a named control.
import type { Page } from '@playwright/test';

export interface FocusedElement {
  tag: string;
  /** aria-label, else the label of an input, else the text. */
  name: string;
  /** The custom elements the focus sits inside, outermost first. */
  hosts: string[];
  /** Its data-* attributes, which tell rows with no name of their own apart (`data-app-key`). */
  data: Record<string, string>;
}

/** The element that has focus, looking through open shadow roots (document.activeElement deep). */
export async function focused(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    let active = document.activeElement;
    const hosts: string[] = [];
    while (active?.shadowRoot?.activeElement) {
      hosts.push(active.localName);
      active = active.shadowRoot.activeElement;
    }
    if (!active) return { tag: '', name: '', hosts, data: {} };
    const label = active instanceof HTMLInputElement ? active.labels?.[0]?.textContent : undefined;
    const name = active.getAttribute('aria-label') ?? label ?? active.textContent ?? '';
    const data = active instanceof HTMLElement ? { ...active.dataset } : {};
    return {
      tag: active.localName,
      name: name.replace(/\s+/g, ' ').trim(),
      hosts,
      data: data as Record<string, string>,
    };
  });
}

/** The text of every live region (polite, status, alert) on the page, through shadow roots. */
export async function liveRegionTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.matches('[aria-live], [role="status"], [role="alert"]')) {
          const text = element.textContent?.replace(/\s+/g, ' ').trim();
          if (text) texts.push(text);
        }
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    return texts;
  });
}

/**
 * Presses Tab (Shift+Tab when `backwards`) until the focused element's name is `name`; fails after
 * `limit` presses.
 */
export async function tabTo(
  page: Page,
  name: string,
  { backwards = false, limit = 25 }: { backwards?: boolean; limit?: number } = {},
): Promise<FocusedElement> {
  const seen: string[] = [];
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (now.name === name) return now;
    seen.push(`${now.tag} "${now.name}"`);
  }
  throw new Error(`Tab never reached "${name}"; focus went through: ${seen.join(', ')}`);
}
