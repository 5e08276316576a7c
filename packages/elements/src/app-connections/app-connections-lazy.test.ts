// The picker and the connect dialog are lazy chunks of the page that shows the connections: a
// test page of its own, so their code is not loaded by an earlier test.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define/app-connections.js';
import type { AppPicker } from '../app-picker/app-picker.js';
import type { AppConnections } from './app-connections.js';
import { holdIdleCallbacks, releaseIdleCallbacks } from '../test-support/idle-callbacks.js';
import { namedApps } from '../test-support/apps.js';
import { useMockBackend } from '../test-support/mock-backend.js';

describe('<app-connections> with the picker and the dialog as lazy chunks', () => {
  before(holdIdleCallbacks);
  after(releaseIdleCallbacks);

  it('registers neither the picker nor the dialog along with the page elements', () => {
    expect(customElements.get('app-connections')).to.not.equal(undefined);
    expect(customElements.get('connection-status')).to.not.equal(undefined);
    expect(customElements.get('app-picker')).to.equal(undefined);
    expect(customElements.get('connect-dialog')).to.equal(undefined);
  });

  it('fetches both when a pointer reaches "Add a connection", and their tags upgrade', async () => {
    await useMockBackend({ scenario: 'empty' });
    const el = await fixture<AppConnections>(html`<app-connections></app-connections>`);
    await waitUntil(() => el.shadowRoot!.querySelector('#add-button'), 'never rendered');
    // A picker the host put in its page itself and gave its apps before the code arrived.
    const loose = document.createElement('app-picker') as AppPicker;
    loose.apps = namedApps();
    document.body.append(loose);
    await el.updateComplete;
    expect(customElements.get('app-picker'), 'fetched before any intent').to.equal(undefined);

    el.shadowRoot!.querySelector('#add-button')!.dispatchEvent(new PointerEvent('pointerenter'));
    await Promise.all([
      customElements.whenDefined('app-picker'),
      customElements.whenDefined('connect-dialog'),
    ]);
    expect(el.shadowRoot!.querySelector('app-picker')!.shadowRoot).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('connect-dialog')!.shadowRoot).to.not.equal(null);
    await waitUntil(
      () => loose.shadowRoot?.querySelectorAll('[role="option"]').length,
      'the upgraded picker lost the apps it was given before',
    );
    loose.remove();
  });
});
