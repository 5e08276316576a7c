import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { App, AppSummary, Connection } from '@plugboard/contract';
import {
  ConnectFlow,
  type ConnectCancelReason,
  type ConnectFlowNotice,
  type ConnectFlowState,
  type OAuthResult,
} from '@plugboard/core';
import { enFlow } from '@plugboard/core/messages';
import { ClientController, type Translate } from '../shared/client-controller.js';
import { appLogo } from '../shared/app-logo.js';
import { focusAfterUpdate } from '../shared/focus-after-update.js';
import { LiveAnnouncer } from '../shared/live-region.js';
import { OnlineRetry } from '../shared/online-retry.js';
import { styles } from './connect-dialog.styles.js';
import {
  ConnectCancelEvent,
  ConnectClosedEvent,
  ConnectErrorEvent,
  ConnectSettingsSavedEvent,
  ConnectSuccessEvent,
} from './connect-dialog.events.js';
import { CredentialsStep } from './credentials-step.js';
import { DialogFocus } from './dialog-focus.js';
import { OptionPickers } from './option-pickers.js';
import { SetupStep } from './setup-step.js';
import { fieldId } from './views/credential-form.js';
import { flowView } from './views/flow-view.js';
import { discardConfirmView } from './views/status-views.js';

/** The dialog's title in each mode. */
const TITLES = {
  create: 'dialog.title',
  update: 'dialog.titleUpdate',
  settings: 'dialog.titleSettings',
} as const;

/**
 * A modal dialog that walks the user through connecting one app: provider health, the choice of
 * method, OAuth in a popup or a credential form, setup steps (choices from the service's live
 * lists, checked; copying a webhook URL), an automatic test, and success. With `connection-id` it
 * re-authorizes that connection and keeps its id (update mode); with `intent="settings"` as well,
 * it only changes the connection's setup choices, without signing in again. The flow itself is
 * core's `ConnectFlow`: this element draws its state and forwards the user's actions to it.
 *
 * @summary Connect (or re-authorize) one app, step by step, in a native modal dialog.
 *
 * @event pb-connect-success - The connection was saved and its test passed: `connection`, `app`, `mode`.
 * @event pb-connect-error - A step failed in a way the user saw: `code`, `app`, `requestId`.
 * @event pb-connect-cancel - Closed before finishing (by the user, from code, or removed from the page): `reason`, `lastStep`.
 * @event pb-connect-closed - The dialog closed (after `pb-connect-cancel` when unfinished): `reason`, `lastStep`, `completed`.
 * @event pb-connect-settings-saved - The setup choices were saved: `connection` (with its `settings`), `app`.
 *
 * @csspart base - The native `<dialog>`.
 * @csspart header - The title bar with the app's logo and the close button.
 * @csspart logo - The app's logo (or monogram) in the header.
 * @csspart title - The dialog's title.
 * @csspart close-button - The close (×) button.
 * @csspart body - The current step.
 * @csspart form - The credential form.
 * @csspart field - One form field (label, input, hints).
 * @csspart input - Inputs and selects.
 * @csspart button - Every button.
 * @csspart help-link - "Where to find your …" links.
 * @csspart field-error - A field's error message.
 * @csspart health-warning - The "{app} is having problems" notice (degraded provider).
 * @csspart webhook-url - The read-only webhook URL in the setup step.
 * @csspart webhook-username - The HTTP basic auth user name to enter with the URL (Pipedrive).
 * @csspart webhook-password - The HTTP basic auth password to enter with the URL (Pipedrive).
 * @csspart copy - The Copy button of the setup step.
 * @csspart event-indicator - "Waiting for the first event…" / "First event received".
 * @csspart confirm - The "Discard what you typed?" confirmation.
 * @csspart error - An error or a failed test: what happened, why, one action, the reference.
 * @csspart settings - The setup choices view.
 * @csspart setting - One setup step's field (also `field`).
 * @csspart combobox - A setup step's searchable option list input (also `input`).
 * @csspart popup - The popup under a combobox: its list, its status, "Show more".
 * @csspart listbox - The options of a combobox.
 * @csspart option - One option.
 * @csspart chosen - A multi-select's chosen options.
 * @csspart check - The answer of a step's check (also `check-passed` / `check-failed` inside it).
 * @csspart check-action - What to do when a check failed.
 * @csspart webhook-check - "Check that a test event arrived" and its answer.
 * @csspart saved-notice - "Your settings are saved" (settings mode).
 * @csspart file - A file field's chooser and the name of the file read.
 *
 * @cssproperty --pb-connect-dialog-width - Inline size of the dialog (default: 32rem).
 * @cssproperty --pb-connect-dialog-backdrop - Backdrop colour behind the dialog.
 */
