// Every URL core follows or hands to the page (backend, OAuth authorize URL) must be https, or
// http on a loopback host for local development. Anything else (javascript:, data:, plain http
// on the internet) is refused.

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || hostname.endsWith('.localhost');
}

/**
 * True for https URLs, and http URLs on localhost / 127.0.0.1 / [::1]. URLs with a user name or
 * password are refused: `https://trusted.example@evil.example/` only looks like the first host.
 */
export function isAllowedUrl(url: URL): boolean {
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}

/** Parses a URL from the server and returns it only when the policy allows it. */
export function safeUrl(value: string | null | undefined, base?: string | URL): URL | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  return isAllowedUrl(url) ? url : null;
}
