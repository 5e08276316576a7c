import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../define/app-connections.js';
import type { AppConnections } from './app-connections.js';

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

/** Two accounts of one app, each named after its account (demo keys 123 and 456). */
export const TwoAccounts: Story = { parameters: { scenario: 'two-accounts' } };

export const CustomHeading: Story = { args: { heading: 'Integrations' } };

export const Dark: Story = { args: { theme: 'dark' } };
