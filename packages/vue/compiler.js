// For Vue's template compiler (`compilerOptions.isCustomElement` in vite.config): these tags are
// custom elements, not Vue components. Plain JavaScript with no imports, because build configs
// load it with Node before any TypeScript tooling runs.
const PLUGBOARD_TAGS = new Set([
  'app-picker',
  'connect-dialog',
  'connection-status',
  'app-connections',
]);

/** @param {string} tag */
export function isPlugboardElement(tag) {
  return PLUGBOARD_TAGS.has(tag);
}
