import type { PlugboardOptions, Theme } from '@plugboard/core';

const THEMES: readonly string[] = ['light', 'dark', 'auto'];

/**
 * The options a page gives the script-tag bundle on its own `<script>` tag:
 * `data-backend-url`, `data-session-url`, `data-locale`, `data-theme`. The session URL is a
 * same-origin endpoint of the host that answers a POST with `{ "token": "…" }`; it becomes
 * `fetchSessionToken`, so a fresh token is fetched whenever the old one expires.
 */
export function scriptTagOptions(script: HTMLScriptElement): Partial<PlugboardOptions> {
  const { backendUrl, sessionUrl, locale, theme } = script.dataset;
  const options: Partial<PlugboardOptions> = {};
  if (backendUrl) options.backendUrl = backendUrl;
  if (locale) options.locale = locale;
  if (theme && THEMES.includes(theme)) options.theme = theme as Theme;
  if (sessionUrl) {
    const url = sameOriginUrl(sessionUrl);
    options.fetchSessionToken = () => fetchSessionToken(url);
  }
  return options;
}

/** The `<script>` element that loaded this bundle, or null when it cannot be told. */
export function findOwnScript(moduleUrl: string | undefined): HTMLScriptElement | null {
  // Classic scripts: set while the script runs for the first time.
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  // Module scripts have no currentScript: match our own URL against the page's script tags.
  if (!moduleUrl) return null;
  for (const script of document.querySelectorAll<HTMLScriptElement>('script[src]')) {
    if (script.src === moduleUrl) return script;
  }
  return null;
}

/** The session endpoint must be the page's own: it answers with the visitor's cookies. */
function sameOriginUrl(value: string): string {
  const url = new URL(value, document.baseURI);
  if (url.origin !== location.origin) {
    throw new TypeError(
      `data-session-url must be on this page's origin (${location.origin}), not ${url.origin}.`,
    );
  }
  return url.href;
}

async function fetchSessionToken(url: string): Promise<string> {
  // POST: minting a session has an effect, and a GET could be sent by any link or image.
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`The session URL answered HTTP ${response.status}.`);
  const body: unknown = await response.json();
  const token =
    typeof body === 'object' && body !== null ? (body as { token?: unknown }).token : undefined;
  if (typeof token !== 'string' || token === '') {
    throw new Error('The session URL must answer JSON of the form { "token": "…" }.');
  }
  return token;
}
