// Configures the shared client from the page server (playing the host product's backend) and
// registers the elements; <app-connections> in the page does the rest.
import { configure } from '@plugboard/core';
import '@plugboard/elements/define/all';
import { harnessClientOptions } from '../harness-client.js';

try {
  configure(await harnessClientOptions());
} catch (error) {
  document.querySelector('#setup-error')!.textContent =
    `setup failed: ${error instanceof Error ? error.message : String(error)}`;
}
