// Test helper: signs in to the demo provider as the demo user and answers the consent page over
// real HTTP, returning the redirect to the client's redirect_uri.
import { DEMO_USER, type DemoIdentity } from '../demo-provider/demo-account.js';
import { DECISIONS, FORM_FIELDS } from '../demo-provider/interaction-paths.js';
import { ScriptedBrowser } from './scripted-browser.js';

export interface CompleteAuthorizationOptions {
  /** Press "Deny" on the consent page; the client then receives `error=access_denied`. */
  deny?: boolean;
  /** Scopes to untick on the consent page before pressing "Allow". */
  uncheckScopes?: string[];
  /** Who signs in (default: the first demo account). */
  account?: DemoIdentity;
  /** A browser that may remember an earlier sign-in (default: a fresh one). */
  browser?: ScriptedBrowser;
  /** On the consent page, press "Use another account" first and sign in as `account`. */
  useAnotherAccount?: boolean;
}

/** Login and consent, ending a session to switch accounts, plus one spare. */
const MAX_FORMS = 5;

function decodeAttribute(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** The page's text without markup, for error messages. */
export function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function formActionOf(html: string, pageUrl: URL): URL | undefined {
  const action = /<form[^>]*\saction="([^"]+)"/.exec(html)?.[1];
  return action === undefined ? undefined : new URL(decodeAttribute(action), pageUrl);
}

/** The values of the consent page's scope checkboxes (required scopes are not form fields). */
export function offeredScopes(html: string): string[] {
  const scopeInput = new RegExp(`<input[^>]*\\sname="${FORM_FIELDS.scope}" value="([^"]+)"`, 'g');
  return [...html.matchAll(scopeInput)].map(([, value = '']) => decodeAttribute(value));
}

/** Fills the login or consent form the way a user of the demo account would. */
function answerFor(action: URL, html: string, options: CompleteAuthorizationOptions) {
  if (action.pathname.endsWith('/login')) {
    const account = options.account ?? DEMO_USER;
    return new URLSearchParams({
      [FORM_FIELDS.email]: account.email,
      [FORM_FIELDS.password]: account.password,
    });
  }
  if (action.pathname.endsWith('/consent')) {
    const unchecked = new Set(options.uncheckScopes ?? []);
    const form = new URLSearchParams();
    for (const scope of offeredScopes(html)) {
      if (!unchecked.has(scope)) form.append(FORM_FIELDS.scope, scope);
    }
    form.set(FORM_FIELDS.decision, options.deny ? DECISIONS.deny : DECISIONS.allow);
    return form;
  }
  // Signing in as another account first ends the provider session (its page posts by script).
  if (action.pathname.endsWith('/session/end/confirm')) {
    const hidden = /<input type="hidden" name="([^"]+)" value="([^"]*)"/g;
    return new URLSearchParams(
      [...html.matchAll(hidden)].map(([, name = '', value = '']) => [name, decodeAttribute(value)]),
    );
  }
  throw new Error(`Unexpected form action ${action.pathname}`);
}

/**
 * Opens an authorization URL of the demo provider in a fresh cookie session, signs in as the
 * demo user, answers the consent page and resolves with the redirect to the client's
 * redirect_uri (the first redirect leaving the provider's origin), which carries `code` and
 * `state`, or `error`. Rejects with the page's text if the provider shows an error page.
 */
export async function completeAuthorization(
  authorizeUrl: string,
  options: CompleteAuthorizationOptions = {},
): Promise<URL> {
  const browser = options.browser ?? new ScriptedBrowser(authorizeUrl);
  let result = await browser.open(authorizeUrl);
  let switched = false;
  for (let forms = 0; forms < MAX_FORMS; forms += 1) {
    if (result.kind === 'left-provider') return result.url;
    const switchLink = /<a href="([^"]+\/switch)"/.exec(result.html)?.[1];
    if (options.useAnotherAccount && !switched && switchLink) {
      switched = true;
      result = await browser.open(new URL(decodeAttribute(switchLink), result.url));
      continue;
    }
    const action = formActionOf(result.html, result.url);
    if (result.status !== 200 || !action) {
      const text = visibleText(result.html).slice(0, 300);
      throw new Error(`Demo provider answered ${result.status} at ${result.url.pathname}: ${text}`);
    }
    result = await browser.submit(action, answerFor(action, result.html, options));
  }
  if (result.kind === 'left-provider') return result.url;
  throw new Error(`The authorization did not reach the client after ${MAX_FORMS} forms`);
}
