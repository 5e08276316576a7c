// <connection-status>: the saved setup choices, "Settings" (the dialog on the choices alone, no
// sign-in) and "Rename"; and two accounts of one app side by side in <app-connections>.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Connection } from '@plugboard/contract';
import '../define/connection-status.js';
import '../define/app-connections.js';
import type { ConnectionStatus } from './connection-status.js';
import type { ConnectDialog } from '../connect-dialog/connect-dialog.js';
import type { AppConnections } from '../app-connections/app-connections.js';
import type { ConnectionRenameEvent, ConnectionSettingsEvent } from './connection-status.events.js';
import { useMockBackend } from '../test-support/mock-backend.js';

const text = (root: ShadowRoot) => (root.textContent ?? '').replace(/\s+/g, ' ');

async function until(condition: () => unknown, message: string): Promise<void> {
  await waitUntil(condition, message, { timeout: 4000, interval: 20 });
}

function button(root: ShadowRoot, name: string): HTMLButtonElement {
  const found = Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find(
    (candidate) =>
      (candidate.getAttribute('aria-label') ?? candidate.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim() === name,
  );
  if (!found) throw new Error(`no button "${name}" in: ${text(root)}`);
  return found;
}

function connection(id: string, app: string, extra: Partial<Connection> = {}): Connection {
  const now = new Date().toISOString();
  return {
    id,
    app,
    label: 'Jane Doe (jane@acme.example)',
    method: 'oauth2',
    status: 'connected',
    credentialHint: null,
    grantedScopes: [],
    missingScopes: [],
    lastTestedAt: now,
    lastError: null,
    setup: null,
    settings: {},
    createdAt: now,
    updatedAt: now,
    ...extra,
  };
}

async function card(id: string): Promise<ConnectionStatus> {
  const el = await fixture<ConnectionStatus>(
    html`<connection-status connection-id=${id}></connection-status>`,
  );
  await until(() => el.shadowRoot!.querySelector('[part~="badge"]'), 'never rendered');
  return el;
}

describe('<connection-status> settings and rename', () => {
  it('shows the saved choices, and changes them through Settings without signing in', async () => {
    const backend = await useMockBackend({
      connections: [
        connection('con_slack0001', 'slack', {
          settings: { channel: { value: 'C0GENERAL', label: '#general' }, threadReplies: true },
        }),
      ],
    });
    const el = await card('con_slack0001');
    const root = el.shadowRoot!;
    await until(() => root.querySelector('[part~="settings"]'), 'no settings summary');
    expect(root.querySelector('[part~="settings"] dt')?.textContent).to.equal('Channel to post in');
    expect(root.querySelector('[part~="settings"] dd')?.textContent).to.equal('#general');

    button(root, 'Change Slack settings').click();
    const dialog = await (async () => {
      await until(() => root.querySelector('connect-dialog'), 'no dialog');
      return root.querySelector<ConnectDialog>('connect-dialog')!;
    })();
    expect(dialog.intent).to.equal('settings');
    const dialogRoot = dialog.shadowRoot!;
    await until(() => text(dialogRoot).includes('Slack settings'), 'the settings never showed');
    const channel = dialogRoot.getElementById('setting-channel') as HTMLInputElement;
    channel.value = 'sal';
    channel.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await until(
      () => dialogRoot.querySelector('[role="option"]')?.textContent?.includes('#sales'),
      'no #sales option',
    );
    (dialogRoot.querySelector('[role="option"]') as HTMLElement).click();
    const saved = oneEvent(el, 'pb-connection-settings') as Promise<ConnectionSettingsEvent>;
    button(dialogRoot, 'Save').click();
    expect((await saved).connection.settings?.['channel']).to.deep.equal({
      value: 'C0SALES',
      label: '#sales',
    });
    await until(
      () => root.querySelector('[part~="settings"] dd')?.textContent === '#sales',
      'the card still shows the old choice',
    );
    expect(backend.store.flows).to.have.length(0);
  });

  it('has no Settings for an app without setup choices', async () => {
    await useMockBackend({
      connections: [connection('con_hubspot01', 'hubspot')],
    });
    const el = await card('con_hubspot01');
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(() => button(el.shadowRoot!, 'Change HubSpot settings')).to.throw();
  });

  it('renames the connection; an empty name is refused; Escape cancels', async () => {
    const backend = await useMockBackend({
      connections: [connection('con_slack0002', 'slack')],
    });
    const el = await card('con_slack0002');
    const root = el.shadowRoot!;
    // The buttons are named after the app once the catalog has it.
    await until(() => root.querySelector('.app-name')?.textContent === 'Slack', 'no app name');
    const rename = button(root, 'Rename this Slack connection');
    rename.click();
    await until(() => root.activeElement?.id === 'connection-name', 'focus not in the name');
    const input = root.getElementById('connection-name') as HTMLInputElement;
    expect(input.value).to.equal('Jane Doe (jane@acme.example)');
    expect(rename.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();

    input.value = '   ';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    button(root, 'Save name').click();
    await until(() => text(root).includes('Enter a name.'), 'no error for an empty name');
    expect(input.getAttribute('aria-invalid')).to.equal('true');

    input.value = 'Work Slack';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    const renamed = oneEvent(el, 'pb-connection-rename') as Promise<ConnectionRenameEvent>;
    button(root, 'Save name').click();
    expect((await renamed).connection.label).to.equal('Work Slack');
    await until(
      () => root.querySelector('[part~="account"]')?.textContent === 'Work Slack',
      'the new name never showed',
    );
    await until(() => root.activeElement === rename, 'focus did not return to Rename');
    expect(backend.store.connections[0]!.label).to.equal('Work Slack');

    rename.click();
    await until(() => root.getElementById('connection-name'), 'no name field');
    const again = root.getElementById('connection-name') as HTMLInputElement;
    again.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    await until(() => !root.getElementById('connection-name'), 'Escape did not cancel');
    expect(root.querySelector('[part~="account"]')?.textContent).to.equal('Work Slack');
  });
});

describe('<app-connections> with two accounts of one app', () => {
  it('shows both, each with its account name, in the app’s group', async () => {
    await useMockBackend({
      connections: [
        connection('con_pipe0001', 'pipedrive', { label: 'Demo account (acme)', method: 'token' }),
        connection('con_pipe0002', 'pipedrive', { label: 'Alex Rivera (acme)', method: 'token' }),
      ],
    });
    const el = await fixture<AppConnections>(html`<app-connections></app-connections>`);
    await until(
      () => el.shadowRoot!.querySelectorAll('connection-status').length === 2,
      'the two cards never showed',
    );
    const groups = el.shadowRoot!.querySelectorAll('[part~="group"]');
    expect(groups.length, 'one group for the app').to.equal(1);
    const cards = Array.from(groups[0]!.querySelectorAll('connection-status'));
    await until(
      () => cards.every((status) => status.shadowRoot?.querySelector('[part~="account"]')),
      'the cards never rendered',
    );
    expect(
      cards.map((status) => status.shadowRoot!.querySelector('[part~="account"]')!.textContent),
    ).to.have.members(['Demo account (acme)', 'Alex Rivera (acme)']);
  });
});
