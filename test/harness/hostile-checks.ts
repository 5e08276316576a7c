// What the hostile-input proof checks in the page, as findings (empty: the promise holds), so the
// same checks run on the real elements (must find nothing) and on a deliberately unsafe control
// page (must find each kind of breakage):
// - traps:  script that ran (alert/confirm/prompt/print are replaced by a recorder; dialogs are
//           recorded too), installed before any page script
// - markup: elements created from data in any shadow root (script, iframe, on* handlers, …)
// - links:  every a[href] in a shadow root is https: or loopback http:
// - styles: no style attribute carries url(), expression() or @import
// - layout: containers neither scroll sideways nor leave the viewport
// - network: requests that leave loopback, recorded and aborted
import type { BrowserContext, Page } from '@playwright/test';

export interface HostileFindings {
  ran: string[];
  markup: string[];
  links: string[];
  styles: string[];
  layout: string[];
}

export const NO_FINDINGS: HostileFindings = {
  ran: [],
  markup: [],
  links: [],
  styles: [],
  layout: [],
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Installs the script traps in every page of the context; returns what the dialogs showed. */
export async function installScriptTraps(page: Page): Promise<string[]> {
  await page.addInitScript(() => {
    const ran: string[] = [];
    Object.defineProperty(window, '__pwned', { value: ran });
    for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
      Object.defineProperty(window, name, {
        value: (...args: unknown[]) => {
          ran.push(`${name}(${args.map(String).join(', ')})`);
        },
      });
    }
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}

/** Records and aborts every request that would leave loopback (http(s) only; data: never leaves). */
export async function blockOutboundRequests(context: BrowserContext): Promise<string[]> {
  const outbound: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (LOOPBACK.has(url.hostname)) return route.fallback();
    outbound.push(`${route.request().resourceType()} ${url.href}`);
    await route.abort('blockedbyclient');
  });
  return outbound;
}

/** Walks the document and every shadow root inside it, open popovers and dialogs included. */
export function inspectPage(page: Page): Promise<HostileFindings> {
  return page.evaluate(() => {
    const findings = { ran: [], markup: [], links: [], styles: [], layout: [] } as {
      ran: string[];
      markup: string[];
      links: string[];
      styles: string[];
      layout: string[];
    };
    findings.ran.push(...((window as unknown as { __pwned?: string[] }).__pwned ?? []));

    const FORBIDDEN = new Set(
      'script iframe frame frameset object embed base meta link style template math details marquee b'.split(
        ' ',
      ),
    );
    const CONTAINERS = 'section, form, dialog, [role="dialog"], [role="listbox"], li, .popover';
    const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);
    const safeHref = (href: string) => {
      try {
        const url = new URL(href);
        return (
          url.protocol === 'https:' || (url.protocol === 'http:' && loopback.has(url.hostname))
        );
      } catch {
        return false;
      }
    };
    const describe = (element: Element) =>
      `<${element.localName}> in <${(element.getRootNode() as ShadowRoot).host?.localName ?? 'document'}>`;

    const roots: ShadowRoot[] = [];
    const collect = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) {
          roots.push(element.shadowRoot);
          collect(element.shadowRoot);
        }
      }
    };
    collect(document);

    for (const root of roots) {
      for (const element of root.querySelectorAll('*')) {
        const name = element.localName;
        if (FORBIDDEN.has(name)) findings.markup.push(describe(element));
        for (const attribute of element.getAttributeNames()) {
          if (attribute.startsWith('on') || attribute === 'srcdoc' || attribute === 'formaction')
            findings.markup.push(`${describe(element)} with ${attribute}=`);
        }
        if (name === 'img' && !safeHref((element as HTMLImageElement).src))
          findings.markup.push(`${describe(element)} src=${(element as HTMLImageElement).src}`);
        if (
          name === 'a' &&
          element.hasAttribute('href') &&
          !safeHref((element as HTMLAnchorElement).href)
        )
          findings.links.push(
            `${describe(element)} href=${element.getAttribute('href')!.slice(0, 80)}`,
          );
        const style = element.getAttribute('style') ?? '';
        if (/url\(|expression\(|@import/i.test(style))
          findings.styles.push(`${describe(element)} style=${style.slice(0, 80)}`);
      }
      for (const container of root.querySelectorAll<HTMLElement>(CONTAINERS)) {
        const box = container.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        if (container.scrollWidth > container.clientWidth + 1)
          findings.layout.push(
            `${describe(container)}.${container.className} scrolls sideways: ${container.scrollWidth} > ${container.clientWidth}`,
          );
        if (box.left < -1 || box.right > innerWidth + 1)
          findings.layout.push(
            `${describe(container)} leaves the viewport: ${box.left}…${box.right}`,
          );
      }
    }
    const page = document.scrollingElement!;
    if (page.scrollWidth > innerWidth + 1)
      findings.layout.push(`the page scrolls sideways: ${page.scrollWidth} > ${innerWidth}`);
    return findings;
  });
}
