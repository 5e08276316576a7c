// Origins are compared in their serialized form (scheme://host[:port]), as browsers send them.

/** The canonical origin of a URL string, or null when it is not an http(s) origin. */
export function canonicalOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** True for a bare origin: a URL with nothing after the host and port. */
export function isBareOrigin(value: string): boolean {
  return canonicalOrigin(value) === value;
}
