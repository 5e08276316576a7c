// The strict Content-Security-Policy a locked-down host page sends, and the one thing Plugboard
// adds to it: Lit (inside the elements) creates a Trusted Types policy named `lit-html` to stamp
// its templates, so `trusted-types` must allow that name. Everything else is the host's own.
// packages/elements/README.md ("Content Security Policy") documents the same directives.

/** The policy names the elements create. */
const PLUGBOARD_TRUSTED_TYPES = ['lit-html'] as const;

/**
 * @param scriptOrigins where else the page loads scripts from (a CDN serving the bundle).
 */
export function strictHostPolicy(
  backendOrigin: string,
  trustedTypes: readonly string[] = PLUGBOARD_TRUSTED_TYPES,
  scriptOrigins: readonly string[] = [],
): string {
  return [
    "default-src 'none'",
    ["script-src 'self'", ...scriptOrigins].join(' '),
    "style-src 'self'",
    `img-src 'self' ${backendOrigin} https: data:`,
    `connect-src 'self' ${backendOrigin}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types ${trustedTypes.length > 0 ? trustedTypes.join(' ') : "'none'"}`,
  ].join('; ');
}
