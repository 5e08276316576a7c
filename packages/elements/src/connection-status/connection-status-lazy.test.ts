// The connect dialog and the card's Rename, Disconnect and Details views are lazy chunks of a page
// that shows a connection: a test page of its own, so their code is not loaded by an earlier test.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define/connection-status.js';
import type { ConnectDialog } from '../connect-dialog/connect-dialog.js';
import type { ConnectionStatus } from './connection-status.js';
import { holdIdleCallbacks, releaseIdleCallbacks } from '../test-support/idle-callbacks.js';
import { useMockBackend } from '../test-support/mock-backend.js';

/** What the page fetches from now on (an observer sees entries past the timing buffer's limit). */
const fetchedUrls: string[] = performance.getEntriesByType('resource').map((entry) => entry.name);
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) fetchedUrls.push(entry.name);
}).observe({ type: 'resource' });
const fetched = (name: string) => fetchedUrls.some((url) => url.includes(name));

describe('<connection-status> with the connect dialog and its actions as lazy chunks', () => {
  before(holdIdleCallbacks);
  after(releaseIdleCallbacks);

  it('fetches the dialog when Update gets focus, and opens it on click', async () => {
    await useMockBackend({ scenario: 'connections-every-status' });
    const el = await fixture<ConnectionStatus>(
      html`<connection-status connection-id="con_status01"></connection-status>`,
    );
    const update = () =>
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="update"]') ?? undefined;
    await waitUntil(update, 'never rendered');
    expect(customElements.get('connect-dialog'), 'fetched before any intent').to.equal(undefined);

    update()!.focus();
    await customElements.whenDefined('connect-dialog');
    update()!.click();
    await waitUntil(
      () => el.shadowRoot!.querySelector<ConnectDialog>('connect-dialog')?.open,
      'the dialog did not open',
    );
  });

  it('fetches the views behind Rename when it gets focus, not before, and shows the form on click', async () => {
    await useMockBackend({ scenario: 'connections-every-status' });
    const el = await fixture<ConnectionStatus>(
      html`<connection-status connection-id="con_status01"></connection-status>`,
    );
    const rename = () =>
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="rename"]') ?? undefined;
    await waitUntil(rename, 'never rendered');
    expect(fetched('card-actions'), 'fetched before any intent').to.equal(false);

    rename()!.focus();
    await waitUntil(() => fetched('card-actions'), 'not fetched on focus');
    rename()!.click();
    await waitUntil(
      () => el.shadowRoot!.querySelector('input#connection-name'),
      'the rename form did not show',
    );
    expect(rename()!.getAttribute('aria-expanded')).to.equal('true');
  });
});
