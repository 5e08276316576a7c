import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../define/app-picker.js';
import type { AppPicker } from './app-picker.js';
import { generatedApps, namedApps } from '../test-support/apps.js';
import { holdIdleCallbacks, releaseIdleCallbacks } from '../test-support/idle-callbacks.js';
import { waitFor } from '../test-support/wait-for.js';

type Args = Pick<AppPicker, 'layout' | 'query' | 'category'> & {
  theme?: AppPicker['theme'];
  apps?: AppPicker['apps'];
  recent?: AppPicker['recent'];
};

const meta: Meta<Args> = {
  title: 'Elements/app-picker',
  component: 'app-picker',
  args: { layout: 'list', query: '', category: '' },
  argTypes: {
    layout: { control: 'inline-radio', options: ['list', 'grid'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  render: (args) =>
    html`<app-picker
      layout=${args.layout}
      query=${args.query}
      category=${args.category}
      theme=${args.theme ?? nothing}
      .apps=${args.apps}
      .recent=${args.recent}
    ></app-picker>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The demo catalog from the mock backend, popular apps first, with connection badges. */
export const Default: Story = {};

export const Grid: Story = { args: { layout: 'grid' } };

export const Searching: Story = { args: { query: 'goo' } };

export const FilteredByCategory: Story = { args: { category: 'CRM' } };

/** Recently chosen apps come first on an empty search (here passed by the host). */
export const RecentlyUsed: Story = { args: { recent: ['stripe', 'notion'] } };

/** A host-supplied list: the picker indexes it itself and needs no backend. */
export const StaticApps: Story = { args: { apps: namedApps() } };

export const NoResults: Story = { args: { query: 'qwertyuiop' } };

/** Fewer than three matches: "Can't find your app?" is offered under the list too. */
export const FewResults: Story = { args: { query: 'pipedrive' } };

/** After "Ask for it": the picker thanks the user (the host handles `pb-request-app`). */
export const AppRequested: Story = {
  args: { query: 'qwertyuiop' },
  play: async ({ canvasElement }) => {
    const picker = canvasElement.querySelector('app-picker')!.shadowRoot!;
    const ask = await waitFor(
      () => picker.querySelector<HTMLButtonElement>('[part~="request-button"]'),
      '"Ask for it"',
    );
    ask.click();
    await waitFor(() => picker.querySelector('[part~="request-sent"]'), 'the thanks');
  },
};

/** Some providers in trouble: "Having problems" and "Unavailable", in words and with an icon. */
export const ProviderHealthBadges: Story = {
  args: {
    apps: namedApps().map((app, index) =>
      index === 0
        ? { ...app, health: { status: 'degraded' as const, message: 'Slow responses' } }
        : index === 1
          ? { ...app, health: { status: 'down' as const } }
          : app,
    ),
  },
};

/** 10,000 apps, virtualised: only the visible rows are in the DOM. */
export const HugeCatalog: Story = { parameters: { scenario: 'huge-catalog' } };

export const HugeStaticCatalogGrid: Story = {
  args: { apps: generatedApps(10_000), layout: 'grid' },
};

/**
 * More than 2,048 apps, and a query only less popular apps match, typed before the index is
 * complete: "Searching all apps…", not "No apps match". The index build (idle-time work) is held
 * here, so the state stays; in a page it lasts until the build ends (about half a second at
 * 20,000 apps).
 */
export const SearchingLessPopularApps: Story = {
  args: { apps: generatedApps(3_000), query: '2998' },
  beforeEach: () => {
    holdIdleCallbacks();
    return releaseIdleCallbacks;
  },
  play: async ({ canvasElement }) => {
    const picker = canvasElement.querySelector('app-picker')!.shadowRoot!;
    // By role, not text: the story also runs in Arabic.
    await waitFor(() => picker.querySelector('.state[role="status"]'), 'the searching state');
  },
};

export const Loading: Story = { parameters: { scenario: 'slow-network' } };

export const ServerError: Story = { parameters: { scenario: 'server-error' } };

export const Offline: Story = { parameters: { scenario: 'offline' } };

export const SessionExpired: Story = { parameters: { scenario: 'session-expired' } };

export const ProvidersDegraded: Story = { parameters: { scenario: 'provider-degraded' } };

/** Markup, script URLs and huge strings in every field, all shown as inert text. */
export const HostileCatalog: Story = { parameters: { scenario: 'hostile-catalog' } };

export const Dark: Story = { args: { theme: 'dark' } };

/** 320 CSS px wide (1280 px at 400 % zoom): search and category stack, nothing scrolls sideways. */
export const Narrow: Story = { globals: { viewport: { value: 'reflow320' } } };