export class ConnectDialog extends LitElement {
  static override styles = styles;

  /** The app to connect. A summary (or only `app-key`) makes the dialog load the full app. */
  @property({ attribute: false }) app: App | AppSummary | undefined;

  /** The key of the app to connect, when no `app` object is given. */
  @property({ attribute: 'app-key' }) appKey = '';

  /** Update mode: re-authorize this connection (same id) instead of creating one. */
  @property({ attribute: 'connection-id' }) connectionId = '';

  /**
   * `settings` (with `connection-id`): change the connection's setup choices only, without
   * signing in again. Default `connect`.
   */
  @property({ reflect: true }) intent: 'connect' | 'settings' = 'connect';

  /** Whether the dialog is shown. Reflected so hosts can style or observe it. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Backend base URL for this element (overrides `configure()`). */
  @property({ attribute: 'backend-url' }) backendUrl: string | undefined;

  /** Colour theme: `light`, `dark` or `auto` (follows the system). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' | undefined;

  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly controller = new ClientController(this, { englishText: enFlow });
  private readonly announcer = new LiveAnnouncer(this);
  private readonly dialogFocus = new DialogFocus(this, this.announcer);
  private readonly onlineRetry = new OnlineRetry(this);
  private readonly credentials = new CredentialsStep(this, {
    t: () => this.t,
    onInvalid: () => void this.focusFirstInvalidField(),
  });
  private readonly setup = new SetupStep(this, {
    client: () => this.controller.client,
    onEvent: (connection) => this.onFirstEvent(connection),
    announce: (text) => this.announcer.announce(text),
    onCopied: () => this.flow.setupUrlCopied(),
  });
  private readonly pickers = new OptionPickers(this, {
    search: (key, query) => this.flow.searchOptions(key, query),
    loadMore: (key) => this.flow.loadMoreOptions(key),
    optionAt: (key, index) => {
      const settings = this.flow.state.settings;
      const step = settings?.steps.find((candidate) => candidate.key === key);
      const option = settings?.options[key]?.items[index];
      return step && option ? { option, multiple: step.type === 'multi_select' } : undefined;
    },
    choose: (key, value) => this.flow.chooseSetting(key, value),
  });
  private readonly flow = new ConnectFlow({
    client: () => this.controller.client,
    form: this.credentials,
    onChange: (state, previous) => this.onFlowChange(state, previous),
    onNotice: (notice) => this.onFlowNotice(notice),
  });

  /** Opens the dialog as a modal and starts at the first step. */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog at once (no confirmation). Before success, dispatches `pb-connect-cancel`. */
  close(reason: ConnectCancelReason = 'user'): void {
    if (!this.open) return;
    if (this.flow.state.open) this.flow.close(reason);
    else this.open = false;
  }

  /** True while the native dialog is shown (it closes synchronously on the flow's close). */
  private get shown(): boolean {
    return this.dialog?.open ?? false;
  }

  private readonly t: Translate = (key, params) => this.controller.t(key, params);

