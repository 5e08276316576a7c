// Whether the Popover API (top layer) exists: the error popover's markup, rendered with the card,
// needs to know; its behaviour (floating-popover.ts) comes with a click.
export const supportsPopover =
  typeof HTMLElement !== 'undefined' && 'popover' in HTMLElement.prototype;

/** The attribute the floating element needs at render time: top layer where supported. */
export const popoverAttribute = supportsPopover ? 'manual' : undefined;
