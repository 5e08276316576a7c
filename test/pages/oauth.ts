// Starts an OAuth popup flow for the app in `?app=` (default `slack`) from a click, and writes the
// outcome into the page as text for the test to read.
import { getClient, type OAuthResult } from '@plugboard/core';
import { harnessClientOptions } from './harness-client.js';

const button = document.querySelector<HTMLButtonElement>('#connect')!;
const status = document.querySelector<HTMLElement>('#status')!;
const connectionId = document.querySelector<HTMLElement>('#connection-id')!;

function describe(result: OAuthResult): string {
  switch (result.status) {
    case 'failed':
      return `failed: ${result.code}`;
    case 'cancelled':
      return `cancelled: ${result.reason}`;
    case 'error':
      return `error: ${result.error.code}`;
    default:
      return result.status;
  }
}

try {
  const client = getClient(await harnessClientOptions());
  const app = await client.getApp(new URLSearchParams(location.search).get('app') ?? 'slack');
  // startOAuth must run synchronously inside the click so the popup is not blocked.
  button.addEventListener('click', () => {
    status.textContent = 'waiting';
    client.startOAuth(app, { mode: 'popup' }).result.then((result) => {
      status.textContent = describe(result);
      if (result.status === 'succeeded') connectionId.textContent = result.connection.id;
    });
  });
  button.disabled = false;
  status.textContent = 'ready';
} catch (error) {
  status.textContent = `setup failed: ${error instanceof Error ? error.message : String(error)}`;
}
