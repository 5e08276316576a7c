// <connection-status> follows changes made elsewhere (another tab, the backend's checks) through
// the live channel, and says them in its live region.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { getClient } from '@plugboard/core';
import type { MockBackend } from '@plugboard/mocks';
import '../define/connection-status.js';
import type { ConnectionStatus } from './connection-status.js';
import { requestsTo, useMockBackend } from '../test-support/mock-backend.js';
import { channelOpens } from '../test-support/live-channel.js';

const text = (el: ConnectionStatus) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');
const announced = (el: ConnectionStatus) =>
  el.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim() ?? '';

async function until(condition: () => unknown, message: string, timeout = 3000): Promise<void> {
  await waitUntil(condition, message, { timeout, interval: 20 });
}

async function render(id: string): Promise<ConnectionStatus> {
  const opened = channelOpens();
  const el = await fixture<ConnectionStatus>(
    html`<connection-status connection-id=${id}></connection-status>`,
  );
  await until(() => el.shadowRoot!.querySelector('[part~="badge"]'), 'never rendered');
  await opened;
  return el;
}

describe('<connection-status> live', () => {
  let backend: MockBackend;

  beforeEach(async () => {
    backend = await useMockBackend({ scenario: 'connections-every-status' });
    await getClient().catalog.load();
  });

  it('breaks and recovers the moment the backend says so, and announces both', async () => {
    const el = await render('con_status01');
    expect(el.status).to.equal('connected');
    backend.breakConnection('con_status01', {
      code: 'invalid_token',
      message: 'The token was revoked in HubSpot.',
    });
    await until(() => el.status === 'needs_reauth', 'the badge did not change');
    expect(el.getAttribute('status')).to.equal('needs_reauth');
    await until(() => announced(el).includes('is now: Needs attention'), 'not announced');
    expect(announced(el)).to.equal('Pipedrive (jane@acme.example) is now: Needs attention');
    expect(
      el.shadowRoot!.querySelector('[part~="details-toggle"]'),
      'the error details',
    ).not.to.equal(null);

    backend.recoverConnection('con_status01');
    await until(() => el.status === 'connected', 'did not recover');
    await until(() => announced(el).includes('is now: Connected'), 'recovery not announced');
    await expect(el).to.be.accessible();
  });

  it('shows a rename made in another tab', async () => {
    const el = await render('con_status02');
    backend.renameConnection('con_status02', 'Finance team');
    await until(() => text(el).includes('Finance team'), 'the label did not change');
  });

  it('says so when the connection is disconnected in another tab', async () => {
    const el = await render('con_status03');
    backend.removeConnection('con_status03');
    await until(() => text(el).includes('was disconnected'), 'not shown as removed');
    await until(() => announced(el).includes('was disconnected'), 'not announced');
    expect(el.shadowRoot!.querySelector('[part~="test"]')).to.equal(null);
  });

  it('keeps the channel while one element needs it, and closes it when none does', async function () {
    this.timeout(8000);
    const first = await render('con_status01');
    const second = await render('con_status02');
    first.remove();
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(getClient().live.state, 'the second element still needs it').not.to.equal('closed');
    second.remove();
    await until(() => getClient().live.state === 'closed', 'still open', 3000);
    const streams = requestsTo(backend, '/v1/events');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(requestsTo(backend, '/v1/events'), 'no stream opens after the last element').to.equal(
      streams,
    );
  });

  it('polls the list instead when a proxy holds the stream back, and still follows', async function () {
    this.timeout(20_000);
    backend.useScenario('live-buffered');
    const [first] = backend.store.connections;
    const el = await fixture<ConnectionStatus>(
      html`<connection-status connection-id=${first!.id}></connection-status>`,
    );
    await until(() => getClient().live.state === 'polling', 'did not fall back', 8000);
    backend.breakConnection(first!.id);
    await until(() => el.status === 'needs_reauth', 'polling did not bring the change', 8000);
  });
});
