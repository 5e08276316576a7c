// The script-tag bundle: `<script type="module" src=".../plugboard.js" data-backend-url="…"
// data-session-url="/plugboard/session"></script>` registers every element and configures them
// from the tag's data attributes, so a plain HTML page needs no JavaScript of its own.
// `configure()` (exported here, and on `window.Plugboard` in the classic build) takes precedence.
// <connection-status> and <app-connections> are in this chunk; <app-picker> and <connect-dialog>
// are lazy chunks loaded from next to this file (see registerScriptTagElements).
import {
  configure as configureThisCopy,
  setScriptDefaults,
  type PlugboardOptions,
} from '@plugboard/core';
import { registerScriptTagElements } from './script-tag-elements.js';
import { findOwnScript, scriptTagOptions } from './script-tag-options.js';

type Configure = (options: Partial<PlugboardOptions>) => void;

// A second copy of this bundle on the page (two script tags) is harmless: the first copy's
// configuration and registrations stay, and this one does nothing, rather than reporting four
// registration clashes or replacing the first tag's options. The page remembers the first
// copy's configure() so that either copy's export configures the elements actually in use.
const FIRST_COPY = Symbol.for('plugboard.elements.script-configure');
const page = globalThis as { [FIRST_COPY]?: Configure };

/** Page-wide options (backend URL, session token or fetchSessionToken, locale, messages, theme). */
export function configure(options: Partial<PlugboardOptions>): void {
  (page[FIRST_COPY] ?? configureThisCopy)(options);
}

if (!page[FIRST_COPY]) {
  page[FIRST_COPY] = configureThisCopy;
  applyScriptTagOptions();
  registerScriptTagElements();
}

function applyScriptTagOptions(): void {
  const script = findOwnScript(import.meta.url);
  if (!script) return;
  try {
    setScriptDefaults(scriptTagOptions(script));
  } catch (error) {
    // A bad attribute must not break the host page; the elements show the configuration error.
    console.error('[plugboard] Ignoring the <script> tag data-* options:', error);
  }
}
