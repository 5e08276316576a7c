import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../define/app-connections.js';
import type { AppConnections } from './app-connections.js';
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

export const Empty: Story = { parameters: { scenario: 'empty' } };

export const EveryStatus: Story = {
  args: { allowDisconnect: true },
  parameters: { scenario: 'connections-every-status' },
};

export const Loading: Story = { parameters: { scenario: 'slow-network' } };

export const ServerError: Story = { parameters: { scenario: 'server-error' } };

export const SessionExpired: Story = { parameters: { scenario: 'session-expired' } };

export const HostileData: Story = { parameters: { scenario: 'hostile-catalog' } };

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
