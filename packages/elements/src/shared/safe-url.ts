const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Returns the normalised URL when a server-supplied value may be used as a link or image source:
 * absolute `https:` URLs, or `http:` on a loopback host for local development. Everything else
 * (`javascript:`, `data:`, relative paths, unparsable text, non-strings) yields `null`.
 * `URL` does the parsing, so case and whitespace tricks are normalised before the check.
 */
export function safeUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return url.href;
  return null;
}
