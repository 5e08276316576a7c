// The connect dialog is a lazy chunk of a page that shows a connection: a test page of its own,
// so its code is not loaded by an earlier test.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define/connection-status.js';
import type { ConnectDialog } from '../connect-dialog/connect-dialog.js';
import type { ConnectionStatus } from './connection-status.js';
import { holdIdleCallbacks, releaseIdleCallbacks } from '../test-support/idle-callbacks.js';
import { useMockBackend } from '../test-support/mock-backend.js';

describe('<connection-status> with the connect dialog as a lazy chunk', () => {
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
});
