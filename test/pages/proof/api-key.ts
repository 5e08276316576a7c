// Connects an API-key app (`?app=`, default linear) with the key the user types, as a credentials
// form would; shows the connection id and the server's masked hint, never the key.
import { getClient } from '@plugboard/core';
import { harnessClientOptions } from '../harness-client.js';

const form = document.querySelector<HTMLFormElement>('#key-form')!;
const input = document.querySelector<HTMLInputElement>('#api-key')!;
const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
const status = document.querySelector<HTMLElement>('#status')!;
const connectionId = document.querySelector<HTMLElement>('#connection-id')!;
const hint = document.querySelector<HTMLElement>('#hint')!;

try {
  const client = getClient(await harnessClientOptions());
  const app = new URLSearchParams(location.search).get('app') ?? 'linear';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    status.textContent = 'saving';
    client.connections.create({ app, method: 'api_key', fields: { apiKey: input.value } }).then(
      (connection) => {
        // The typed key leaves the page with the request; the form does not keep it.
        input.value = '';
        status.textContent = connection.status;
        connectionId.textContent = connection.id;
        hint.textContent = connection.credentialHint ?? '';
      },
      (error: unknown) => {
        status.textContent = `error: ${error instanceof Error ? error.message : String(error)}`;
      },
    );
  });
  submit.disabled = false;
  status.textContent = 'ready';
} catch (error) {
  status.textContent = `setup failed: ${error instanceof Error ? error.message : String(error)}`;
}
