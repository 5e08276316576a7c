// The setup choices in <connect-dialog> against the mock backend: the option combobox (APG:
// roles, aria-activedescendant, keys, search, paging, refresh), the multi-select, text and
// checkbox steps, the checks with what to do, the webhook check, and settings mode.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Connection } from '@plugboard/contract';
import { DEMO_KEY, type MockBackend } from '@plugboard/mocks';
import '../define/connect-dialog.js';
import type { ConnectDialog } from './connect-dialog.js';
import type {
  ConnectClosedEvent,
  ConnectSettingsSavedEvent,
  ConnectSuccessEvent,
} from './connect-dialog.events.js';
import { controlledListbox } from '../test-support/combobox.js';
import { useMockBackend } from '../test-support/mock-backend.js';

const root = (el: ConnectDialog) => el.shadowRoot!;
const text = (el: ConnectDialog) =>
  (root(el).querySelector('.body')?.textContent ?? '').replace(/\s+/g, ' ');

async function until(condition: () => unknown, message: string, timeout = 4000): Promise<void> {
  await waitUntil(condition, message, { timeout, interval: 20 });
}

const untilText = (el: ConnectDialog, wanted: string) =>
  until(() => text(el).includes(wanted), `"${wanted}" never showed; saw: ${text(el)}`);

/** The control a `<label>` with this text points at. */
function control<T extends HTMLElement = HTMLInputElement>(el: ConnectDialog, label: string): T {
  const match = Array.from(root(el).querySelectorAll('label')).find(
    (candidate) => candidate.textContent?.trim() === label,
  );
  if (!match) throw new Error(`no label "${label}" in: ${text(el)}`);
  return root(el).getElementById(match.htmlFor) as T;
}

function button(el: ConnectDialog, name: string): HTMLButtonElement {
  const found = Array.from(root(el).querySelectorAll('button')).find(
    (candidate) =>
      (candidate.getAttribute('aria-label') ?? candidate.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim() === name,
  );
  if (!found) throw new Error(`no button "${name}" in: ${text(el)}`);
  return found;
}

const press = (target: HTMLElement, key: string) =>
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }),
  );

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

function listbox(combobox: HTMLElement): HTMLElement {
  return controlledListbox(combobox)!;
}

const optionLabels = (combobox: HTMLElement) =>
  Array.from(listbox(combobox).querySelectorAll('[role="option"]')).map((option) =>
    option.querySelector('.option__label')?.textContent?.trim(),
  );

async function open(template: ReturnType<typeof html>): Promise<ConnectDialog> {
  const el = await fixture<ConnectDialog>(template);
  el.show();
  await el.updateComplete;
  return el;
}

/** Pipedrive with the demo key: its setup choices come right after. */
async function connectPipedrive(key = DEMO_KEY): Promise<ConnectDialog> {
  const el = await open(html`<connect-dialog app-key="pipedrive"></connect-dialog>`);
  await until(() => root(el).querySelector('form'), 'the credential form never showed');
  type(control(el, 'Company domain'), 'acme');
  type(control(el, 'API token'), key);
  await el.updateComplete;
  button(el, 'Connect').click();
  await untilText(el, 'Set up Pipedrive');
  return el;
}

function slackConnection(settings: Connection['settings'] = {}): Connection {
  const now = new Date().toISOString();
  return {
    id: 'con_slack0001',
    app: 'slack',
    label: 'Jane Doe (jane@acme.example)',
    method: 'oauth2',
    status: 'connected',
    credentialHint: null,
    grantedScopes: ['contacts.read'],
    missingScopes: [],
    lastTestedAt: now,
    lastError: null,
    setup: null,
    settings,
    createdAt: now,
    updatedAt: now,
  };
}

