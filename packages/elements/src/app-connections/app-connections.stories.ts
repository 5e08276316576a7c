import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../define/app-connections.js';
import type { AppConnections } from './app-connections.js';
import {
  channelOpens,
  channelReaches,
  eventually,
  storyBackend,
} from '../test-support/live-channel.js';

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
    await eventually(() => rowsIn(canvasElement).length === 2, 'the two rows');
    await channelOpens();
    const [first, second] = rowsIn(canvasElement).map((row) => row.dataset['connectionId']!);
    const backend = storyBackend(loaded);
    backend.removeConnection(first!);
    backend.breakConnection(second!);
    await eventually(() => rowsIn(canvasElement).length === 1, 'the removed row gone');
    await eventually(
      () => rowStatus(rowsIn(canvasElement)[0]!) === 'needs_reauth',
      'the broken row turned',
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
    await eventually(() => rowsIn(canvasElement).length === 2, 'the two rows');
    await channelReaches('polling');
    const [row] = rowsIn(canvasElement);
    storyBackend(loaded).breakConnection(row!.dataset['connectionId']!);
    await eventually(() => rowStatus(rowsIn(canvasElement)[0]!) === 'needs_reauth', 'polled', 8000);
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

export const CustomHeading: Story = { args: { heading: 'Integrations' } };

export const Dark: Story = { args: { theme: 'dark' } };
