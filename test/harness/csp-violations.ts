// Records every Content-Security-Policy and Trusted Types violation a page reports, in every
// document the page shows (a redirect flow leaves the host page and comes back to a new one). The
// listener is an init script that keeps the current document's violations and hands each one to
// the test through a binding, so those of documents left behind are kept; both go through the
// DevTools protocol, which the page's CSP does not govern (the strict-CSP spec checks the listener
// really is installed under the policy). The console is watched too, for refusals Chromium only
// logs.
import type { Page } from '@playwright/test';

export interface CspViolation {
  readonly directive: string;
  readonly blockedUri: string;
  readonly sample: string;
  readonly source: string;
  /** The document that reported it. */
  readonly documentUrl: string;
}

export interface CspViolationRecorder {
  /** Whether the listener runs in the current document (false: the recorder would see nothing). */
  installed(): Promise<boolean>;
  /** Every violation of every document so far. */
  violations(): Promise<CspViolation[]>;
  /** Console lines that mention the Content Security Policy or Trusted Types. */
  readonly consoleErrors: readonly string[];
}

const CSP_CONSOLE = /Content Security Policy|Trusted ?Type|TrustedHTML|TrustedScript/i;
const BINDING = '__reportCspViolation';
const RECORD = '__cspViolations';

/** What the init script keeps on the current document's window. */
interface DocumentRecord {
  /** Tells this document's reports from those of the documents before it. */
  readonly id: string;
  readonly violations: CspViolation[];
}

export async function recordCspViolations(page: Page): Promise<CspViolationRecorder> {
  /** Every report the binding delivered, by the id of the document that made it. */
  const delivered: Array<{ documentId: string; violation: CspViolation }> = [];
  await page.exposeBinding(BINDING, (_source, documentId: string, violation: CspViolation) => {
    delivered.push({ documentId, violation });
  });
  await page.addInitScript(
    ({ binding, record }) => {
      const report = (window as unknown as Record<string, (id: string, v: CspViolation) => void>)[
        binding
      ]!;
      const current: DocumentRecord = { id: crypto.randomUUID(), violations: [] };
      Object.defineProperty(window, record, { value: current });
      document.addEventListener(
        'securitypolicyviolation',
        (event) => {
          const violation: CspViolation = {
            directive: event.effectiveDirective,
            blockedUri: event.blockedURI,
            sample: event.sample,
            source: `${event.sourceFile}:${event.lineNumber}`,
            documentUrl: event.documentURI,
          };
          current.violations.push(violation);
          report(current.id, violation);
        },
        true,
      );
    },
    { binding: BINDING, record: RECORD },
  );
  const readCurrent = () =>
    page.evaluate(
      (record) => (window as unknown as Record<string, DocumentRecord | undefined>)[record],
      RECORD,
    );
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (CSP_CONSOLE.test(message.text())) consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (CSP_CONSOLE.test(error.message)) consoleErrors.push(error.message);
  });
  return {
    installed: async () => (await readCurrent()) !== undefined,
    violations: async () => {
      // The current document's own list is complete; its binding calls may still be on the way.
      const current = await readCurrent();
      const earlier = delivered.filter((report) => report.documentId !== current?.id);
      return [...earlier.map((report) => report.violation), ...(current?.violations ?? [])];
    },
    consoleErrors,
  };
}
