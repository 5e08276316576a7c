// The richer credential fields in <connect-dialog>: several lines (a PEM key), a file read in the
// browser (size-limited, its contents sent, never shown), a multi-select, fields shown only when
// another has a given value, and an update form filled with the saved non-secret fields.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Connection } from '@plugboard/contract';
import { DEMO_KEY, type MockBackend } from '@plugboard/mocks';
import '../define/connect-dialog.js';
import type { ConnectDialog } from './connect-dialog.js';
import type { ConnectSuccessEvent } from './connect-dialog.events.js';
import { useMockBackend } from '../test-support/mock-backend.js';

const root = (el: ConnectDialog) => el.shadowRoot!;
const text = (el: ConnectDialog) =>
  (root(el).querySelector('.body')?.textContent ?? '').replace(/\s+/g, ' ');

async function until(condition: () => unknown, message: string): Promise<void> {
  await waitUntil(condition, message, { timeout: 4000, interval: 20 });
}

function control<T extends HTMLElement = HTMLInputElement>(el: ConnectDialog, label: string): T {
  const match = Array.from(root(el).querySelectorAll('label, legend')).find((candidate) =>
    candidate.textContent?.replace(/\s+/g, ' ').trim().startsWith(label),
  );
  if (!match) throw new Error(`no label "${label}" in: ${text(el)}`);
  const target = match instanceof HTMLLabelElement ? match.htmlFor : match.parentElement!.id;
  return root(el).getElementById(target) as T;
}

const labels = (el: ConnectDialog) =>
  Array.from(root(el).querySelectorAll('form label.field__label')).map((label) =>
    label.textContent?.trim(),
  );

