// The script-tag bundle's registrations: the elements a page shows before anyone clicks are
// defined at once; the picker and the dialog load from their chunks right away when the page
// uses their tags itself, and otherwise in idle time, so a tag added later upgrades as well.
import { AppConnections } from './app-connections/app-connections.js';
import { ConnectionStatus } from './connection-status/connection-status.js';
import { defineElement } from './shared/define.js';
import { lazyAppPicker, lazyConnectDialog } from './shared/lazy-elements.js';
import { whenIdle } from './shared/when-idle.js';

export function registerScriptTagElements(): void {
  defineElement('connection-status', ConnectionStatus);
  defineElement('app-connections', AppConnections);
  for (const lazy of [lazyAppPicker, lazyConnectDialog]) {
    if (document.querySelector(lazy.tag)) lazy.preload();
    else whenIdle(() => lazy.preload());
  }
}
