// Registers <app-connections> and the <connection-status> rows it renders. The picker and the
// connect dialog it opens are lazy chunks that the element loads on intent or in idle time.
import './connection-status.js';
import { AppConnections } from '../app-connections/app-connections.js';
import { defineElement } from '../shared/define.js';

defineElement('app-connections', AppConnections);

declare global {
  interface HTMLElementTagNameMap {
    'app-connections': AppConnections;
  }
}
