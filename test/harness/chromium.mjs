// Debian's Chromium and the flags it needs on this machine, shared by every harness that drives it
// (@web/test-runner, Playwright end-to-end, the Storybook smoke run). No tool downloads its own browser.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags without `--headless` (Playwright and Puppeteer add it themselves) or a profile directory. */
export const CHROMIUM_FLAGS = [
  // Root in a container has no user namespaces for the sandbox.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A fresh profile directory, removed when this process exits, so no state leaks between runs.
 * @returns {string}
 */
export function freshProfileDir() {
  const dir = mkdtempSync(join(tmpdir(), 'pb-chromium-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
