// Starts an OAuth popup flow for the app in `?app=` (default `slack`) from a click, and writes the
// outcome into the page as text for the test to read.
import { getClient } from '@plugboard/core';
import { harnessClientOptions } from './harness-client.js';
import { describeOAuthResult } from './describe-oauth-result.js';

const button = document.querySelector<HTMLButtonElement>('#connect')!;
const status = document.querySelector<HTMLElement>('#status')!;
const connectionId = document.querySelector<HTMLElement>('#connection-id')!;

try {
  const client = getClient(await harnessClientOptions());
  const app = await client.getApp(new URLSearchParams(location.search).get('app') ?? 'slack');
  // startOAuth must run synchronously inside the click so the popup is not blocked.
  button.addEventListener('click', () => {
    status.textContent = 'waiting';
    client.startOAuth(app, { mode: 'popup' }).result.then((result) => {
      status.textContent = describeOAuthResult(result);
      if (result.status === 'succeeded') connectionId.textContent = result.connection.id;
    });
  });
  button.disabled = false;
  status.textContent = 'ready';
} catch (error) {
  status.textContent = `setup failed: ${error instanceof Error ? error.message : String(error)}`;
}
