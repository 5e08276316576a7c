import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../define/app-connections.js';
import type { AppConnections } from './app-connections.js';
import { channelOpens, channelReaches, storyBackend } from '../test-support/live-channel.js';
import { waitFor } from '../test-support/wait-for.js';

type Args = { heading?: string; allowDisconnect: boolean; theme?: AppConnections['theme'] };

const meta: Meta<Args> = {
  title: 'Elements/app-connections',
  component: 'app-connections',
  args: { allowDisconnect: false },
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] } },
  render: (args) =>
    html`<app-connections
      heading=${args.heading ?? nothing}
      ?allow-disconnect=${args.allowDisconnect}
      theme=${args.theme ?? nothing}
    ></app-connections>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Two connections from the demo backend; "Add a connection" runs the whole flow. */
export const Default: Story = {};

const rowsIn = (canvas: HTMLElement) =>
  Array.from(
    canvas
      .querySelector('app-connections')!
      .shadowRoot!.querySelectorAll<HTMLElement>('li[data-connection-id]'),
  );

/** The status a row's <connection-status> shows. */
const rowStatus = (row: HTMLElement) =>
  row.querySelector('connection-status')?.getAttribute('status');

/**
 * Live: in another tab the first connection is disconnected and the second breaks; the list drops
 * the row and the other turns to "Needs attention", each announced, without a reload.
 */
export const ChangedInAnotherTab: Story = {
  play: async ({ canvasElement, loaded }) => {
    await waitFor(() => rowsIn(canvasElement).length === 2, 'the two rows');
    await channelOpens();
    const [first, second] = rowsIn(canvasElement).map((row) => row.dataset['connectionId']!);
    const backend = storyBackend(loaded);
    backend.removeConnection(first!);
    backend.breakConnection(second!);
    await waitFor(() => rowsIn(canvasElement).length === 1, 'a list without the removed row');
    await waitFor(
      () => rowStatus(rowsIn(canvasElement)[0]!) === 'needs_reauth',
      "the broken row's new status",
    );
  },
};

/**
 * The backend has no live channel (404): the list is polled instead (every 5 s), so a connection
 * that breaks elsewhere still turns to "Needs attention", a few seconds later.
 */
export const LiveChannelUnavailable: Story = {
  parameters: { scenario: 'live-unavailable' },
  play: async ({ canvasElement, loaded }) => {
    await waitFor(() => rowsIn(canvasElement).length === 2, 'the two rows');
    await channelReaches('polling');
    const [row] = rowsIn(canvasElement);
    storyBackend(loaded).breakConnection(row!.dataset['connectionId']!);
    await waitFor(
      () => rowStatus(rowsIn(canvasElement)[0]!) === 'needs_reauth',
      'the change, by polling',
      8000,
    );
  },
};

export const Empty: Story = { parameters: { scenario: 'empty' } };

export const EveryStatus: Story = {
  args: { allowDisconnect: true },
  parameters: { scenario: 'connections-every-status' },
};

export const Loading: Story = { parameters: { scenario: 'slow-network' } };

export const ServerError: Story = { parameters: { scenario: 'server-error' } };

export const SessionExpired: Story = { parameters: { scenario: 'session-expired' } };

export const HostileData: Story = { parameters: { scenario: 'hostile-catalog' } };

/** Two accounts of one app, each named after its account (demo keys 123 and 456). */
export const TwoAccounts: Story = { parameters: { scenario: 'two-accounts' } };

export const CustomHeading: Story = { args: { heading: 'Integrations' } };

export const Dark: Story = { args: { theme: 'dark' } };

// ——— the add flow, step by step ———

function pageIn(canvas: HTMLElement): ShadowRoot {
  return canvas.querySelector('app-connections')!.shadowRoot!;
}

/** "Add a connection": the picker opens in its modal, with the catalog loaded. */
async function openPicker(canvas: HTMLElement): Promise<ShadowRoot> {
  const page = pageIn(canvas);
  (
    await waitFor(
      () => page.querySelector<HTMLButtonElement>('#add-button:not([disabled])'),
      'Add a connection',
    )
  ).click();
  const picker = page.querySelector('app-picker')!.shadowRoot!;
  await waitFor(() => picker.querySelector('[role="option"]'), 'the catalog');
  return picker;
}

/** Searches the picker and takes the best match with Enter, as a keyboard user would. */
async function chooseApp(picker: ShadowRoot, query: string): Promise<void> {
  const input = picker.querySelector<HTMLInputElement>('[role="combobox"]')!;
  input.value = query;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await waitFor(() => picker.querySelector('[role="option"]'), `a match for "${query}"`);
  input.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
  );
}

/** "Add a connection" → the app picker, open over the list. */
export const AddFlowPicker: Story = {
  play: async ({ canvasElement }) => {
    await openPicker(canvasElement);
  },
};

/** "Add a connection" → Pipedrive chosen in the picker → the connect dialog's form. */
export const AddFlowDialog: Story = {
  play: async ({ canvasElement }) => {
    await chooseApp(await openPicker(canvasElement), 'pipedrive');
    const dialog = pageIn(canvasElement).querySelector('connect-dialog')!;
    await waitFor(() => dialog.shadowRoot!.querySelector('form'), 'the credential form');
  },
};

/** Providers in trouble: a badge beside each app's name, and what it means in each connection. */
export const ProvidersInTrouble: Story = { parameters: { scenario: 'provider-degraded' } };

/** 320 CSS px wide (1280 px at 400 % zoom): every status, nothing scrolls sideways. */
export const Narrow: Story = {
  args: { allowDisconnect: true },
  parameters: { scenario: 'connections-every-status' },
  globals: { viewport: { value: 'reflow320' } },
};

/** 320 CSS px wide, the picker open over the list. */
export const NarrowAddFlow: Story = {
  ...AddFlowPicker,
  globals: { viewport: { value: 'reflow320' } },
};
