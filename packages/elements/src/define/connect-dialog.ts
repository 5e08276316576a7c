// Registers <connect-dialog>. Import for the side effect: `import '@plugboard/elements/define/connect-dialog'`.
import { ConnectDialog } from '../connect-dialog/connect-dialog.js';
import { defineElement } from '../shared/define.js';

defineElement('connect-dialog', ConnectDialog);

declare global {
  interface HTMLElementTagNameMap {
    'connect-dialog': ConnectDialog;
  }
}
