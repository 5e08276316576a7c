import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { AppSummary, Connection } from '@plugboard/contract';
import { demoApps, hostilePayloads } from '@plugboard/mocks';
import '../define/connection-status.js';
import type { ConnectionStatus } from './connection-status.js';

type Args = {
  connectionId?: string;
  connection?: Connection;
  app?: AppSummary;
  allowDisconnect?: boolean;
  theme?: ConnectionStatus['theme'];
};

const meta: Meta<Args> = {
  title: 'Elements/connection-status',
  component: 'connection-status',
  args: { connectionId: 'con_status01', allowDisconnect: false },
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] } },
  // One connection per status lives in this scenario (con_status01…04).
  parameters: { scenario: 'connections-every-status' },
  render: (args) =>
    html`<connection-status
      connection-id=${args.connectionId ?? nothing}
      ?allow-disconnect=${args.allowDisconnect}
      theme=${args.theme ?? nothing}
      .connection=${args.connection}
      .app=${args.app}
    ></connection-status>`,
};
export default meta;

type Story = StoryObj<Args>;

function statusIn(canvas: HTMLElement): ShadowRoot {
  return canvas.querySelector('connection-status')!.shadowRoot!;
}

async function clickPart(canvas: HTMLElement, part: string): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    const button = statusIn(canvas).querySelector<HTMLButtonElement>(`[part~="${part}"]`);
    if (button) {
      button.click();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`the ${part} button never appeared`);
}

function withHealth(key: string, health: AppSummary['health']): AppSummary {
  return { ...demoApps.find((app) => app.key === key)!, health };
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** A static connection for the states the backend does not hold. */
const staticConnection: Connection = {
  id: 'con_story0001',
  app: 'pipedrive',
  label: 'jane@acme.example',
  method: 'token',
  status: 'connected',
  credentialHint: '••••-123',
  grantedScopes: [],
  missingScopes: [],
  lastTestedAt: null,
  lastError: null,
  setup: null,
  createdAt: minutesAgo(60 * 24),
  updatedAt: minutesAgo(60 * 24),
};

export const Connected: Story = {};

export const NeedsAttention: Story = { args: { connectionId: 'con_status02' } };

export const Expired: Story = { args: { connectionId: 'con_status03' } };

export const NeedsReauthorization: Story = { args: { connectionId: 'con_status04' } };

/** The last error in a popover (positioned with floating-ui, in the top layer). */
export const ErrorDetailsOpen: Story = {
  args: { connectionId: 'con_status02' },
  play: async ({ canvasElement }) => clickPart(canvasElement, 'details-toggle'),
};

export const NeverTested: Story = {
  args: { connectionId: undefined, connection: staticConnection },
};

/** A test in flight: "Testing…", the button disabled. */
export const Testing: Story = {
  parameters: { scenario: 'slow-network' },
  args: { connectionId: undefined, connection: staticConnection },
  play: async ({ canvasElement }) => clickPart(canvasElement, 'test'),
};

export const TestPassed: Story = {
  play: async ({ canvasElement }) => clickPart(canvasElement, 'test'),
};

/**
 * The service refused the stored key: what happened in its words, why, "Enter new details" (opens
 * Update), and the reference the backend recorded with the failure, with Copy.
 */
export const TestFailed: Story = {
  args: { connectionId: 'con_status02' },
  play: async ({ canvasElement }) => clickPart(canvasElement, 'test'),
};

/** The provider was down during the Test: why, and "Test again". */
export const TestFailedDuringOutage: Story = {
  parameters: { scenario: 'provider-down' },
  args: { connectionId: 'con_demo0001' },
  play: async ({ canvasElement }) => clickPart(canvasElement, 'test'),
};

/** The app's provider is having problems: what it means for this connection, in words. */
export const ProviderDegraded: Story = {
  args: {
    app: withHealth('pipedrive', {
      status: 'degraded',
      message: 'Pipedrive reports slow API responses.',
    }),
  },
};

/** The app's provider is down. */
export const ProviderDown: Story = {
  args: {
    app: withHealth('pipedrive', {
      status: 'down',
      message: 'Scheduled maintenance until 14:00 UTC.',
    }),
  },
};

/** Update opens <connect-dialog> in update mode for this connection. */
export const Updating: Story = {
  play: async ({ canvasElement }) => clickPart(canvasElement, 'update'),
};

export const WithDisconnect: Story = { args: { allowDisconnect: true } };

export const DisconnectConfirmation: Story = {
  args: { allowDisconnect: true },
  play: async ({ canvasElement }) => clickPart(canvasElement, 'disconnect'),
};

export const Loading: Story = { parameters: { scenario: 'slow-network' } };

export const LoadError: Story = { parameters: { scenario: 'server-error' } };

/** Markup from the server in the label and the error, shown as inert text. */
export const HostileStrings: Story = {
  args: {
    connectionId: undefined,
    connection: {
      ...staticConnection,
      status: 'error',
      label: hostilePayloads[0]!,
      lastError: {
        code: 'credentials_rejected',
        message: hostilePayloads[1]!,
        requestId: 'req_story',
      },
    },
  },
  play: async ({ canvasElement }) => clickPart(canvasElement, 'details-toggle'),
};

export const Dark: Story = { args: { theme: 'dark' } };

/** 320 CSS px wide (1280 px at 400 % zoom): the error popover open, nothing scrolls sideways. */
export const NarrowErrorDetailsOpen: Story = {
  ...ErrorDetailsOpen,
  globals: { viewport: { value: 'reflow320' } },
};
