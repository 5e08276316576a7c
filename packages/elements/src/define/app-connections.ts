// Registers <app-connections> and the three elements it renders inside it.
import './app-picker.js';
import './connect-dialog.js';
import './connection-status.js';
import { AppConnections } from '../app-connections/app-connections.js';
import { defineElement } from '../shared/define.js';

defineElement('app-connections', AppConnections);

declare global {
  interface HTMLElementTagNameMap {
    'app-connections': AppConnections;
  }
}
