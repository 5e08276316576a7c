/**
 * The documented `::part()` names of `<connection-status>` (its `@csspart` tags), which elements
 * that render one export with a prefix. The manifest build fails when the two lists differ.
 */
export const connectionStatusParts = [
  'base',
  'header',
  'logo',
  'account',
  'badge',
  'health',
  'last-tested',
  'popover',
  'test-result',
  'settings',
  'rename',
  'error',
  'footer',
  'button',
  'confirm',
  'revoke-notice',
] as const;
