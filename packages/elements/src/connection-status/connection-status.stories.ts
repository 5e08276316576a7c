import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { AppSummary, Connection } from '@plugboard/contract';
import { demoApps, hostilePayloads } from '@plugboard/mocks';
import '../define/connection-status.js';
import type { ConnectionStatus } from './connection-status.js';
import { channelOpens, storyBackend } from '../test-support/live-channel.js';
import { waitFor } from '../test-support/wait-for.js';

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

/** Clicks a button whose view comes from a lazy chunk, and waits until `shown` is on the card. */
async function clickPartUntil(canvas: HTMLElement, part: string, shown: string): Promise<void> {
  await clickPart(canvas, part);
  await waitFor(() => statusIn(canvas).querySelector(shown), `${shown} after ${part}`);
}

const openErrorDetails = (canvas: HTMLElement) =>
  clickPartUntil(canvas, 'details-toggle', '[part~="details-toggle"][aria-expanded="true"]');

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

/** The last error in a popover (in the top layer, positioned under its toggle). */
export const ErrorDetailsOpen: Story = {
  args: { connectionId: 'con_status02' },
  play: async ({ canvasElement }) => openErrorDetails(canvasElement),
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
  play: async ({ canvasElement }) =>
    clickPartUntil(canvasElement, 'disconnect', '[part~="confirm"]'),
};

/** Waits until the element shows `status` (the badge changed without a click). */
const untilStatus = (canvas: HTMLElement, status: string) =>
  waitFor(
    () => canvas.querySelector('connection-status')?.getAttribute('status') === status,
    `the status ${status}`,
  );

/**
 * Live: the backend's check finds the token revoked. The badge turns to "Needs attention", the
 * error details appear and the change is announced, without a click or a reload.
 */
export const BreaksLive: Story = {
  play: async ({ canvasElement, loaded }) => {
    await untilStatus(canvasElement, 'connected');
    await channelOpens();
    storyBackend(loaded).breakConnection('con_status01', {
      code: 'invalid_token',
      message: 'The access token was revoked in Pipedrive.',
    });
    await untilStatus(canvasElement, 'needs_reauth');
  },
};

/** Live: a broken connection works again (fixed elsewhere): back to "Connected", announced. */
export const RecoversLive: Story = {
  args: { connectionId: 'con_status04' },
  play: async ({ canvasElement, loaded }) => {
    await untilStatus(canvasElement, 'needs_reauth');
    await channelOpens();
    storyBackend(loaded).recoverConnection('con_status04');
    await untilStatus(canvasElement, 'connected');
  },
};

/** Live: renamed in another tab; the account label follows. */
export const RenamedInAnotherTab: Story = {
  play: async ({ canvasElement, loaded }) => {
    await untilStatus(canvasElement, 'connected');
    await channelOpens();
    storyBackend(loaded).renameConnection('con_status01', 'Finance team');
    await waitFor(
      () =>
        statusIn(canvasElement).querySelector('[part~="account"]')?.textContent === 'Finance team',
      'the new label',
    );
  },
};

/** Live: disconnected in another tab, so this card says so. */
export const RemovedInAnotherTab: Story = {
  play: async ({ canvasElement, loaded }) => {
    await untilStatus(canvasElement, 'connected');
    await channelOpens();
    storyBackend(loaded).removeConnection('con_status01');
    await waitFor(() => statusIn(canvasElement).querySelector('.removed'), 'the removed card');
  },
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
  play: async ({ canvasElement }) => openErrorDetails(canvasElement),
};

/** An app with setup choices: the saved ones under the account, and a Settings button. */
export const WithSettings: Story = {
  parameters: { scenario: 'default' },
  args: {
    connectionId: undefined,
    connection: {
      ...staticConnection,
      id: 'con_story0002',
      app: 'slack',
      method: 'oauth2',
      credentialHint: null,
      label: 'Jane Doe (jane@acme.example)',
      settings: { channel: { value: 'C0SALES', label: '#sales' }, threadReplies: true },
    },
  },
  play: async ({ canvasElement }) => {
    for (let tries = 0; tries < 200; tries++) {
      if (statusIn(canvasElement).querySelector('[part~="settings"]')) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the Settings button never appeared');
  },
};

/** Rename: the account's name in a field, with Save and Cancel. */
export const Renaming: Story = {
  play: async ({ canvasElement }) => clickPartUntil(canvasElement, 'rename', '[part~="rename"]'),
};

export const Dark: Story = { args: { theme: 'dark' } };

/** 320 CSS px wide (1280 px at 400 % zoom): the error popover open, nothing scrolls sideways. */
export const NarrowErrorDetailsOpen: Story = {
  ...ErrorDetailsOpen,
  globals: { viewport: { value: 'reflow320' } },
};
