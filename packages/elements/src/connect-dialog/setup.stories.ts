// The setup choices after sign-in (live options, search, several choices, checks), settings mode,
// and the richer credential fields, each in its own state.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { DEMO_KEY } from '@plugboard/mocks';
import '../define/connect-dialog.js';
import type { ConnectDialog } from './connect-dialog.js';
import {
  chooseFirstOption,
  chooseOption,
  click,
  clickPart,
  dialogIn,
  fill,
  passSetupChoices,
  searchOptions,
  signIn,
  waitFor,
} from '../test-support/dialog-story-steps.js';

type Args = {
  appKey?: string;
  connectionId?: string;
  intent?: ConnectDialog['intent'];
};

const meta: Meta<Args> = {
  title: 'Elements/connect-dialog/Setup and fields',
  component: 'connect-dialog',
  args: { appKey: 'pipedrive' },
  render: (args) =>
    html`<connect-dialog
      open
      app-key=${args.appKey ?? nothing}
      connection-id=${args.connectionId ?? nothing}
      intent=${args.intent ?? nothing}
    ></connect-dialog>`,
};
export default meta;

type Story = StoryObj<Args>;

const partShown = (canvas: HTMLElement, part: string) =>
  waitFor(() => dialogIn(canvas).querySelector(`[part~="${part}"]`), `the ${part} part`);

async function connectPipedrive(canvas: HTMLElement): Promise<void> {
  await fill(canvas, { subdomain: 'acme', token: DEMO_KEY });
  await clickPart(canvas, 'submit');
  await partShown(canvas, 'settings');
}

/** Pipedrive after sign-in: a pipeline (live list), stages (several), a prefix. */
export const SetupChoices: Story = {
  play: async ({ canvasElement }) => {
    await connectPipedrive(canvasElement);
    await waitFor(
      () => dialogIn(canvasElement).querySelector('[role="option"][data-step="pipeline"]'),
      'the pipelines',
    );
  },
};

/** Typing searches the service's list; the matching options show in the open list. */
export const SetupSearching: Story = {
  play: async ({ canvasElement }) => {
    await connectPipedrive(canvasElement);
    await searchOptions(canvasElement, 'stages', 'won');
    await chooseOption(canvasElement, 'stages', 'Renewals › Won');
  },
};

/** A multi-select: several options chosen, each listed with its Remove button. */
export const SetupSeveralChosen: Story = {
  play: async ({ canvasElement }) => {
    await connectPipedrive(canvasElement);
    await searchOptions(canvasElement, 'stages', 'proposal');
    await chooseOption(canvasElement, 'stages', 'Sales pipeline › Proposal sent');
    await chooseOption(canvasElement, 'stages', 'Partnerships › Proposal sent');
    await partShown(canvasElement, 'chosen');
  },
};

/** Saved without a required choice: the step says what is missing. */
export const SetupRequiredMissing: Story = {
  play: async ({ canvasElement }) => {
    await connectPipedrive(canvasElement);
    await clickPart(canvasElement, 'save');
    await partShown(canvasElement, 'field-error');
  },
};

/** The service could not list the options: said inside the list, with a refresh beside it. */
export const SetupOptionsFailed: Story = {
  parameters: { scenario: 'setup-options-fail' },
  play: async ({ canvasElement }) => {
    await connectPipedrive(canvasElement);
    await searchOptions(canvasElement, 'pipeline', '');
    await partShown(canvasElement, 'options-status');
  },
};

/** Slack after sign-in: the channel from the workspace's channels, which can be checked. */
export const ChannelAfterSignIn: Story = {
  args: { appKey: 'slack' },
  play: async ({ canvasElement }) => {
    await signIn(canvasElement, 'settings');
  },
};

/** A channel the user is not in: the check fails and says what to do. */
export const CheckFailed: Story = {
  args: { appKey: 'slack' },
  play: async ({ canvasElement }) => {
    await signIn(canvasElement, 'settings');
    await searchOptions(canvasElement, 'channel', 'random');
    await chooseOption(canvasElement, 'channel', '#random');
    await clickPart(canvasElement, 'save');
    await partShown(canvasElement, 'check-failed');
  },
};

/** The check passed ("You are a member of #sales"): Continue. */
export const CheckPassed: Story = {
  args: { appKey: 'slack' },
  play: async ({ canvasElement }) => {
    await signIn(canvasElement, 'settings');
    await searchOptions(canvasElement, 'channel', 'sales');
    await chooseOption(canvasElement, 'channel', '#sales');
    await clickPart(canvasElement, 'save');
    await partShown(canvasElement, 'check-passed');
  },
};

/** The webhook step's check before any event arrived: what to do in Pipedrive. */
export const WebhookCheckWaiting: Story = {
  play: async ({ canvasElement }) => {
    await connectPipedrive(canvasElement);
    await passSetupChoices(canvasElement);
    await clickPart(canvasElement, 'check');
    await partShown(canvasElement, 'check-failed');
  },
};

/** Every check fails in this scenario: the answer and what to do, with Check again. */
export const ChecksFailing: Story = {
  args: { appKey: 'slack' },
  parameters: { scenario: 'setup-check-fails' },
  play: async ({ canvasElement }) => {
    await signIn(canvasElement, 'settings');
    await chooseFirstOption(canvasElement, 'channel');
    await clickPart(canvasElement, 'save');
    await partShown(canvasElement, 'check-action');
  },
};

/** Settings later, from <connection-status>: the saved choices, no sign-in. */
export const SettingsMode: Story = {
  args: { appKey: undefined, connectionId: 'con_demo0001', intent: 'settings' },
  play: async ({ canvasElement }) => {
    await partShown(canvasElement, 'settings');
  },
};

/** Settings saved: the dialog says so and offers Done. */
export const SettingsSaved: Story = {
  args: { appKey: undefined, connectionId: 'con_demo0001', intent: 'settings' },
  play: async ({ canvasElement }) => {
    await chooseFirstOption(canvasElement, 'pipeline');
    await clickPart(canvasElement, 'save');
    await partShown(canvasElement, 'saved-notice');
  },
};

/** A PEM key in several lines, a choice that shows other fields, and a multi-select. */
export const KeyPairForm: Story = { args: { appKey: 'snowflake' } };

/** Choosing "Password" hides the key and shows the password field. */
export const FieldShownByChoice: Story = {
  args: { appKey: 'snowflake' },
  play: async ({ canvasElement }) => {
    const root = dialogIn(canvasElement);
    const select = await waitFor(
      () => root.querySelector<HTMLSelectElement>('select[name="authentication"]'),
      'the choice of sign-in',
    );
    select.value = 'password';
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await waitFor(() => root.querySelector('[name="password"]'), 'the password field');
  },
};

/** A key file read in the browser: its name shows, never its contents. */
export const KeyFile: Story = {
  args: { appKey: 'google-sheets' },
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'Service account key');
    await partShown(canvasElement, 'file');
  },
};

/** A key file above the size limit: refused before it is read, with the limit named. */
export const KeyFileTooLarge: Story = {
  args: { appKey: 'google-sheets' },
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'Service account key');
    const input = await waitFor(
      () => dialogIn(canvasElement).querySelector<HTMLInputElement>('input[type="file"]'),
      'the file field',
    );
    const transfer = new DataTransfer();
    transfer.items.add(new File(['x'.repeat(9000)], 'huge.json', { type: 'application/json' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await partShown(canvasElement, 'field-error');
  },
};
