// For Vue's template compiler (`compilerOptions.isCustomElement`): these tags are custom elements,
// not Vue components. Kept free of imports so build configs can load it cheaply.
const PLUGBOARD_TAGS = new Set(['app-picker', 'connect-dialog', 'connection-status', 'app-connections']);

export function isPlugboardElement(tag: string): boolean {
  return PLUGBOARD_TAGS.has(tag);
}
