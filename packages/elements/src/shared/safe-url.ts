import { safeUrl as allowedUrl } from '@plugboard/core';

/**
 * Returns the normalised URL when a server-supplied value may be used as a link or image source:
 * absolute URLs that core's URL policy allows (`https:`, or `http:` on a loopback host, without
 * credentials). Everything else (`javascript:`, `data:`, relative paths, unparsable text,
 * non-strings) yields `null`. `URL` does the parsing, so case and whitespace tricks are normalised
 * before the check.
 */
export function safeUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  return allowedUrl(raw)?.href ?? null;
}
