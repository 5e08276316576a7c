/**
 * The documented `::part()` names of `<app-picker>` (its `@csspart` tags), which elements that
 * render one export with a prefix. The manifest build fails when the two lists differ.
 */
export const appPickerParts = [
  'base',
  'header',
  'input',
  'category',
  'body',
  'listbox',
  'option',
  'logo',
  'badge',
  'health-badge',
  'button',
  'request',
  'request-sent',
  'error',
] as const;
