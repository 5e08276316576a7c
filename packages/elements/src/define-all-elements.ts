// Registers all four tags when called, never on import: for bindings such as @plugboard/react and
// @plugboard/vue, which must register in browsers only (not during server-side rendering).
import { AppConnections } from './app-connections/app-connections.js';
import { AppPicker } from './app-picker/app-picker.js';
import { ConnectDialog } from './connect-dialog/connect-dialog.js';
import { ConnectionStatus } from './connection-status/connection-status.js';
import { defineElement } from './shared/define.js';

export function defineAllElements(): void {
  defineElement('app-picker', AppPicker);
  defineElement('connect-dialog', ConnectDialog);
  defineElement('connection-status', ConnectionStatus);
  defineElement('app-connections', AppConnections);
}
