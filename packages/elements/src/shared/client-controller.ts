import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  addEnglishText,
  createTranslator,
  createTranslatorSync,
  enBase,
  getClient,
  resolveLocaleChain,
  onConfigChange,
  toPlugboardError,
  type Messages,
  type PlugboardClient,
  type PlugboardError,
  type PlugboardEvent,
  type PlugboardEventDetails,
  type PlugboardEventName,
  type Translator,
} from '@plugboard/core';

/** What the controller reads from its element: the `backend-url` and `lang` attributes. */
export interface ClientHost extends ReactiveControllerHost, HTMLElement {
  backendUrl?: string | undefined;
  theme?: 'light' | 'dark' | 'auto' | undefined;
}

export type ClientStore = 'catalog' | 'connections';

export interface ClientControllerOptions {
  /** Stores whose changes re-render the host. */
  stores?: readonly ClientStore[];
  /**
   * Holds the client's live channel while the element is in the page, so the connection store
   * follows changes made elsewhere (another tab, the backend's checks).
   */
  live?: boolean;
  /** Called for each change of a connection learnt from the live channel (or its polling). */
  onConnectionChange?: (event: PlugboardEvent<'connection_changed'>) => void;
  /**
   * English text the element shows beyond a page's first view (enBase, in the main bundle): the
   * dialog and the picker pass enFlow, so it arrives with their chunk.
   */
  englishText?: Partial<Messages>;
}

const NO_OVERRIDES = {};

/** The translate function elements and shared templates take. */
export type Translate = Translator['t'];

/**
 * Connects an element to the shared Plugboard client: resolves it on connect (configuration errors
 * become `error`, rendered by the element, never thrown from render), re-renders the host when the
 * chosen stores change, loads the translator for the element's `lang` (or the configured locale),
 * and aborts everything in flight through `signal` when the element leaves the page.
 */
export class ClientController implements ReactiveController {
  /** The shared client, once resolved; undefined while unconfigured or after a config error. */
  client: PlugboardClient | undefined;
  /** A configuration error (missing backend URL or session token…), for the element to render. */
  error: PlugboardError | undefined;
  /** The translator for the current locale; undefined until its messages are loaded. */
  translator: Translator | undefined;

  private abortController = new AbortController();
  private unsubscribers: (() => void)[] = [];
  private resolvedFor: string | undefined;
  private translatorLocale: string | undefined;
  private translatorOverrides: object | undefined;
  private connected = false;
  private stopConfigWatch: (() => void) | undefined;
  /** The configured theme this controller put on the host (never one the page set). */
  private appliedTheme: ClientHost['theme'];

  constructor(
    private readonly host: ClientHost,
    private readonly options: ClientControllerOptions = {},
  ) {
    host.addController(this);
    if (options.englishText) addEnglishText(options.englishText);
  }

  /** Aborted when the element is disconnected; a fresh signal is made on reconnect. */
  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  /** Text direction of the current locale, for the element's `dir`. */
  get dir(): 'ltr' | 'rtl' {
    return this.translator?.dir ?? 'ltr';
  }

  /** The message for `key`, or an empty string until the translator has loaded. Bound, so it
   *  can be handed to templates such as `errorView(error, controller.t)`. */
  readonly t: Translate = (key, params) => (this.translator ? this.translator.t(key, params) : '');

  /** Forwards to the client's ordered event stream (a no-op without a client). */
  emit<N extends PlugboardEventName>(name: N, detail: PlugboardEventDetails[N]): void {
    this.client?.events.emit(name, detail);
  }

  hostConnected(): void {
    this.connected = true;
    if (this.abortController.signal.aborted) this.abortController = new AbortController();
    // configure() may run after the element upgraded (or change later): resolve again then.
    this.stopConfigWatch = onConfigChange(() => {
      this.resolvedFor = undefined;
      this.resolve();
      this.host.requestUpdate();
    });
    this.resolve();
  }

  /** Attributes may change after connect: re-resolve when `backend-url` or `lang` did. */
  hostUpdate(): void {
    if (this.connected) this.resolve();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stopConfigWatch?.();
    this.stopConfigWatch = undefined;
    this.abortController.abort();
    this.unsubscribe();
    this.resolvedFor = undefined;
  }

  private resolve(): void {
    const backendUrl = this.host.backendUrl || undefined;
    const clientKey = backendUrl ?? '';
    if (this.resolvedFor !== clientKey) {
      this.resolvedFor = clientKey;
      this.unsubscribe();
      try {
        this.client = getClient(backendUrl ? { backendUrl } : undefined);
        this.error = undefined;
        this.subscribe(this.client);
        // The configured theme (configure() or the script tag) applies unless the element sets one.
        if (this.host.theme === undefined || this.host.theme === this.appliedTheme) {
          this.appliedTheme = this.client.config.theme;
          this.host.theme = this.appliedTheme;
        }
      } catch (error) {
        this.client = undefined;
        this.error = toPlugboardError(error);
      }
    }
    this.loadTranslator();
  }

  private subscribe(client: PlugboardClient): void {
    const rerender = () => this.host.requestUpdate();
    for (const store of this.options.stores ?? []) {
      this.unsubscribers.push(client[store].subscribe(rerender));
    }
    const { live, onConnectionChange } = this.options;
    if (onConnectionChange) {
      this.unsubscribers.push(client.events.on('connection_changed', onConnectionChange));
    }
    if (live) this.unsubscribers.push(client.live.hold());
  }

  private unsubscribe(): void {
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
  }

  private loadTranslator(): void {
    const locale = this.host.lang || this.client?.config.locale || documentLocale();
    const overrides = this.client?.config.messages ?? NO_OVERRIDES;
    if (this.translatorLocale === locale && this.translatorOverrides === overrides) return;
    this.translatorLocale = locale;
    this.translatorOverrides = overrides;
    // A later locale change wins over a slower earlier load.
    const isCurrent = () =>
      this.translatorLocale === locale && this.translatorOverrides === overrides;
    // English is in the bundle: render with it at once. Other locales load their chunk first.
    if (resolveLocaleChain(locale)[0] === 'en') {
      this.translator = createTranslatorSync(locale, enBase, overrides);
      return;
    }
    createTranslator(locale, overrides).then(
      (translator) => {
        if (!isCurrent()) return;
        this.translator = translator;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (!isCurrent()) return;
        this.error ??= toPlugboardError(error);
        this.host.requestUpdate();
      },
    );
  }
}

function documentLocale(): string {
  return document.documentElement.lang || 'en';
}
