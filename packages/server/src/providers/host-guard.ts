// A definition lists every host the server may call for its service. A URL built from what the
// user typed (a subdomain, a self-hosted address) is checked against that list before any request,
// so a typed value cannot send the user's credentials elsewhere or reach the server's own network.

export class ForbiddenHostError extends Error {
  constructor(readonly url: URL) {
    super(`${url.host} is not a host of this service.`);
    this.name = 'ForbiddenHostError';
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i;

function matches(hostname: string, pattern: string): boolean {
  if (pattern === '*') return !LOOPBACK.has(hostname) && !IP_LITERAL.test(hostname);
  if (pattern.startsWith('*.')) {
    const suffix = pattern.slice(1);
    return hostname.endsWith(suffix) && hostname.length > suffix.length;
  }
  return hostname === pattern;
}

/** https to a listed host; plain http only to a loopback host listed by name (the demo provider). */
export function assertAllowedHost(url: URL, hosts: readonly string[]): void {
  const hostname = url.hostname.toLowerCase();
  const listed = hosts.some((pattern) => matches(hostname, pattern));
  const secure =
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(hostname) && listed);
  if (!listed || !secure || url.username || url.password) throw new ForbiddenHostError(url);
}