describe('<connect-dialog> setup choices', () => {
  let backend: MockBackend;

  beforeEach(async () => {
    backend = await useMockBackend({ scenario: 'empty' });
  });

  it('is an APG combobox over the live options: keys move the active option, Enter chooses', async () => {
    const el = await connectPipedrive();
    const pipeline = control(el, 'Pipeline for new deals');
    expect(pipeline.getAttribute('role')).to.equal('combobox');
    expect(pipeline.getAttribute('aria-expanded')).to.equal('false');
    expect(listbox(pipeline).getAttribute('role')).to.equal('listbox');
    await until(() => optionLabels(pipeline).length === 3, 'the pipelines never loaded');
    expect(optionLabels(pipeline)).to.deep.equal(['Sales pipeline', 'Partnerships', 'Renewals']);
    expect(root(el).activeElement, 'focus starts in the first field').to.equal(pipeline);

    press(pipeline, 'ArrowDown');
    await el.updateComplete;
    expect(pipeline.getAttribute('aria-expanded')).to.equal('true');
    press(pipeline, 'ArrowDown');
    await el.updateComplete;
    const active = root(el).getElementById(pipeline.getAttribute('aria-activedescendant')!)!;
    expect(active.textContent).to.contain('Partnerships');
    press(pipeline, 'Enter');
    await el.updateComplete;
    expect(pipeline.getAttribute('aria-expanded')).to.equal('false');
    expect(pipeline.value).to.equal('Partnerships');
    press(pipeline, 'ArrowDown');
    await el.updateComplete;
    const chosen = listbox(pipeline).querySelector('[aria-selected="true"]');
    expect(chosen?.textContent).to.contain('Partnerships');
    await expect(el).to.be.accessible();
  });

  it('ArrowDown while the list still loads makes its first option active when it arrives', async () => {
    await useMockBackend({ scenario: 'empty', latencyMs: 400 });
    const el = await connectPipedrive();
    const pipeline = control(el, 'Pipeline for new deals');
    press(pipeline, 'ArrowDown');
    await el.updateComplete;
    expect(optionLabels(pipeline), 'pressed while loading').to.deep.equal([]);
    await until(() => optionLabels(pipeline).length === 3, 'the pipelines never loaded');
    await el.updateComplete;
    const active = root(el).getElementById(pipeline.getAttribute('aria-activedescendant') ?? '');
    expect(active?.textContent).to.contain('Sales pipeline');
    press(pipeline, 'Enter');
    await el.updateComplete;
    expect(pipeline.value).to.equal('Sales pipeline');
  });

  it('Escape closes the list, not the dialog; nothing typed is lost', async () => {
    const el = await connectPipedrive();
    const stages = control(el, 'Stages that send you an update');
    press(stages, 'ArrowDown');
    await el.updateComplete;
    const event = new KeyboardEvent('keydown', {
      key: 'Escape',
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    stages.dispatchEvent(event);
    await el.updateComplete;
    expect(event.defaultPrevented).to.equal(true);
    expect(stages.getAttribute('aria-expanded')).to.equal('false');
    expect(el.open).to.equal(true);
  });

  it('searches as you type, toggles several options and removes one by its button', async () => {
    const el = await connectPipedrive();
    const stages = control(el, 'Stages that send you an update');
    expect(listbox(stages).getAttribute('aria-multiselectable')).to.equal('true');
    type(stages, 'won');
    await until(
      () => optionLabels(stages).length === 3,
      `the search never narrowed: ${optionLabels(stages).join(', ')}`,
    );
    expect(optionLabels(stages)).to.deep.equal([
      'Sales pipeline › Won',
      'Partnerships › Won',
      'Renewals › Won',
    ]);
    const options = listbox(stages).querySelectorAll<HTMLElement>('[role="option"]');
    options[0]!.click();
    options[2]!.click();
    await el.updateComplete;
    expect(stages.getAttribute('aria-expanded'), 'a multi-select stays open').to.equal('true');
    expect(Array.from(listbox(stages).querySelectorAll('[aria-selected="true"]')).length).to.equal(
      2,
    );
    button(el, 'Remove Sales pipeline › Won').click();
    await el.updateComplete;
    expect(root(el).querySelector('[part~="chosen"]')?.textContent).to.contain('Renewals › Won');
    expect(root(el).querySelector('[part~="chosen"]')?.textContent).not.to.contain('Sales');
  });

  it('checks before saving (required, too long), then saves and goes on to the webhook step', async () => {
    const el = await connectPipedrive();
    type(control(el, 'Prefix for deal titles'), 'x'.repeat(21));
    await el.updateComplete;
    button(el, 'Save and continue').click();
    await el.updateComplete;
    const pipeline = control(el, 'Pipeline for new deals');
    expect(pipeline.getAttribute('aria-invalid')).to.equal('true');
    expect(text(el)).to.contain('Pipeline for new deals is required.');
    expect(text(el)).to.contain('Use at most 20 characters.');
    expect(backend.store.requests.some((request) => request.method === 'PUT')).to.equal(false);

    type(control(el, 'Prefix for deal titles'), 'Web:');
    await until(() => optionLabels(pipeline).length > 0, 'no pipelines');
    press(pipeline, 'ArrowDown');
    press(pipeline, 'Enter');
    await el.updateComplete;
    const saved = oneEvent(el, 'pb-connect-settings-saved') as Promise<ConnectSettingsSavedEvent>;
    button(el, 'Save and continue').click();
    expect((await saved).connection.settings).to.deep.equal({
      pipeline: { value: '1', label: 'Sales pipeline' },
      dealPrefix: 'Web:',
    });
    await untilText(el, 'Finish the setup in Pipedrive');

    // The webhook step can be checked: nothing yet, with what to do; then the event arrives.
    button(el, 'Check that a test event arrived').click();
    await untilText(el, 'No event from Pipedrive has arrived yet.');
    expect(root(el).querySelector('[part~="check-action"]')?.textContent).to.contain(
      'send a test event',
    );
    backend.deliverWebhook(backend.store.connections[0]!.id);
    button(el, 'Check that a test event arrived').click();
    await untilText(el, 'An event from Pipedrive has arrived.');
    const succeeded = oneEvent(el, 'pb-connect-success') as Promise<ConnectSuccessEvent>;
    button(el, 'Continue').click();
    expect((await succeeded).connection.settings?.['dealPrefix']).to.equal('Web:');
  });

  it('shows a failed list inside the popup, and the refresh asks the service again', async () => {
    backend.useScenario('setup-options-fail');
    const el = await connectPipedrive();
    await untilText(el, 'The list couldn’t be loaded from Pipedrive.');
    const asked = () =>
      backend.store.requests.filter((request) => request.url.includes('/setup/pipeline/options'))
        .length;
    const before = asked();
    button(el, 'Refresh the list of Pipeline for new deals').click();
    await until(() => asked() === before + 1, 'the refresh did not ask again');
    await untilText(el, 'The list couldn’t be loaded from Pipedrive.');
  });
});

describe('<connect-dialog intent="settings">', () => {
  it('changes the saved choices without signing in, shows a failed check with what to do', async () => {
    const backend = await useMockBackend({
      connections: [slackConnection({ channel: { value: 'C0SALES', label: '#sales' } })],
    });
    const el = await open(
      html`<connect-dialog connection-id="con_slack0001" intent="settings"></connect-dialog>`,
    );
    await untilText(el, 'Choose how Slack works with this connection.');
    expect(root(el).querySelector('[part~="title"]')?.textContent?.trim()).to.equal(
      'Slack settings',
    );
    const channel = control(el, 'Channel to post in');
    expect(channel.value).to.equal('#sales');
    expect(control(el, 'Post follow-ups as thread replies').checked).to.equal(true);

    type(channel, 'rand');
    await until(
      () => optionLabels(channel).join() === '#random',
      `no #random: ${optionLabels(channel).join()}`,
    );
    press(channel, 'ArrowDown');
    press(channel, 'Enter');
    await el.updateComplete;
    expect(channel.value).to.equal('#random');
    button(el, 'Save').click();
    await untilText(el, 'You are not a member of #random');
    expect(root(el).querySelector('[part~="check-action"]')?.textContent).to.contain(
      'Join #random',
    );
    expect(button(el, 'Check again').getAttribute('aria-disabled')).to.equal('false');
    expect(backend.store.flows, 'no sign-in').to.have.length(0);

    type(channel, 'sales');
    await until(() => optionLabels(channel).includes('#sales'), 'no #sales');
    press(channel, 'ArrowDown');
    press(channel, 'Enter');
    await el.updateComplete;
    button(el, 'Save').click();
    await untilText(el, 'You are a member of #sales.');
    await untilText(el, 'Your Slack settings are saved.');
    await expect(el).to.be.accessible();
    const closed = oneEvent(el, 'pb-connect-closed') as Promise<ConnectClosedEvent>;
    button(el, 'Done').click();
    expect((await closed).completed).to.equal(true);
    expect(backend.store.connections[0]!.settings).to.deep.equal({
      channel: { value: 'C0SALES', label: '#sales' },
      threadReplies: true,
    });
  });
});
