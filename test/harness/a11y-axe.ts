// axe-core on a Playwright page with the WCAG 2.2 AA rule set the proofs promise, and its
// violations as readable lines (rule, impact, the element's path through shadow roots, the summary).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA (axe tags its 2.2 A rules wcag2a or wcag21a). */
const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe on the whole page (axe walks open shadow roots itself) and returns one line per
 * violating element, empty when there is none.
 */
export async function axeViolations(page: Page, exclude: string[] = []): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_AA_TAGS).setLegacyMode(true);
  for (const selector of exclude) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'n/a'}) at ${JSON.stringify(node.target)}: ` +
        `${node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help}`,
    ),
  );
}
