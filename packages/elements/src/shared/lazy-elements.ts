// The elements that ship as lazy chunks: a page showing its connections needs neither the app
// picker nor the connect dialog until the user heads for "Add a connection", Test or Update.
// Everything these define entries import, and nothing else imports, lands in their chunks.
import { lazyElement } from './lazy-element.js';

export const lazyAppPicker = lazyElement('app-picker', () => import('../define/app-picker.js'));

export const lazyConnectDialog = lazyElement(
  'connect-dialog',
  () => import('../define/connect-dialog.js'),
);
