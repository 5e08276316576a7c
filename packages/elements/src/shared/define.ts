/**
 * Registers a custom element once. Loading the bundle twice, or two define entries racing, is
 * harmless; a different class already under the tag (another library or another Plugboard version)
 * is reported once and left in place rather than throwing and breaking the host page.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === ctor) return;
  if (existing) {
    console.warn(
      `[plugboard] <${tag}> is already defined by another library or another version of Plugboard; ` +
        'keeping the existing definition. Load only one copy of Plugboard per page.',
    );
    return;
  }
  customElements.define(tag, ctor);
}
