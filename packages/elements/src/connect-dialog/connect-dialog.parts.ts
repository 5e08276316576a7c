/**
 * The documented `::part()` names of `<connect-dialog>` (its `@csspart` tags), which elements that
 * render one export with a prefix. The manifest build fails when the two lists differ.
 */
export const connectDialogParts = [
  'base',
  'header',
  'logo',
  'title',
  'close-button',
  'body',
  'form',
  'field',
  'input',
  'button',
  'help-link',
  'field-error',
  'health-warning',
  'webhook-url',
  'webhook-username',
  'webhook-password',
  'copy',
  'event-indicator',
  'confirm',
  'error',
] as const;