function button(el: ConnectDialog, name: string): HTMLButtonElement {
  const found = Array.from(root(el).querySelectorAll('button')).find(
    (candidate) =>
      (candidate.getAttribute('aria-label') ?? candidate.textContent ?? '').trim() === name,
  );
  if (!found) throw new Error(`no button "${name}" in: ${text(el)}`);
  return found;
}

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Puts `file` into a file input, as the browser's chooser would. */
function pick(input: HTMLInputElement, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

async function open(template: ReturnType<typeof html>, ready = 'form'): Promise<ConnectDialog> {
  const el = await fixture<ConnectDialog>(template);
  el.show();
  await el.updateComplete;
  await until(() => root(el).querySelector(ready), `"${ready}" never showed: ${text(el)}`);
  return el;
}

const createBodies = (backend: MockBackend) =>
  backend.store.requests
    .filter((request) => request.method === 'POST' && request.url.endsWith('/v1/connections'))
    .map((request) => JSON.parse(request.body ?? '{}') as { fields: Record<string, unknown> });

describe('<connect-dialog> richer credential fields', () => {
  let backend: MockBackend;
  beforeEach(async () => {
    backend = await useMockBackend({ scenario: 'empty' });
  });

  it('shows a field only while another has the value it needs, and sends only what is shown', async () => {
    const el = await open(html`<connect-dialog app-key="snowflake"></connect-dialog>`);
    expect(labels(el)).to.include('Private key (PEM)');
    expect(labels(el)).not.to.include('Password');
    const pem = control<HTMLTextAreaElement>(el, 'Private key (PEM)');
    expect(pem.tagName).to.equal('TEXTAREA');
    type(pem, `-----BEGIN PRIVATE KEY-----\n${DEMO_KEY}\n-----END PRIVATE KEY-----`);
    choose(control<HTMLSelectElement>(el, 'Sign in with'), 'password');
    await el.updateComplete;
    expect(labels(el)).to.include('Password');
    expect(labels(el)).not.to.include('Private key (PEM)');
    type(control(el, 'Account identifier'), 'acme-xy12345');
    type(control(el, 'User name'), 'PLUGBOARD_SERVICE');
    type(control(el, 'Password'), DEMO_KEY);
    const warehouses = root(el).querySelectorAll<HTMLInputElement>(
      'fieldset input[type="checkbox"]',
    );
    expect(warehouses.length).to.equal(3);
    warehouses[0]!.click();
    warehouses[2]!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    button(el, 'Connect').click();
    await until(() => createBodies(backend).length === 1, 'nothing was sent');
    expect(createBodies(backend)[0]!.fields).to.deep.equal({
      account: 'acme-xy12345',
      username: 'PLUGBOARD_SERVICE',
      authentication: 'password',
      password: DEMO_KEY,
      warehouses: ['COMPUTE_WH', 'REPORTING_WH'],
    });
  });

  it('reads a key file in the browser and sends its contents; a file too large is refused', async () => {
    const el = await open(
      html`<connect-dialog app-key="google-sheets"></connect-dialog>`,
      '.methods',
    );
    button(el, 'Service account key').click();
    await until(() => root(el).querySelector('input[type="file"]'), 'no file field');
    const input = root(el).querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.accept).to.equal('.json,application/json');
    pick(input, new File(['x'.repeat(9000)], 'huge.json', { type: 'application/json' }));
    await until(() => text(el).includes('This file is too large'), 'no size error');
    expect(text(el)).to.contain('Choose one of at most 8 KB.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');

    const contents = JSON.stringify({ type: 'service_account', private_key_id: DEMO_KEY });
    pick(input, new File([contents], 'key.json', { type: 'application/json' }));
    await until(() => text(el).includes('Read from key.json'), 'the file name never showed');
    expect(text(el)).not.to.contain('service_account', 'the contents are never shown');
    const succeeded = oneEvent(el, 'pb-connect-success') as Promise<ConnectSuccessEvent>;
    button(el, 'Connect').click();
    await succeeded;
    expect(createBodies(backend)[0]!.fields).to.deep.equal({ keyFile: contents });
  });

  it('fills an update with the saved non-secret fields; the secret stays empty with its hint', async () => {
    const now = new Date().toISOString();
    const saved: Connection = {
      id: 'con_pipe0001',
      app: 'pipedrive',
      label: 'Demo account (acme)',
      method: 'token',
      status: 'connected',
      credentialHint: '••••-123',
      grantedScopes: [],
      missingScopes: [],
      lastTestedAt: now,
      lastError: null,
      setup: null,
      settings: { pipeline: { value: '1', label: 'Sales pipeline' } },
      fields: { subdomain: 'acme' },
      createdAt: now,
      updatedAt: now,
    };
    backend = await useMockBackend({ connections: [saved] });
    const el = await open(html`<connect-dialog connection-id="con_pipe0001"></connect-dialog>`);
    expect(control(el, 'Company domain').value).to.equal('acme');
    const token = control(el, 'API token');
    expect(token.value).to.equal('');
    expect(token.required).to.equal(false);
    expect(text(el)).to.contain('Saved (••••-123). Leave it empty to keep it');
    const succeeded = oneEvent(el, 'pb-connect-success') as Promise<ConnectSuccessEvent>;
    button(el, 'Save and reconnect').click();
    expect((await succeeded).connection.id).to.equal('con_pipe0001');
    const patch = backend.store.requests.find((request) => request.method === 'PATCH');
    expect(JSON.parse(patch!.body!)).to.deep.equal({
      method: 'token',
      fields: { subdomain: 'acme' },
    });
  });

  it('asks for the secret again once another field changes', async () => {
    const now = new Date().toISOString();
    backend = await useMockBackend({
      connections: [
        {
          id: 'con_pipe0002',
          app: 'pipedrive',
          label: 'Demo account (acme)',
          method: 'token',
          status: 'connected',
          credentialHint: '••••-123',
          grantedScopes: [],
          missingScopes: [],
          lastTestedAt: now,
          lastError: null,
          setup: null,
          fields: { subdomain: 'acme' },
          createdAt: now,
          updatedAt: now,
        },
      ],
    });
    const el = await open(html`<connect-dialog connection-id="con_pipe0002"></connect-dialog>`);
    type(control(el, 'Company domain'), 'elsewhere');
    await el.updateComplete;
    button(el, 'Save and reconnect').click();
    await until(() => text(el).includes('API token is required.'), `no error: ${text(el)}`);
    expect(backend.store.requests.some((request) => request.method === 'PATCH')).to.equal(false);
  });
});
