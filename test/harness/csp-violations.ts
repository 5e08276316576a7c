// Records every Content-Security-Policy and Trusted Types violation a page reports. The listener
// is an init script: Playwright injects those through the DevTools protocol, which the page's CSP
// does not govern (the strict-CSP spec checks the listener really is installed under the policy).
// The console is watched too, for refusals Chromium only logs.
import type { Page } from '@playwright/test';

export interface CspViolation {
  readonly directive: string;
  readonly blockedUri: string;
  readonly sample: string;
  readonly source: string;
}

export interface CspViolationRecorder {
  /** Whether the listener ran in the page (false would mean the recorder saw nothing at all). */
  installed(): Promise<boolean>;
  violations(): Promise<CspViolation[]>;
  /** Console lines that mention the Content Security Policy or Trusted Types. */
  readonly consoleErrors: readonly string[];
}

const CSP_CONSOLE = /Content Security Policy|Trusted ?Type|TrustedHTML|TrustedScript/i;

export async function recordCspViolations(page: Page): Promise<CspViolationRecorder> {
  await page.addInitScript(() => {
    const seen: CspViolation[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        seen.push({
          directive: event.effectiveDirective,
          blockedUri: event.blockedURI,
          sample: event.sample,
          source: `${event.sourceFile}:${event.lineNumber}`,
        });
      },
      true,
    );
  });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (CSP_CONSOLE.test(message.text())) consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (CSP_CONSOLE.test(error.message)) consoleErrors.push(error.message);
  });
  const read = () =>
    page.evaluate(
      () => (window as unknown as { __cspViolations?: CspViolation[] }).__cspViolations,
    );
  return {
    installed: async () => Array.isArray(await read()),
    violations: async () => [...((await read()) ?? [])],
    consoleErrors,
  };
}
