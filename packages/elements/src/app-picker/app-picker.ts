import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { AppSummary } from '@plugboard/contract';
import { enFlow } from '@plugboard/core/messages';
import { appLogo, appLogoStyles } from '../shared/app-logo.js';
import { baseStyles } from '../shared/base.styles.js';
import { ClientController } from '../shared/client-controller.js';
import { errorView, errorViewStyles } from '../shared/error-view.js';
import { LiveAnnouncer } from '../shared/live-region.js';
import { healthBadge, providerHealthStyles } from '../shared/provider-health.js';
import { tokens } from '../shared/tokens.styles.js';
import { AppSelectEvent, RequestAppEvent } from './app-picker.events.js';
import { appPickerStyles } from './app-picker.styles.js';
import { isNavigationKey, nextActiveIndex } from './listbox-navigation.js';
import { PickerData } from './picker-data.js';
import type { PickerResult, PickerResults } from './picker-results.js';
import { rememberApp } from './recent-apps.js';
import { VirtualWindowController } from './virtual-window-controller.js';

/** The `search` funnel event and the result-count announcement wait for typing to pause. */
const SEARCH_SETTLE_MS = 400;

/** Below this many results for a search, "Can't find your app?" is offered under the list too. */
const FEW_RESULTS = 3;

/**
 * Search the app catalog and choose an app: an APG combobox whose listbox sits in the same
 * shadow root (so `aria-activedescendant` works), with categories, recently used and popular apps
 * on an empty search, connection-count badges, and a virtualised list that keeps 10,000 apps fast.
 * Works without a backend when given `apps`.
 *
 * @summary Searchable, keyboard-friendly app catalog picker.
 *
 * @event pb-app-select - `AppSelectEvent`: the user chose `event.app`.
 * @event pb-request-app - `RequestAppEvent`: "Can't find your app?" with `event.query` and `event.category` (offered when a search finds fewer than 3 apps). Cancelable: `preventDefault()` replaces the picker's own "Thanks" with the host's follow-up.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The search field and category filter.
 * @csspart input - The search input (the combobox).
 * @csspart category - The category select.
 * @csspart body - The results area.
 * @csspart listbox - The scrolling list of results.
 * @csspart option - One app in the results.
 * @csspart logo - An app's logo or monogram.
 * @csspart badge - The "connected" count and other badges on an option.
 * @csspart health-badge - The "Having problems" / "Unavailable" badge of an app whose provider is in trouble.
 * @csspart button - Action buttons (Retry, Ask for it).
 * @csspart request - "Can't find your app?" with its "Ask for it" button.
 * @csspart request-sent - The thanks shown once an app was requested.
 * @csspart error - The error box.
 *
 * @cssproperty --pb-app-picker-max-height - Height of the results viewport (default 24rem).
 * @cssproperty --pb-app-picker-row-height - Height of a row in the list layout (default 3.5rem).
 * @cssproperty --pb-app-picker-cell-width - Minimum width of a grid cell (default 9rem).
 * @cssproperty --pb-app-picker-cell-height - Height of a grid cell (default 7.5rem).
 */
