// <app-connections> follows changes made in another tab or by the backend, without a reload.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { DEMO_KEY, type MockBackend } from '@plugboard/mocks';
import '../define/app-connections.js';
import type { AppConnections } from './app-connections.js';
import type { ConnectionStatus } from '../connection-status/connection-status.js';
import { MOCK_BASE_URL, useMockBackend } from '../test-support/mock-backend.js';
import { channelOpens } from '../test-support/live-channel.js';

const root = (el: AppConnections) => el.shadowRoot!;
const rows = (el: AppConnections) =>
  Array.from(root(el).querySelectorAll<HTMLElement>('li[data-connection-id]'));
const rowIds = (el: AppConnections) => rows(el).map((row) => row.dataset['connectionId']);
const announced = (el: AppConnections) =>
  root(el).querySelector('section > [role="status"]')?.textContent?.trim() ?? '';

async function until(condition: () => unknown, message: string, timeout = 4000): Promise<void> {
  await waitUntil(condition, message, { timeout, interval: 20 });
}

describe('<app-connections> live', () => {
  let backend: MockBackend;
  let el: AppConnections;

  beforeEach(async () => {
    backend = await useMockBackend();
    const opened = channelOpens();
    el = await fixture<AppConnections>(html`<app-connections></app-connections>`);
    await until(() => rows(el).length === 2, 'the list never loaded');
    await opened;
  });

  it('drops a row disconnected in another tab, says so, and keeps focus in the list', async () => {
    const [first, second] = rowIds(el);
    rows(el)[0]!.focus();
    backend.removeConnection(first!);
    await until(() => rows(el).length === 1, 'the row stayed');
    expect(rowIds(el)).to.deep.equal([second]);
    await until(() => announced(el).endsWith('was disconnected.'), 'not announced');
    await until(() => root(el).activeElement === rows(el)[0], 'focus did not move to the next row');
    await expect(el).to.be.accessible();
  });

  it('leaves focus alone when the row that left did not hold it', async () => {
    const [first] = rowIds(el);
    const add = root(el).querySelector<HTMLButtonElement>('#add-button')!;
    add.focus();
    backend.removeConnection(first!);
    await until(() => rows(el).length === 1, 'the row stayed');
    expect(root(el).activeElement).to.equal(add);
  });

  it('adds a connection made in another tab, and says so', async () => {
    const created = await fetch(`${MOCK_BASE_URL}/v1/connections`, {
      method: 'POST',
      headers: {
        Authorization: 'Bearer another-tab',
        'Content-Type': 'application/json',
        'Idempotency-Key': 'another-tab-create-1',
      },
      body: JSON.stringify({ app: 'pennylane', method: 'token', fields: { token: DEMO_KEY } }),
    });
    expect(created.status).to.equal(201);
    const { id } = (await created.json()) as { id: string };
    await until(() => rowIds(el).includes(id), 'the new row did not appear');
    await until(() => announced(el) === 'Pennylane is connected', 'not announced');
  });

  it("turns a row's status the moment its connection breaks", async () => {
    const [first] = rowIds(el);
    backend.breakConnection(first!);
    const status = () =>
      root(el).querySelector<ConnectionStatus>(
        `li[data-connection-id="${first}"] connection-status`,
      );
    await until(() => status()?.status === 'needs_reauth', 'the status did not change');
    await until(
      () => status()!.shadowRoot!.querySelector('[role="status"]')?.textContent?.includes('is now'),
      'the row did not announce it',
    );
  });
});
