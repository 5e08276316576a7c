// Mounts the elements the fault suite drives (see fault-page-params.ts) with one shared client
// whose session token comes from the page server, as a host product's would, so a 401 makes it
// fetch a new one.
import { configure } from '@plugboard/core';
import '@plugboard/elements/define/all';
import { harnessClientOptions } from '../harness-client.js';
import { DIALOG_APP_KEY, fromSearchParams } from './fault-page-params.js';

const stage = document.querySelector<HTMLElement>('#stage')!;
const setupError = document.querySelector<HTMLElement>('#setup-error')!;

try {
  const params = fromSearchParams(new URLSearchParams(location.search));
  configure({ ...(await harnessClientOptions()), timeoutMs: params.timeoutMs });
  if (params.elements.includes('picker')) stage.append(document.createElement('app-picker'));
  if (params.elements.includes('dialog')) {
    const dialog = document.createElement('connect-dialog');
    dialog.appKey = DIALOG_APP_KEY;
    stage.append(dialog);
    dialog.show();
  }
} catch (error) {
  setupError.textContent = `setup failed: ${error instanceof Error ? error.message : String(error)}`;
}
