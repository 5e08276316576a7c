// Registers <connection-status>. Import for the side effect: `import '@plugboard/elements/define/connection-status'`.
import { ConnectionStatus } from '../connection-status/connection-status.js';
import { defineElement } from '../shared/define.js';

defineElement('connection-status', ConnectionStatus);

declare global {
  interface HTMLElementTagNameMap {
    'connection-status': ConnectionStatus;
  }
}
