// The page the provider's redirect lands on in popup mode. It posts the outcome to its opener
// with the exact opener origin (never '*'), then closes; the text stays visible in case the
// window cannot close or lost its opener. Strict CSP: only this page's nonce may run.
import { randomBytes } from 'node:crypto';
import type { OAuthCallbackMessage } from '@plugboard/contract';
import type { Translator } from '@plugboard/core/messages';

export interface CallbackPage {
  html: string;
  headers: Record<string, string>;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON that cannot end the script element or open a comment inside it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function pageHeaders(nonce: string, withScript: boolean): Record<string, string> {
  const scripts = withScript ? `'nonce-${nonce}'` : "'none'";
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': `default-src 'none'; script-src ${scripts}; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}

function document(
  t: Translator,
  nonce: string,
  title: string,
  paragraphs: string[],
  script = '',
): string {
  const style = `<style nonce="${nonce}">body{font:16px/1.5 system-ui,sans-serif;margin:3rem auto;max-width:32rem;padding:0 1rem;color:#1a1a1a}@media (prefers-color-scheme:dark){body{background:#111;color:#eee}}</style>`;
  const body = paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('');
  return `<!doctype html><html lang="${escapeHtml(t.locale)}" dir="${t.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>${style}</head><body><main><h1>${escapeHtml(title)}</h1>${body}</main>${script}</body></html>`;
}

export function renderCallbackPage(
  t: Translator,
  input: {
    message: OAuthCallbackMessage;
    openerOrigin: string;
    title: string;
    paragraphs: string[];
  },
): CallbackPage {
  const nonce = randomBytes(16).toString('base64');
  const script = `<script nonce="${nonce}">(function(){var message=${scriptJson(input.message)};var origin=${scriptJson(input.openerOrigin)};try{if(window.opener){window.opener.postMessage(message,origin);}}catch(e){}window.close();})();</script>`;
  return {
    html: document(t, nonce, input.title, input.paragraphs, script),
    headers: pageHeaders(nonce, true),
  };
}

/** A page without script, for states that match no flow: there is no opener to tell. */
export function renderPlainPage(t: Translator, title: string, paragraphs: string[]): CallbackPage {
  const nonce = randomBytes(16).toString('base64');
  return { html: document(t, nonce, title, paragraphs), headers: pageHeaders(nonce, false) };
}
