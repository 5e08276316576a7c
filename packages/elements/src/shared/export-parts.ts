/**
 * The `exportparts` value that exposes an inner element's parts on its host, each renamed
 * `prefix` + name (`base` → `dialog-base`), so `host::part(dialog-base)` styles it from the page.
 * Names already exported by the inner element pass through unchanged in `forward`.
 */
export function exportParts(
  parts: readonly string[],
  prefix: string,
  forward: readonly string[] = [],
): string {
  return [...parts.map((name) => `${name}: ${prefix}${name}`), ...forward].join(', ');
}

/** `names` with `prefix`: the names an element exports from an inner one. */
export function prefixed(parts: readonly string[], prefix: string): string[] {
  return parts.map((name) => `${prefix}${name}`);
}
