// The page a connect link opens: the same elements as any host page (the script-tag bundle this
// backend serves), a `<connect-dialog>` for the link's app or connection (an `<app-picker>` first
// when the link names no app), and a few lines that finish the link and send the user back. Its
// own words come from the widgets' message catalog, in the browser's language. Strict CSP: only
// this page's nonce runs, Trusted Types as the elements need, no framing, no referrer (the URL is
// a capability).
import { randomBytes } from 'node:crypto';
import type { Translator } from '@plugboard/core/messages';
import { escapeHtml } from '../oauth/callback-page.js';

export interface RenderedPage {
  status: number;
  html: string;
  headers: Record<string, string>;
}

export interface DialogPageInput {
  /** Where the bundle, the session and the completion live (absolute paths on this backend). */
  bundleUrl: string;
  backendUrl: string;
  sessionUrl: string;
  completeUrl: string;
  cancelUrl: string;
  appName: string | null;
  app: string | null;
  connectionId: string | null;
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;margin:3rem auto;max-width:36rem;padding:0 1rem;color:#1a1a1a}' +
  '@media (prefers-color-scheme:dark){body{background:#111;color:#eee}a{color:#9cf}}' +
  '[hidden]{display:none!important}button{font:inherit;min-block-size:2.25rem;padding:0 1rem}' +
  '.actions{display:flex;gap:1rem;align-items:center;flex-wrap:wrap}';

/** Finishes the link: opens the dialog, reports a success, offers "Try again" after a cancel. */
const CONTROLLER = `(() => {
  const page = document.getElementById('connect-page');
  const dialog = page.querySelector('connect-dialog');
  const picker = page.querySelector('app-picker');
  const status = document.getElementById('status');
  const cancelled = document.getElementById('cancelled');
  let finishing = false;
  const open = () => {
    cancelled.hidden = true;
    if (picker && !dialog.app) { picker.hidden = false; return; }
    dialog.show();
  };
  if (picker) picker.addEventListener('pb-app-select', (event) => {
    picker.hidden = true;
    dialog.app = event.app;
    dialog.show();
  });
  dialog.addEventListener('pb-connect-success', async (event) => {
    finishing = true;
    status.hidden = false;
    const answer = await fetch(page.dataset.completeUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ connectionId: event.connection.id }),
    });
    if (!answer.ok) { status.textContent = page.dataset.failedText; return; }
    const { returnUrl } = await answer.json();
    window.location.assign(returnUrl);
  });
  dialog.addEventListener('pb-connect-closed', (event) => {
    if (!event.completed && !finishing) cancelled.hidden = false;
  });
  document.getElementById('try-again').addEventListener('click', () => {
    if (picker) dialog.app = undefined;
    open();
  });
  customElements.whenDefined('connect-dialog').then(open);
})();`;

function headers(nonce: string): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src 'nonce-${nonce}'`,
      "img-src 'self' https: data:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "require-trusted-types-for 'script'",
      'trusted-types lit-html',
    ].join('; '),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}

function documentOf(t: Translator, nonce: string, title: string, body: string): string {
  return `<!doctype html><html lang="${escapeHtml(t.locale)}" dir="${t.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style nonce="${nonce}">${STYLE}</style></head><body>${body}</body></html>`;
}

/** A used, expired or unknown link, or a page this server cannot show: words, no script. */
export function renderLinkNotice(
  t: Translator,
  status: number,
  state: 'invalid' | 'expired' | 'used' | 'unavailable',
): RenderedPage {
  const nonce = randomBytes(16).toString('base64');
  const title = t.t(`connectLink.${state}Title`);
  const body = `<main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(t.t(`connectLink.${state}Body`))}</p></main>`;
  return { status, html: documentOf(t, nonce, title, body), headers: headers(nonce) };
}

export function renderDialogPage(t: Translator, input: DialogPageInput): RenderedPage {
  const nonce = randomBytes(16).toString('base64');
  const app = input.appName ?? '';
  const [title, intro] = input.connectionId
    ? [t.t('connectLink.reconnectTitle', { app }), t.t('connectLink.reconnectIntro', { app })]
    : input.app
      ? [t.t('connectLink.connectTitle', { app }), t.t('connectLink.connectIntro', { app })]
      : [t.t('connectLink.chooseTitle'), t.t('connectLink.chooseIntro')];
  const attribute = (name: string, value: string | null) =>
    value === null ? '' : ` ${name}="${escapeHtml(value)}"`;
  const body =
    `<main id="connect-page"${attribute('data-complete-url', input.completeUrl)}${attribute('data-failed-text', t.t('connectLink.failed'))}>` +
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(intro)}</p>` +
    (input.app ? '' : '<app-picker hidden></app-picker>') +
    `<connect-dialog${attribute('app-key', input.app)}${attribute('connection-id', input.connectionId)}></connect-dialog>` +
    `<p id="status" role="status" hidden>${escapeHtml(t.t('connectLink.finishing'))}</p>` +
    `<div id="cancelled" class="actions" hidden><p>${escapeHtml(t.t('connectLink.cancelled'))}</p>` +
    `<button id="try-again" type="button">${escapeHtml(t.t('connectLink.tryAgain'))}</button>` +
    `<a href="${escapeHtml(input.cancelUrl)}">${escapeHtml(t.t('connectLink.back'))}</a></div>` +
    '</main>' +
    `<script nonce="${nonce}" src="${escapeHtml(input.bundleUrl)}"${attribute('data-backend-url', input.backendUrl)}${attribute('data-session-url', input.sessionUrl)}></script>` +
    `<script nonce="${nonce}">${CONTROLLER}</script>`;
  return { status: 200, html: documentOf(t, nonce, title, body), headers: headers(nonce) };
}
