import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { App } from '@plugboard/contract';
import { configure, getClient } from '@plugboard/core';
import { demoApps, DEMO_KEY, hostilePayloads } from '@plugboard/mocks';
import '../define/connect-dialog.js';
import type { ConnectDialog } from './connect-dialog.js';
import {
  click,
  clickPart,
  dialogIn,
  fill,
  passSetupChoices,
  signIn,
  stubPopup,
  waitFor,
} from '../test-support/dialog-story-steps.js';

type Args = {
  appKey?: string;
  app?: App;
  connectionId?: string;
  theme?: ConnectDialog['theme'];
};

const meta: Meta<Args> = {
  title: 'Elements/connect-dialog',
  component: 'connect-dialog',
  args: { appKey: 'pipedrive' },
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] } },
  render: (args) =>
    html`<connect-dialog
      open
      app-key=${args.appKey ?? nothing}
      connection-id=${args.connectionId ?? nothing}
      theme=${args.theme ?? nothing}
      .app=${args.app}
    ></connect-dialog>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Puts a flow id in the address, as the backend's redirect back from the provider does. */
function returnWithFlow(flowId: string): void {
  const url = new URL(location.href);
  url.searchParams.set('pb_flow', flowId);
  history.replaceState(history.state, '', url);
}

/**
 * "Continue in this tab", as far as the page cares: a redirect-mode flow for `app`, settled by the
 * mock sign-in page the way the story's scenario says, then the return to this page.
 */
async function returnFromRedirect(app: string): Promise<void> {
  const { backendUrl } = getClient().config;
  const response = await fetch(new URL('/v1/oauth/flows', backendUrl), {
    method: 'POST',
    headers: { authorization: 'Bearer storybook', 'content-type': 'application/json' },
    body: JSON.stringify({
      app,
      openerOrigin: location.origin,
      mode: 'redirect',
      returnUrl: location.href,
    }),
  });
  const { flowId, authorizeUrl } = (await response.json()) as {
    flowId: string;
    authorizeUrl: string;
  };
  // The tab's way through: the start URL (its cookie lives in MSW's cookie jar, sent with
  // credentials), the mock provider, the callback, and the redirect back to this page.
  await fetch(authorizeUrl, { credentials: 'include' });
  returnWithFlow(flowId);
}

/**
 * Holds the answers to requests that `match` until they are aborted, through the client's own
 * `fetch` option: the dialog stays on the step that waits for them.
 */
function holdRequests(match: (url: URL, init: RequestInit | undefined) => boolean): void {
  configure({
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (!match(url, init)) return fetch(input, init);
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    },
  });
}

/** Delivers an event to the setup step's webhook URL the way the service would (its basic auth). */
async function deliverWebhookEvent(canvas: HTMLElement): Promise<void> {
  const root = dialogIn(canvas);
  const value = (id: string) => root.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '';
  const url = await waitFor(() => value('webhook-url'), 'the webhook URL');
  const username = value('webhook-username');
  const headers = username
    ? { authorization: `Basic ${btoa(`${username}:${value('webhook-password')}`)}` }
    : undefined;
  await fetch(url, { method: 'POST', headers, body: '{"event":"deal.added"}' });
}

function withHealth(key: string, health: App['health']): App {
  return { ...demoApps.find((app) => app.key === key)!, health };
}

// ——— stories: one per state ———

/** A credential app: generated form with help link, format hint, show/hide for the secret. */
export const CredentialForm: Story = {};

/** Several ways to connect: "How do you want to connect?" */
export const MethodChoice: Story = { args: { appKey: 'hubspot' } };

/** Before the popup: what happens next and the permissions in plain language. */
export const OAuthIntro: Story = { args: { appKey: 'salesforce' } };

export const OAuthWaiting: Story = {
  args: { appKey: 'salesforce' },
  play: async ({ canvasElement }) => {
    const restore = stubPopup('open');
    await clickPart(canvasElement, 'continue');
    restore();
  },
};

export const PopupBlocked: Story = {
  args: { appKey: 'salesforce' },
  play: async ({ canvasElement }) => {
    const restore = stubPopup('blocked');
    await clickPart(canvasElement, 'continue');
    restore();
  },
};

/** Submitting an empty form: messages on each field, focus on the first. */
export const ClientValidation: Story = {
  play: async ({ canvasElement }) => {
    await clickPart(canvasElement, 'submit');
  },
};

/** The format hint shows while the typed key does not match the app's pattern. */
export const FormatHint: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { token: 'abc' });
  },
};

/** The backend's per-field messages on their fields. */
export const ServerFieldErrors: Story = {
  parameters: { scenario: 'validation-errors' },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { subdomain: 'acme', token: DEMO_KEY });
    await clickPart(canvasElement, 'submit');
  },
};

/** A wrong key: rejected on its field, everything typed kept. */
export const CredentialsRejected: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, {
      subdomain: 'acme',
      token: '0123456789abcdef0123456789abcdef01234567',
    });
    await clickPart(canvasElement, 'submit');
  },
};

/** Sending: the button says "Connecting…" and is disabled. */
export const Sending: Story = {
  parameters: { scenario: 'slow-network' },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { subdomain: 'acme', token: DEMO_KEY });
    await clickPart(canvasElement, 'submit');
  },
};

/** Webhook setup: copy the URL, follow the steps, wait for the first event. */
export const WebhookSetup: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { subdomain: 'acme', token: DEMO_KEY });
    await clickPart(canvasElement, 'submit');
    await passSetupChoices(canvasElement);
    await waitFor(() => dialogIn(canvasElement).querySelector('#webhook-url'), 'the webhook step');
  },
};

/**
 * The first webhook event arrived while the setup step was open: said in words and a dot, at once,
 * brought by the live channel (no polling).
 */
export const FirstEventReceived: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { subdomain: 'acme', token: DEMO_KEY });
    await clickPart(canvasElement, 'submit');
    await passSetupChoices(canvasElement);
    await deliverWebhookEvent(canvasElement);
    await waitFor(
      () => dialogIn(canvasElement).querySelector('.event-indicator--received'),
      'the first event',
    );
  },
};

/** The automatic test after connecting, in progress. */
export const AutomaticTest: Story = {
  args: { appKey: 'stripe' },
  beforeEach: () => holdRequests((url) => url.pathname.endsWith('/test')),
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { apiKey: DEMO_KEY });
    await clickPart(canvasElement, 'submit');
    await waitFor(() => dialogIn(canvasElement).querySelector('[part~="testing"]'), 'the test');
  },
};

/**
 * Saved, but the automatic test failed: the service's words, why, "Enter new details" (an update
 * of the connection just saved) and the reference the backend recorded.
 */
export const TestFailed: Story = {
  args: { appKey: 'stripe' },
  parameters: { scenario: 'test-fails' },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { apiKey: DEMO_KEY });
    await clickPart(canvasElement, 'submit');
    await waitFor(
      () => dialogIn(canvasElement).querySelector('[part~="test-failed"] [role="alert"]'),
      'the failed test',
    );
  },
};

/** The sign-in window never finished: the flow's overall timeout ends the wait and says so. */
export const OAuthTimedOut: Story = {
  args: { appKey: 'salesforce' },
  parameters: { scenario: 'oauth-times-out' },
  beforeEach: () => {
    // A fetch of its own gives the story a client of its own: a shared client keeps the timeouts
    // it was created with (the previous story's elements may have made one already).
    configure({ oauthTimeoutMs: 1500, fetch: (input, init) => fetch(input, init) });
  },
  play: async ({ canvasElement }) => {
    await signIn(canvasElement, 'failure');
  },
};

/** 320 CSS px wide (1280 px at 400 % zoom): the webhook setup step, nothing scrolls sideways. */
export const NarrowWebhookSetup: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { subdomain: 'acme', token: DEMO_KEY });
    await clickPart(canvasElement, 'submit');
    await passSetupChoices(canvasElement);
    await waitFor(() => dialogIn(canvasElement).querySelector('#webhook-url'), 'the setup step');
  },
  globals: { viewport: { value: 'reflow320' } },
};

/** 320 CSS px wide: the credential form. */
export const NarrowCredentialForm: Story = { globals: { viewport: { value: 'reflow320' } } };

/** Tested and connected. */
export const Success: Story = {
  args: { appKey: 'hubspot' },
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'Private app access token');
    await fill(canvasElement, { token: DEMO_KEY });
    await clickPart(canvasElement, 'submit');
  },
};

/** The user said no in the provider's window: told apart from a provider fault, with Try again. */
export const OAuthDeclined: Story = {
  args: { appKey: 'salesforce' },
  parameters: { scenario: 'oauth-denied' },
  play: async ({ canvasElement }) => {
    await signIn(canvasElement, 'oauth-declined');
  },
};

/** The provider failed: the shared error view (what, cause, Try again, reference, details). */
export const OAuthProviderError: Story = {
  args: { appKey: 'salesforce' },
  parameters: { scenario: 'oauth-fails' },
  play: async ({ canvasElement }) => {
    await signIn(canvasElement, 'failure');
  },
};

/** Fewer scopes granted than required: what is missing, and "Grant the missing access". */
export const MissingScopes: Story = {
  args: { appKey: 'salesforce' },
  parameters: { scenario: 'oauth-missing-scopes' },
  play: async ({ canvasElement }) => {
    await signIn(canvasElement, 'missing-scopes');
  },
};

/** The account is already connected: "already connected as …" and Update instead of a twin. */
export const DuplicateAccount: Story = {
  args: { appKey: 'hubspot' },
  parameters: { scenario: 'oauth-duplicate' },
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'Sign in with HubSpot');
    await signIn(canvasElement, 'duplicate');
  },
};

/**
 * The session token was refused: the dialog asks the host for a new one (fetchSessionToken) and
 * goes on in place, nothing closed and nothing typed lost; the timed-out view never shows.
 */
export const SessionRenewedInPlace: Story = {
  parameters: { scenario: 'unauthorized-then-refresh' },
  beforeEach: () => {
    configure({ fetchSessionToken: async () => `storybook-renewed-${Date.now()}` });
  },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { subdomain: 'acme', token: DEMO_KEY });
    await clickPart(canvasElement, 'submit');
    // Signed in with the renewed token: Pipedrive asks for its setup choices next.
    await waitFor(() => dialogIn(canvasElement).querySelector('[part~="settings"]'), 'the setup');
  },
};

/**
 * Back from "Continue in this tab": the page returns with `?pb_flow=`, and a closed dialog opens by
 * itself on the outcome (tested and connected here), then removes the parameter from the address.
 */
export const BackFromContinueInThisTab: Story = {
  args: { appKey: undefined },
  render: () => html`<connect-dialog></connect-dialog>`,
  loaders: [() => returnFromRedirect('salesforce')],
  play: async ({ canvasElement }) => {
    await waitFor(() => dialogIn(canvasElement).querySelector('[part~="success"]'), 'success');
  },
};

/** Back from "Continue in this tab" too late: the flow expired, and the dialog says so. */
export const BackTooLate: Story = {
  args: { appKey: undefined },
  render: () => html`<connect-dialog></connect-dialog>`,
  loaders: [() => returnWithFlow('flw_expired000000')],
  play: async ({ canvasElement }) => {
    await waitFor(() => dialogIn(canvasElement).querySelector('[part~="failure"]'), 'the failure');
  },
};

/** Closing with typed input asks first, inside the dialog. */
export const DiscardConfirmation: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { subdomain: 'acme' });
    await clickPart(canvasElement, 'close-button');
  },
};

/** Update mode: re-authorizes the existing connection and keeps its id. */
export const UpdateMode: Story = { args: { appKey: undefined, connectionId: 'con_demo0001' } };

export const ProviderDegraded: Story = {
  args: {
    app: withHealth('pipedrive', {
      status: 'degraded',
      message: 'Pipedrive reports slow API responses.',
    }),
  },
};

export const ProviderDown: Story = {
  args: {
    app: withHealth('pipedrive', {
      status: 'down',
      message: 'Scheduled maintenance until 14:00 UTC.',
    }),
  },
};

/** The app could not be loaded: the shared error view with Try again. */
export const LoadError: Story = { parameters: { scenario: 'server-error' } };

export const Offline: Story = { parameters: { scenario: 'offline' } };

/** Session renewal failed after typing: "This window timed out", input kept. */
export const SessionTimedOut: Story = {
  args: { app: demoApps.find((app) => app.key === 'pipedrive') },
  parameters: { scenario: 'session-expired' },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { subdomain: 'acme', token: DEMO_KEY });
    await clickPart(canvasElement, 'submit');
  },
};

/** Markup and script URLs from the server, shown as inert text; unsafe help links dropped. */
export const HostileStrings: Story = {
  args: {
    app: (() => {
      const pipedrive = demoApps.find((app) => app.key === 'pipedrive')!;
      const markup = hostilePayloads[1]!;
      return {
        ...pipedrive,
        name: markup,
        health: { status: 'degraded', message: markup },
        authMethods: pipedrive.authMethods.map((method) => ({
          ...method,
          helpText: markup,
          fields: method.fields.map((field) => ({ ...field, helpUrl: 'javascript:alert(1)' })),
        })),
      } satisfies App;
    })(),
  },
};

export const Dark: Story = { args: { theme: 'dark' } };
