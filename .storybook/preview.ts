// Every story renders against the MSW mock backend (@plugboard/mocks) at MOCK_BACKEND_URL, in the
// theme, locale and backend scenario picked in the toolbar. A story pins its backend state with
// `parameters: { scenario: 'name' }`, or adjusts handlers in `beforeEach({ msw }) { msw.use(…) }`.
// Accessibility violations fail the story (`a11y.test: 'error'`), in the UI and in the smoke run.
import {
  setCustomElementsManifest,
  type Decorator,
  type Loader,
  type Preview,
} from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { MINIMAL_VIEWPORTS } from 'storybook/viewport';
import { configure, resetConfiguration, type Theme } from '@plugboard/core';
import { createMockBackend, scenarios, isScenarioName } from '@plugboard/mocks';
import { startMockWorker } from '@plugboard/mocks/browser';
import elementsManifest from '../packages/elements/custom-elements.json';

// Docs pages and controls read each element's attributes, events, slots and parts from the manifest.
setCustomElementsManifest(elementsManifest);

/** The mock backend's base URL: stories and component tests use the same one. */
const MOCK_BACKEND_URL = 'https://api.plugboard.test';

const LOCALES = [
  { value: 'en', title: 'English' },
  { value: 'es', title: 'Español' },
  { value: 'pt-BR', title: 'Português (Brasil)' },
  { value: 'ar', title: 'العربية (RTL)' },
];
const RTL_LOCALES = new Set(['ar']);

const backend = createMockBackend({ baseUrl: MOCK_BACKEND_URL, scenario: 'default' });

type StoryGlobals = { locale?: string; theme?: Theme; scenario?: string };

/**
 * Before each render: the backend scenario (story parameter first, then the toolbar) with a fresh
 * seed, and a fresh page configuration, so no client state (a loaded catalog) leaks between stories.
 */
const prepareBackend: Loader = async ({ parameters, globals }) => {
  const { locale = 'en', theme = 'light', scenario = 'default' } = globals as StoryGlobals;
  const requested = String(parameters.scenario ?? scenario);
  if (!isScenarioName(requested)) throw new Error(`Unknown mock backend scenario "${requested}".`);
  backend.useScenario(requested);
  resetConfiguration();
  // Every element finds its backend through the page configuration, as on a host page.
  configure({
    backendUrl: MOCK_BACKEND_URL,
    sessionToken: 'storybook-session-token',
    locale,
    theme,
  });
  return {};
};

/**
 * Language, direction and theme on the page and the story root, so every element inside inherits
 * them; the page takes the theme's system colours so contrast is checked against the right surface.
 */
const withStoryRoot: Decorator = (story, { globals, canvasElement }) => {
  const { locale = 'en', theme = 'light' } = globals as StoryGlobals;
  const dir = RTL_LOCALES.has(locale) ? 'rtl' : 'ltr';
  for (const root of [document.documentElement, canvasElement]) {
    root.setAttribute('lang', locale);
    root.setAttribute('dir', dir);
    root.setAttribute('data-theme', theme);
  }
  for (const surface of [document.documentElement, document.body]) {
    surface.style.colorScheme = theme;
    surface.style.backgroundColor = 'Canvas';
    surface.style.color = 'CanvasText';
  }
  return story();
};

const preview: Preview = {
  // The worker starts once; the loader resets its handlers before each story. Its script sits
  // next to iframe.html, so Storybook also works below a path (npm start serves /storybook/).
  loaders: [
    mswLoader(() =>
      startMockWorker(backend, {
        serviceWorkerUrl: new URL('mockServiceWorker.js', document.baseURI).pathname,
      }),
    ),
    prepareBackend,
  ],
  decorators: [withStoryRoot],
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale (Arabic also switches to right-to-left)',
      toolbar: { title: 'Locale', icon: 'globe', items: LOCALES, dynamicTitle: true },
    },
    scenario: {
      description: 'Mock backend scenario (a story may pin its own)',
      toolbar: {
        title: 'Backend',
        icon: 'database',
        items: scenarios.map(({ name, description }) => ({
          value: name,
          title: name,
          right: description,
        })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en', scenario: 'default' },
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
    // The narrow widths every element must lay out in without horizontal scrolling (WCAG 1.4.10):
    // stories pin one with `globals: { viewport: { value: 'reflow320' } }`, and the smoke run
    // renders them at that size.
    viewport: {
      options: {
        ...MINIMAL_VIEWPORTS,
        reflow320: {
          name: '320 px wide (1280 px at 400 % zoom)',
          styles: { width: '320px', height: '640px' },
          type: 'mobile',
        },
        zoom200: {
          name: '640 px wide (1280 px at 200 % zoom)',
          styles: { width: '640px', height: '720px' },
          type: 'tablet',
        },
      },
    },
  },
  tags: ['autodocs'],
};

export default preview;
