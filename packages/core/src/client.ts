// A client: one backend + one session, with the stores every element on the page shares.
import type { App } from '@plugboard/contract';
import { createCatalogStore, type CatalogStore } from './catalog/catalog-store.js';
import {
  resolveOptions,
  type PlugboardOptions,
  type PresentationSettings,
  type ResolvedConfig,
  type TokenSourceOptions,
} from './config.js';
import { createConnectionStore, type ConnectionStore } from './connections/connection-store.js';
import { createEventStream, type EventStream } from './events.js';
import { createHttpClient, type HttpClient } from './http/http-client.js';
import { lazyLiveChannel } from './live/lazy-live-channel.js';
import type { LiveChannel, LiveTiming } from './live/live-channel.js';
import { appSchema } from './http/schemas.js';
import { createTranslator } from './messages/load.js';
import type { Translator } from './messages/translator.js';
import { browserEnvironment, type OAuthEnvironment } from './oauth/browser-environment.js';
import type { FlowTiming } from './oauth/flow-timing.js';
import { lazyOAuthController } from './oauth/lazy-oauth.js';
import type {
  OAuthApp,
  OAuthFlowHandle,
  OAuthResult,
  StartOAuthOptions,
} from './oauth/oauth-types.js';
import type { RetryPolicy } from './retry.js';
import { SessionTokens } from './session-token.js';
import { createSharedTask } from './shared-load.js';

export interface PlugboardClient {
  /** Replaced (locale, theme, messages) when configure() changes them; see onConfigChange. */
  readonly config: ResolvedConfig;
  readonly events: EventStream;
  readonly catalog: CatalogStore;
  readonly connections: ConnectionStore;
  /**
   * The live channel (GET /v1/events): hold it while something shows connections, and the store
   * follows changes made elsewhere (other tabs, the backend's checks, webhook deliveries).
   */
  readonly live: LiveChannel;
  /** One app with its auth methods and setup steps; cached per key (failures are not cached). */
  getApp(key: string, opts?: { signal?: AbortSignal }): Promise<App>;
  /**
   * Starts an OAuth flow. Synchronous on purpose: call it inside the click handler, so the
   * popup opens before any await and popup blockers let it through.
   */
  startOAuth(app: OAuthApp, opts?: StartOAuthOptions): OAuthFlowHandle;
  /**
   * Loads the OAuth flows' code now (a lazy chunk in the script-tag bundle) so the next
   * `startOAuth` runs at once; without it, a start still opens its popup in the click and the flow
   * follows when the code is in. The connect dialog calls it when it opens.
   */
  prepareOAuth(): Promise<void>;
  /** After a redirect-mode flow: reads `?pb_flow=`, cleans the URL and returns the outcome. */
  resumeRedirectFlow(url?: string): Promise<OAuthResult | null>;
  /**
   * Messages for `locale` (default: config.locale) with the configured overrides. Non-English
   * catalogs load on demand; the translator is cached per locale.
   */
  translator(locale?: string): Promise<Translator>;
}

/** Seams for tests and unusual hosts; not part of PlugboardOptions on purpose. */
export interface ClientInternals {
  readonly retryPolicy?: RetryPolicy;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random?: () => number;
  readonly oauthEnvironment?: OAuthEnvironment;
  readonly oauthTiming?: Partial<FlowTiming>;
  readonly liveTiming?: Partial<LiveTiming>;
}

/** A new, unshared client. Most code wants `getClient()`, which shares one per configuration. */
export function createClient(
  options: PlugboardOptions,
  internals: ClientInternals = {},
): PlugboardClient {
  const { config, token } = resolveOptions(options);
  return clientFromResolved(config, token, internals);
}

/** Lets the registry apply a new locale / theme / messages to a shared client. */
const presentationUpdaters = new WeakMap<
  PlugboardClient,
  (settings: PresentationSettings) => void
>();

export function updatePresentation(client: PlugboardClient, settings: PresentationSettings): void {
  presentationUpdaters.get(client)?.(settings);
}

export function clientFromResolved(
  initialConfig: ResolvedConfig,
  token: TokenSourceOptions,
  internals: ClientInternals = {},
): PlugboardClient {
  let config = initialConfig;
  const http: HttpClient = createHttpClient({
    backendUrl: config.backendUrl,
    fetch: config.fetch,
    timeoutMs: config.timeoutMs,
    tokens: new SessionTokens(token),
    retryPolicy: internals.retryPolicy,
    sleep: internals.sleep,
    random: internals.random,
  });
  const events = createEventStream();
  const catalog = createCatalogStore(http);
  const connections = createConnectionStore(http, events);
  const live = lazyLiveChannel({
    http,
    store: connections,
    events,
    timing: internals.liveTiming,
    random: internals.random,
    sleep: internals.sleep,
  });
  /** Apps already fetched (failures are not cached), and the fetches in flight. */
  const apps = new Map<string, App>();
  const appLoads = new Map<string, (signal?: AbortSignal) => Promise<App>>();
  const translators = new Map<string, Promise<Translator>>();
  const oauth = lazyOAuthController({
    http,
    events,
    backendOrigin: config.backendUrl.origin,
    timing: { ...internals.oauthTiming, timeoutMs: config.oauthTimeoutMs },
    // The environment wraps `window`, so it is only looked up when a flow starts.
    environment: () => internals.oauthEnvironment ?? browserEnvironment(),
    onConnection: (connection) => connections.upsert(connection),
  });

  const client: PlugboardClient = {
    get config() {
      return config;
    },
    events,
    catalog,
    connections,
    live,
    getApp(key, opts = {}) {
      const cached = apps.get(key);
      if (cached) return Promise.resolve(cached);
      let load = appLoads.get(key);
      if (!load) {
        load = createSharedTask(async (signal) => {
          const [fetched, fieldCheck] = await Promise.all([
            http.requestData({
              path: `v1/apps/${encodeURIComponent(key)}`,
              signal,
              schema: appSchema,
            }),
            // Only the connect dialog needs an app's fields: their checker loads with it (a lazy
            // chunk of the script-tag bundle), not with every page.
            import('@plugboard/contract/field-check'),
          ]);
          // A field pattern that could freeze the page is dropped; the backend checks again.
          const app = fieldCheck.withoutUnsafePatterns(fetched);
          apps.set(key, app);
          return app;
        });
        appLoads.set(key, load);
      }
      return load(opts.signal);
    },
    startOAuth: (app, opts) => oauth.start(app, opts),
    prepareOAuth: () => oauth.prepare(),
    resumeRedirectFlow: (url) => oauth.resumeRedirect(url),
    translator(locale = config.locale) {
      let translator = translators.get(locale);
      if (!translator) {
        translator = createTranslator(locale, config.messages);
        translators.set(locale, translator);
      }
      return translator;
    },
  };
  presentationUpdaters.set(client, (settings) => {
    config = { ...config, ...settings };
    // Overrides may have changed: translators are rebuilt on next use.
    translators.clear();
  });
  return client;
}
