/** The origin of a URL string, or undefined when it does not parse. */
export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** True for an origin such as `https://app.example` (no path, no trailing slash). */
export function isOrigin(value: string): boolean {
  return originOf(value) === value;
}

/** An http(s) origin only: what a session may list (the real server's rule). */
export function isWebOrigin(value: string): boolean {
  return /^https?:/.test(value) && isOrigin(value);
}
