// The shared HTML frame of every page the demo provider renders: escaping, styles and the CSP
// that allows exactly this stylesheet (by hash) and no script at all.
import { createHash } from 'node:crypto';

const PROVIDER_NAME = 'Plugboard Demo Provider';

const STYLES = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; padding: 2rem 1rem; }
main { max-width: 26rem; margin: 0 auto; }
.brand { font-weight: 600; margin: 0 0 0.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
label { display: block; margin-top: 0.75rem; }
input[type='email'], input[type='password'] { box-sizing: border-box; width: 100%; padding: 0.5rem; font: inherit; }
fieldset { border: 1px solid currentColor; border-radius: 0.25rem; margin: 1rem 0; padding: 0.5rem 1rem; }
.scope { display: flex; gap: 0.5rem; align-items: baseline; }
.scope label { margin: 0.25rem 0; }
.hint { padding: 0.5rem 0.75rem; border: 1px dashed currentColor; border-radius: 0.25rem; }
.error { color: #b00020; font-weight: 600; }
@media (prefers-color-scheme: dark) { .error { color: #ff8a80; } }
.actions { display: flex; gap: 0.75rem; margin-top: 1rem; }
button { font: inherit; padding: 0.5rem 1.25rem; cursor: pointer; }
`;

const STYLE_HASH = createHash('sha256').update(STYLES).digest('base64');

export const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${STYLE_HASH}'`,
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Wraps trusted page markup; `title` is escaped here, `body` must already be escaped. */
export function renderPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ${PROVIDER_NAME}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
<p class="brand">${PROVIDER_NAME}</p>
${body}
</main>
</body>
</html>
`;
}