  override connectedCallback(): void {
    super.connectedCallback();
    // "Continue in this tab" came back with `?pb_flow=`: core removes it at once, so only the
    // first dialog on the page picks the flow up and shows how it ended.
    void this.controller.client?.resumeRedirectFlow().then((result) => {
      if (result && this.isConnected) this.resume(result);
    });
    // Moved in the page while open: the run goes on, but the native dialog left the top layer.
    if (this.flow.state.open && this.hasUpdated) this.dialogFocus.remodal(this.dialog);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Removed from the page: the opening ends as a cancel (requests, the popup and timers stop).
    // A move (removed and added back in the same task) is no removal, so decide a microtask later.
    queueMicrotask(() => {
      if (!this.isConnected) this.flow.close('removed');
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && !this.open && this.shown) {
      // `open` set to false from outside: the same as close().
      this.flow.close('user');
      return;
    }
    const opened = changed.has('open') && this.open && !this.shown;
    const retargeted =
      this.open &&
      ((changed.has('app') && changed.get('app') !== undefined) ||
        (changed.has('appKey') && Boolean(changed.get('appKey'))) ||
        (changed.has('connectionId') && Boolean(changed.get('connectionId'))) ||
        (changed.has('intent') && changed.get('intent') !== undefined));
    if (opened || retargeted) this.begin();
  }

  protected override updated(): void {
    if (this.open && !this.shown) this.dialogFocus.opened(this.dialog);
    if (this.controller.translator) this.dialogFocus.settle();
  }

  override render(): TemplateResult {
    const t = this.t;
    const { app, mode, confirmingDiscard } = this.flow.state;
    const title = app ? t(TITLES[mode], { app: app.name }) : t('dialog.titleGeneric');
    return html`<dialog
      part="base"
      class="dialog"
      aria-labelledby="title"
      dir=${this.controller.dir}
      @cancel=${this.onNativeCancel}
      @close=${this.onNativeClose}
      @keydown=${this.onKeydown}
      @click=${this.onDialogClick}
    >
      <div class="panel">
        <header class="header" part="header">
          ${app ? appLogo(app, 32) : nothing}
          <h2 class="title" id="title" part="title">${title}</h2>
          <button
            class="button button--quiet close"
            part="button close-button"
            type="button"
            aria-label=${t('dialog.close')}
            @click=${() => this.flow.requestClose('close-button')}
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
              <path d="M6 6l12 12M18 6L6 18"></path>
            </svg>
          </button>
        </header>
        <div class="body" part="body">
          ${
            confirmingDiscard
              ? discardConfirmView(
                  t,
                  () => this.flow.confirmDiscard(),
                  () => this.flow.keepEditing(),
                )
              : nothing
          }
          <div class="step" ?hidden=${confirmingDiscard}>
            ${
              this.open
                ? flowView({
                    t,
                    state: this.flow.state,
                    flow: this.flow,
                    form: this.credentials,
                    setup: this.setup,
                    pickers: this.pickers,
                    configError: this.controller.error,
                    ready: this.controller.translator !== undefined,
                    retriesWhenOnline: this.onlineRetry.waiting,
                    list: (items) => this.controller.translator?.list(items) ?? items.join(', '),
                  })
                : nothing
            }
          </div>
        </div>
        ${this.announcer.region()}
      </div>
    </dialog>`;
  }

  // ——— Between the flow and the page ———

  private begin(): void {
    this.flow.begin({
      app: this.app,
      appKey: this.appKey,
      connectionId: this.connectionId,
      intent: this.intent,
    });
    // The OAuth flows' code comes while the app loads, so "Continue with …" starts at once.
    this.controller.client?.prepareOAuth().catch(() => undefined);
  }

  /** Opens on the outcome of a flow that came back to this page by redirect. */
  private resume(result: OAuthResult): void {
    const { appKey, connectionId } = this.flow.resume(result);
    if (appKey && appKey !== this.flow.state.app?.key) {
      this.app = undefined;
      this.appKey = appKey;
    }
    // An update that went through the redirect comes back as an update.
    this.connectionId = connectionId;
    if (this.open) this.begin();
    else this.show();
  }

  private onFlowChange(state: ConnectFlowState, previous: ConnectFlowState): void {
    this.requestUpdate();
    const entered = state.viewEntry !== previous.viewEntry;
    if (state.open && (entered || state.confirmingDiscard !== previous.confirmingDiscard))
      this.dialogFocus.moveIntoView();
    // The webhook watch and the offline retry live as long as their views.
    const { view } = state;
    if (!state.open || view.name !== 'setup') this.setup.stop();
    else if (entered) this.setup.watch(view.connection);
    if (!state.open || view.name !== 'load-error') this.onlineRetry.clear();
    else if (entered) this.onlineRetry.failed(view.error, () => this.flow.reload());
    if (entered) this.pickers.reset();
    this.announceOptions(state, previous);
  }

  /** A search the user is typing into answered: say how many options match (or the error). */
  private announceOptions(state: ConnectFlowState, previous: ConnectFlowState): void {
    const now = state.settings?.options ?? {};
    const before = previous.settings?.options ?? {};
    for (const [key, options] of Object.entries(now)) {
      const landed = before[key]?.status === 'loading' && options.status !== 'loading';
      if (!landed || !this.pickers.ui(key).expanded) continue;
      this.announcer.announce(
        options.error
          ? this.t('settings.optionsError', { app: state.app?.name ?? '' })
          : this.t('settings.optionsCount', { count: options.items.length }),
      );
    }
  }

  private onFlowNotice(notice: ConnectFlowNotice): void {
    switch (notice.type) {
      case 'success':
        this.dispatchEvent(new ConnectSuccessEvent(notice.connection, notice.app, notice.mode));
        return;
      case 'error':
        this.dispatchEvent(new ConnectErrorEvent(notice.code, notice.app, notice.error.requestId));
        return;
      case 'cancel':
        this.dispatchEvent(new ConnectCancelEvent(notice.reason, notice.lastStep));
        return;
      case 'settings-saved':
        this.announcer.announce(this.t('status.settingsSaved'));
        this.dispatchEvent(new ConnectSettingsSavedEvent(notice.connection, notice.app));
        return;
      case 'closed':
        this.open = false;
        // Closed now, not at the next render: a show() right after close() starts a fresh run.
        this.dialogFocus.closed(this.dialog);
        this.dispatchEvent(
          new ConnectClosedEvent(notice.reason, notice.lastStep, notice.completed),
        );
        return;
    }
  }

  private async focusFirstInvalidField(): Promise<void> {
    const first = this.credentials.firstInvalidField;
    if (first) await focusAfterUpdate(this, `#${fieldId(first)}`);
    this.announcer.announce(this.t('error.validation.title'));
  }

  private onFirstEvent(connection: Connection): void {
    if (this.flow.firstEventReceived(connection))
      this.announcer.announce(this.t('dialog.firstEventReceived'));
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // Handled here rather than by the browser, so a half-filled form can ask before closing.
    event.preventDefault();
    event.stopPropagation();
    if (this.flow.state.confirmingDiscard) this.flow.keepEditing();
    else this.flow.requestClose('escape');
  };

  private readonly onNativeCancel = (event: Event): void => {
    event.preventDefault();
    this.flow.requestClose('escape');
  };

  /**
   * The browser may close the dialog itself (a repeated Escape): treat it as an Escape. The event
   * arrives a task late, so a dialog closed by us and already shown again is left alone.
   */
  private readonly onNativeClose = (): void => {
    if (this.open && !this.shown) this.close('escape');
  };

  private readonly onDialogClick = (event: MouseEvent): void => {
    // The panel fills the dialog box, so a click whose target is the dialog itself hit the backdrop.
    if (event.target !== this.dialog) return;
    const box = this.dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom;
    if (!inside) this.flow.requestClose('backdrop');
  };
}