export class AppPicker extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    appLogoStyles,
    errorViewStyles,
    providerHealthStyles,
    appPickerStyles,
  ];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The backend to use instead of the one given to `configure()`. */
  @property({ attribute: 'backend-url' }) backendUrl: string | undefined;

  /** Colour theme; defaults to the configured theme. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' | undefined;

  /** Results as a single-column list (default) or a grid of tiles. */
  @property({ reflect: true }) layout: 'list' | 'grid' = 'list';

  /** A static catalog: the picker searches these itself and needs no backend. */
  @property({ attribute: false }) apps: readonly AppSummary[] | undefined;

  /** Keys of apps to show first on an empty search, instead of those chosen in this page session. */
  @property({ attribute: false }) recent: readonly string[] | undefined;

  /** The category filter ('' for all). */
  @property() category = '';

  /** The search text. */
  @property() query = '';

  @state() private activeIndex = -1;
  /** The search an app was requested for: its "Thanks" shows until the search changes. */
  @state() private requestedFor: string | undefined;

  @query('#listbox') private listbox?: HTMLElement;
  @query('.listbox__items') private listboxItems?: HTMLElement;

  private readonly controller = new ClientController(this, {
    stores: ['catalog', 'connections'],
    englishText: enFlow,
  });
  private readonly announcer = new LiveAnnouncer(this);
  private readonly data = new PickerData(this, this.controller);
  private readonly virtual = new VirtualWindowController(this, {
    listbox: () => this.listbox,
    items: () => this.listboxItems,
    count: () => this.data.results.length,
  });
  private settleTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.settleTimer);
  }

  private get results(): PickerResults {
    return this.data.results;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query') || changed.has('category') || changed.has('apps')) {
      this.activeIndex = -1;
      this.virtual.scrollTo(0);
      if (this.requestedFor !== this.requestKey) this.requestedFor = undefined;
    }
    this.data.update({
      apps: this.apps,
      query: this.query.trim(),
      category: this.category || undefined,
      recent: this.recent,
    });
    if (this.activeIndex >= this.results.length) this.activeIndex = -1;
  }

  protected override firstUpdated(): void {
    // Pointer selection; the keyboard path is the combobox's (aria-activedescendant + Enter), as
    // in the APG pattern, so options are deliberately not focusable.
    this.renderRoot.addEventListener('click', (event) => this.onOptionClick(event as MouseEvent));
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The listbox appears once the translator is ready.
    if (!this.listbox) return;
    if (changed.has('layout')) this.virtual.remeasure();
    this.data.prepareWhenIdle();
  }

  override render(): TemplateResult {
    const { t } = this.controller;
    if (!this.controller.translator)
      return html`<div part="base" class="picker" aria-busy="true"></div>`;
    const activeId =
      this.activeIndex >= 0 && this.virtual.isRendered(this.activeIndex)
        ? optionId(this.activeIndex)
        : undefined;
    const showList = this.results.length > 0;
    return html`<div part="base" class="picker" dir=${this.controller.dir}>
      <div part="header" class="picker__controls">
        <div class="field picker__search">
          <label class="field__label" id="input-label" for="input"
            >${t('picker.searchLabel')}</label
          >
          <input
            id="input"
            part="input"
            class="input"
            type="text"
            role="combobox"
            aria-labelledby="input-label"
            autocomplete="off"
            spellcheck="false"
            aria-autocomplete="list"
            aria-controls="listbox"
            aria-expanded=${showList ? 'true' : 'false'}
            aria-activedescendant=${activeId ?? nothing}
            placeholder=${t('picker.searchPlaceholder')}
            .value=${this.query}
            @input=${this.onInput}
            @keydown=${this.onKeydown}
          />
        </div>
        ${this.renderCategories()}
      </div>
      <div part="body" class="picker__body">
        ${this.renderState()}
        ${showList && this.query.trim() === '' ? html`<p class="picker__caption" id="caption">${t(this.results.at(0)?.recent ? 'picker.recentAndPopular' : 'picker.popular')}</p>` : nothing}
        <div
          id="listbox"
          part="listbox"
          class="listbox"
          role="listbox"
          aria-label=${t('picker.resultsLabel')}
          ?hidden=${!showList}
          @scroll=${this.virtual.onScroll}
          @mousedown=${this.keepFocusInInput}
        >
          <div class="listbox__items" role="presentation">${this.renderResultOptions()}</div>
        </div>
        ${
          showList && this.query.trim() !== '' && this.results.length < FEW_RESULTS
            ? this.renderRequestOffer()
            : nothing
        }
      </div>
      ${this.announcer.region()}
    </div>`;
  }

  private renderCategories(): TemplateResult {
    const { t } = this.controller;
    const categories = this.data.categories();
    return html`<div class="field picker__category">
      <label class="field__label" for="category">${t('picker.categoryLabel')}</label>
      <select id="category" part="category" class="input" @change=${this.onCategoryChange}>
        <option value="" ?selected=${this.category === ''}>${t('picker.allCategories')}</option>
        ${categories.map(
          (category) =>
            html`<option value=${category} ?selected=${category === this.category}>
              ${category}
            </option>`,
        )}
      </select>
    </div>`;
  }

  /** Loading, error and empty states; with results to show, only a failed server search. */
  private renderState(): TemplateResult | typeof nothing {
    const { t } = this.controller;
    const status = this.data.status();
    switch (status.kind) {
      case 'results':
        return nothing;
      case 'search-error':
        return errorView(status.error, t, {
          onAction: () => this.retrySearch(),
          actionLabel: t('picker.retry'),
        });
      case 'config-error':
        return errorView(status.error, t);
      case 'load-error':
        return errorView(status.error, t, {
          title: t('picker.error'),
          onAction: () => this.data.loadCatalog(),
          actionLabel: t('picker.retry'),
          retriesWhenOnline: status.retriesWhenOnline,
        });
      case 'loading':
        return html`<div class="state" role="status">
          <p>${t('picker.loading')}</p>
          <div class="skeleton" aria-hidden="true">
            <div class="skeleton__row"></div>
            <div class="skeleton__row"></div>
            <div class="skeleton__row"></div>
          </div>
        </div>`;
      case 'searching':
        return html`<div class="state" role="status"><p>${t('picker.searching')}</p></div>`;
      case 'empty':
        return html`<div class="state" part="empty">
          <p class="state__title">
            ${this.query.trim() === '' ? t('picker.emptyCatalog') : t('picker.noResults', { query: this.query.trim() })}
          </p>
          <p class="state__hint">${t('picker.noResultsHint')}</p>
          ${this.renderRequestOffer()}
        </div>`;
    }
  }

  /** "Can't find your app? Ask for it", or the thanks once the user asked for this search. */
  private renderRequestOffer(): TemplateResult {
    const { t } = this.controller;
    if (this.requestedFor === this.requestKey) {
      return html`<p class="request request--sent" part="request-sent">${this.requestThanks()}</p>`;
    }
    return html`<p class="request" part="request">
      <span id="request-prompt">${t('picker.requestAppPrompt')}</span>
      <button
        class="button"
        part="button request-button"
        type="button"
        aria-describedby="request-prompt"
        @click=${this.requestApp}
      >
        ${t('picker.requestApp')}
      </button>
    </p>`;
  }

  private requestThanks(): string {
    const query = this.query.trim();
    return query
      ? this.controller.t('picker.requestSent', { query })
      : this.controller.t('picker.requestSentGeneric');
  }

  /** A request is for a search: the same words in the same category. */
  private get requestKey(): string {
    return `${this.category}\n${this.query.trim()}`;
  }

  private renderResultOptions(): TemplateResult[] {
    const { start, end } = this.virtual.range;
    const rows: TemplateResult[] = [];
    for (let index = start; index < end; index++) {
      const result = this.results.at(index);
      if (result) rows.push(this.renderOption(result, index));
    }
    return rows;
  }

  private renderOption({ app, recent }: PickerResult, index: number): TemplateResult {
    const { t } = this.controller;
    const count = this.controller.client?.connections.countFor(app.key) ?? 0;
    return html`<div
      id=${optionId(index)}
      part="option"
      class="option"
      role="option"
      aria-selected=${index === this.activeIndex ? 'true' : 'false'}
      data-index=${index}
    >
      ${appLogo(app, this.layout === 'grid' ? 40 : 32)}
      <span class="option__text">
        <span class="option__name">${app.name}</span>
        <span class="option__description">${app.description}</span>
      </span>
      <span class="option__badges">
        ${recent ? html`<span class="badge" part="badge">${t('picker.recentlyUsed')}</span>` : nothing}
        ${healthBadge(app.health, t)}
        ${
          count > 0
            ? html`<span class="badge badge--accent" part="badge connected-badge"
                >${t('picker.connectedBadge', { count })}</span
              >`
            : nothing
        }
      </span>
    </div>`;
  }

  private retrySearch(): void {
    this.data.retrySearch();
    this.requestUpdate();
  }

  // --- interaction ----------------------------------------------------------------------------

  private onInput(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    this.scheduleSettle();
  }

  private onCategoryChange(event: Event): void {
    this.category = (event.target as HTMLSelectElement).value;
    this.scheduleSettle();
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.isComposing) return;
    if (isNavigationKey(event.key)) {
      const next = nextActiveIndex(event.key, this.activeIndex, {
        count: this.results.length,
        columns: this.virtual.columns,
        rowsPerPage: this.virtual.rowsPerPage,
        rtl: this.controller.dir === 'rtl',
      });
      if (next === undefined) return;
      event.preventDefault();
      this.activate(next);
      return;
    }
    if (event.key === 'Enter') {
      // With nothing highlighted, Enter after typing takes the best match (the first result).
      const index = this.activeIndex < 0 && this.query.trim() !== '' ? 0 : this.activeIndex;
      const result = this.results.at(index);
      if (!result) return;
      event.preventDefault();
      this.select(result.app);
      return;
    }
    if (event.key === 'Escape') {
      // Clear first; only an empty picker lets Escape through to close a surrounding dialog.
      if (this.query === '' && this.activeIndex < 0) return;
      event.preventDefault();
      event.stopPropagation();
      if (this.query !== '') {
        this.query = '';
        this.scheduleSettle();
      } else {
        this.activeIndex = -1;
      }
    }
  }

  private activate(index: number): void {
    this.activeIndex = index;
    this.virtual.reveal(index);
  }

  private keepFocusInInput(event: MouseEvent): void {
    // Clicking an option must not blur the combobox (APG); the scrollbar still works.
    if ((event.target as Element).closest('[role="option"]')) event.preventDefault();
  }

  private onOptionClick(event: MouseEvent): void {
    const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
    const result = option ? this.results.at(Number(option.dataset['index'])) : undefined;
    if (!result) return;
    this.activeIndex = Number(option?.dataset['index']);
    this.select(result.app);
  }

  private select(app: AppSummary): void {
    rememberApp(this.controller.client, app.key);
    const query = this.query.trim();
    this.controller.emit('app_selected', query ? { app: app.key, query } : { app: app.key });
    this.dispatchEvent(new AppSelectEvent(app, query));
  }

  private async requestApp(): Promise<void> {
    // A request before typing paused: the search is reported first, and its count announcement
    // comes now rather than over the thanks.
    if (this.settleTimer !== undefined) this.settle();
    const query = this.query.trim();
    const category = this.category || undefined;
    this.controller.emit('app_requested', category ? { query, category } : { query });
    // A host that handles the follow-up itself (its own form, say) cancels the event.
    if (!this.dispatchEvent(new RequestAppEvent(query, category))) return;
    this.requestedFor = this.requestKey;
    this.announcer.announce(this.requestThanks());
    // The button gives way to the thanks: focus goes back to the search.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#input')?.focus();
  }

  /** After typing pauses: announce the count and report the search to the event stream. */
  private scheduleSettle(): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.settle(), SEARCH_SETTLE_MS);
  }

  private settle(): void {
    // Not "0 apps" while the less popular apps are still being indexed: wait for their answer.
    if (this.data.status().kind === 'searching') {
      this.scheduleSettle();
      return;
    }
    clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    const resultCount = this.results.length;
    this.announcer.announce(this.controller.t('picker.resultCount', { count: resultCount }));
    const query = this.query.trim();
    if (query !== '') this.controller.emit('search', { query, resultCount });
  }
}

function optionId(index: number): string {
  return `option-${index}`;
}
