import type {
  AppConnections,
  AppSelectEvent,
  RequestAppEvent,
  ConnectSuccessEvent,
  ConnectErrorEvent,
  ConnectCancelEvent,
  ConnectClosedEvent,
  ConnectionTestEvent,
  ConnectionUpdateEvent,
  ConnectionRemoveEvent,
  AppPicker,
  ConnectDialog,
  ConnectSettingsSavedEvent,
  ConnectionStatus,
  ConnectionSettingsEvent,
  ConnectionRenameEvent,
} from '@plugboard/elements';

/**
 * This type can be used to create scoped tags for your components.
 *
 * Usage:
 *
 * ```ts
 * import type { ScopedElements } from "path/to/library/jsx-integration";
 *
 * declare module "my-library" {
 *   namespace JSX {
 *     interface IntrinsicElements
 *       extends ScopedElements<'test-', ''> {}
 *   }
 * }
 * ```
 *
 */
export type ScopedElements<Prefix extends string = '', Suffix extends string = ''> = {
  [Key in keyof CustomElements as `${Prefix}${Key}${Suffix}`]: CustomElements[Key];
};

type BaseProps = {
  /** Content added between the opening and closing tags of the element */
  children?: any;
  /** Used for declaratively styling one or more elements using CSS (Cascading Stylesheets) */
  class?: string;
  /** Used for declaratively styling one or more elements using CSS (Cascading Stylesheets) */
  className?: string;
  /** Takes an object where the key is the class name(s) and the value is a boolean expression. When true, the class is applied, and when false, it is removed. */
  classList?: Record<string, boolean | undefined>;
  /** Specifies the text direction of the element. */
  dir?: 'ltr' | 'rtl';
  /** Contains a space-separated list of the part names of the element that should be exposed on the host element. */
  exportparts?: string;
  /** For <label> and <output>, lets you associate the label with some control. */
  htmlFor?: string;
  /** Specifies whether the element should be hidden. */
  hidden?: boolean | string;
  /** A unique identifier for the element. */
  id?: string;
  /** Keys tell React which array item each component corresponds to */
  key?: string | number;
  /** Specifies the language of the element. */
  lang?: string;
  /** Contains a space-separated list of the part names of the element. Part names allows CSS to select and style specific elements in a shadow tree via the ::part pseudo-element. */
  part?: string;
  /** Use the ref attribute with a variable to assign a DOM element to the variable once the element is rendered. */
  ref?: unknown | ((e: unknown) => void);
  /** Adds a reference for a custom element slot */
  slot?: string;
  /** Prop for setting inline styles */
  style?: Record<string, string | number>;
  /** Overrides the default Tab button behavior. Avoid using values other than -1 and 0. */
  tabIndex?: number;
  /** Specifies the tooltip text for the element. */
  title?: string;
  /** Passing 'no' excludes the element content from being translated. */
  translate?: 'yes' | 'no';
};

type BaseEvents = {};

export type AppConnectionsProps = {
  /** The backend to use instead of the one given to `configure()`. Passed to the inner elements. */
  'backend-url'?: AppConnections['backendUrl'];
  /** Colour theme; defaults to the configured theme. Passed to the inner elements. */
  theme?: AppConnections['theme'];
  /** Replaces the "Apps" heading text. */
  heading?: AppConnections['heading'];
  /** Show a Disconnect button on each connection. */
  'allow-disconnect'?: AppConnections['allowDisconnect'];

  /** From the inner picker (bubbles, composed). */
  'onpb-app-select'?: (e: AppSelectEvent) => void;
  /** From the inner picker: "Can't find your app?" (`query`, `category`); cancelable. */
  'onpb-request-app'?: (e: RequestAppEvent) => void;
  /** From the inner connect dialog. */
  'onpb-connect-success'?: (e: ConnectSuccessEvent) => void;
  /** From the inner connect dialog. */
  'onpb-connect-error'?: (e: ConnectErrorEvent) => void;
  /** From the inner connect dialog. */
  'onpb-connect-cancel'?: (e: ConnectCancelEvent) => void;
  /** From the inner connect dialog. */
  'onpb-connect-closed'?: (e: ConnectClosedEvent) => void;
  /** From a connection's status. */
  'onpb-connection-test'?: (e: ConnectionTestEvent) => void;
  /** From a connection's status. */
  'onpb-connection-update'?: (e: ConnectionUpdateEvent) => void;
  /** From a connection's status. */
  'onpb-connection-remove'?: (e: ConnectionRemoveEvent) => void;
};

export type AppPickerProps = {
  /** The backend to use instead of the one given to `configure()`. */
  'backend-url'?: AppPicker['backendUrl'];
  /** Colour theme; defaults to the configured theme. */
  theme?: AppPicker['theme'];
  /** Results as a single-column list (default) or a grid of tiles. */
  layout?: AppPicker['layout'];
  /** The category filter ('' for all). */
  category?: AppPicker['category'];
  /** The search text. */
  query?: AppPicker['query'];
  /** A static catalog: the picker searches these itself and needs no backend. */
  apps?: AppPicker['apps'];
  /** Keys of apps to show first on an empty search, instead of those chosen in this page session. */
  recent?: AppPicker['recent'];
  /** `AppSelectEvent`: the user chose `event.app`. */
  'onpb-app-select'?: (e: AppSelectEvent) => void;
  /** `RequestAppEvent`: "Can't find your app?" with `event.query` and `event.category` (offered when a search finds fewer than 3 apps). Cancelable: `preventDefault()` replaces the picker's own "Thanks" with the host's follow-up. */
  'onpb-request-app'?: (e: RequestAppEvent) => void;
};

export type ConnectDialogProps = {
  /** The key of the app to connect, when no `app` object is given. */
  'app-key'?: ConnectDialog['appKey'];
  /** Update mode: re-authorize this connection (same id) instead of creating one. */
  'connection-id'?: ConnectDialog['connectionId'];
  /** `settings` (with `connection-id`): change the connection's setup choices only, without
signing in again. Default `connect`. */
  intent?: ConnectDialog['intent'];
  /** Whether the dialog is shown. Reflected so hosts can style or observe it. */
  open?: ConnectDialog['open'];
  /** Backend base URL for this element (overrides `configure()`). */
  'backend-url'?: ConnectDialog['backendUrl'];
  /** Colour theme: `light`, `dark` or `auto` (follows the system). */
  theme?: ConnectDialog['theme'];
  /** The app to connect. A summary (or only `app-key`) makes the dialog load the full app. */
  app?: ConnectDialog['app'];
  /** The connection was saved and its test passed: `connection`, `app`, `mode`. */
  'onpb-connect-success'?: (e: ConnectSuccessEvent) => void;
  /** A step failed in a way the user saw: `code`, `app`, `requestId`. */
  'onpb-connect-error'?: (e: ConnectErrorEvent) => void;
  /** Closed before finishing (by the user, from code, or removed from the page): `reason`, `lastStep`. */
  'onpb-connect-cancel'?: (e: ConnectCancelEvent) => void;
  /** The dialog closed (after `pb-connect-cancel` when unfinished): `reason`, `lastStep`, `completed`. */
  'onpb-connect-closed'?: (e: ConnectClosedEvent) => void;
  /** The setup choices were saved: `connection` (with its `settings`), `app`. */
  'onpb-connect-settings-saved'?: (e: ConnectSettingsSavedEvent) => void;
};

export type ConnectionStatusProps = {
  /** The connection's id; the element loads it when no `connection` object is given. */
  'connection-id'?: ConnectionStatus['connectionId'];
  /** Shows the Disconnect button (with a confirmation inside the component). */
  'allow-disconnect'?: ConnectionStatus['allowDisconnect'];
  /** Backend base URL for this element (overrides `configure()`). */
  'backend-url'?: ConnectionStatus['backendUrl'];
  /** Colour theme: `light`, `dark` or `auto` (follows the system). */
  theme?: ConnectionStatus['theme'];
  /** The connection to show (takes precedence over loading by `connection-id`). */
  connection?: ConnectionStatus['connection'];
  /** The app's summary, when the host has it; otherwise it comes from the catalog when loaded. */
  app?: ConnectionStatus['app'];
  /** A test finished: `result` (a TestResult; `result.ok`). */
  'onpb-connection-test'?: (e: ConnectionTestEvent) => void;
  /** The connection was re-authorized through Update: `connection`. */
  'onpb-connection-update'?: (e: ConnectionUpdateEvent) => void;
  /** Its setup choices were saved from Settings: `connection`. */
  'onpb-connection-settings'?: (e: ConnectionSettingsEvent) => void;
  /** The user renamed it: `connection` (with its new `label`). */
  'onpb-connection-rename'?: (e: ConnectionRenameEvent) => void;
  /** The user confirmed Disconnect and it was removed: `connectionId`, `revocation` (`failed`: the service did not confirm it withdrew the access). */
  'onpb-connection-remove'?: (e: ConnectionRemoveEvent) => void;
};

export type CustomElements = {
  /**
   * The whole "Apps" page in one tag: the end user's connections grouped by app, each with its
   * status, Test and Update, and a badge when the app's provider is in trouble; and "Add a
   * connection", which opens the app picker in a modal and then the connect dialog for the chosen
   * app. The new connection appears at the top and takes focus. Events of the inner elements
   * (`pb-app-select`, `pb-request-app`, `pb-connect-*`, `pb-connection-*`) bubble out.
   *
   * The inner elements' parts are exported with a prefix, so the page styles them through this tag:
   * `::part(picker-input)` (the picker's `input`), `::part(dialog-base)` (the add dialog's and every
   * Update dialog's `base`), `::part(status-badge)` (each connection's `badge`).
   * ---
   *
   *
   * ### **Events:**
   *  - **pb-app-select** - From the inner picker (bubbles, composed).
   * - **pb-request-app** - From the inner picker: "Can't find your app?" (`query`, `category`); cancelable.
   * - **pb-connect-success** - From the inner connect dialog.
   * - **pb-connect-error** - From the inner connect dialog.
   * - **pb-connect-cancel** - From the inner connect dialog.
   * - **pb-connect-closed** - From the inner connect dialog.
   * - **pb-connection-test** - From a connection's status.
   * - **pb-connection-update** - From a connection's status.
   * - **pb-connection-remove** - From a connection's status.
   *
   * ### **CSS Properties:**
   *  - **--pb-app-connections-dialog-width** - Inline size of the picker dialog (default 40rem). _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **base** - The page section.
   * - **header** - The heading and the Add button.
   * - **heading** - The page heading.
   * - **button** - Buttons (Add a connection, Close, Retry).
   * - **add-button** - The "Add a connection" button.
   * - **body** - The list, or the loading, error or empty state.
   * - **group** - One app's connections.
   * - **group-heading** - An app's name and logo above its connections.
   * - **health-badge** - "Having problems" / "Unavailable" beside an app whose provider is in trouble.
   * - **logo** - An app's logo or monogram.
   * - **empty** - The "No connections yet" state.
   * - **picker-dialog** - The modal around the app picker.
   * - **error** - The error box.
   * - **revoke-notice** - After a Disconnect, the notice that the service did not confirm it withdrew the access (until the next Disconnect).
   * - **picker-base** - The inner <app-picker>'s `base`: The wrapper of everything.
   * - **picker-header** - The inner <app-picker>'s `header`: The search field and category filter.
   * - **picker-input** - The inner <app-picker>'s `input`: The search input (the combobox).
   * - **picker-category** - The inner <app-picker>'s `category`: The category select.
   * - **picker-body** - The inner <app-picker>'s `body`: The results area.
   * - **picker-listbox** - The inner <app-picker>'s `listbox`: The scrolling list of results.
   * - **picker-option** - The inner <app-picker>'s `option`: One app in the results.
   * - **picker-logo** - The inner <app-picker>'s `logo`: An app's logo or monogram.
   * - **picker-badge** - The inner <app-picker>'s `badge`: The "connected" count and other badges on an option.
   * - **picker-health-badge** - The inner <app-picker>'s `health-badge`: The "Having problems" / "Unavailable" badge of an app whose provider is in trouble.
   * - **picker-button** - The inner <app-picker>'s `button`: Action buttons (Retry, Ask for it).
   * - **picker-request** - The inner <app-picker>'s `request`: "Can't find your app?" with its "Ask for it" button.
   * - **picker-request-sent** - The inner <app-picker>'s `request-sent`: The thanks shown once an app was requested.
   * - **picker-error** - The inner <app-picker>'s `error`: The error box.
   * - **dialog-base** - The inner <connect-dialog>'s `base`: The native `<dialog>`.
   * - **dialog-header** - The inner <connect-dialog>'s `header`: The title bar with the app's logo and the close button.
   * - **dialog-logo** - The inner <connect-dialog>'s `logo`: The app's logo (or monogram) in the header.
   * - **dialog-title** - The inner <connect-dialog>'s `title`: The dialog's title.
   * - **dialog-close-button** - The inner <connect-dialog>'s `close-button`: The close (×) button.
   * - **dialog-body** - The inner <connect-dialog>'s `body`: The current step.
   * - **dialog-form** - The inner <connect-dialog>'s `form`: The credential form.
   * - **dialog-field** - The inner <connect-dialog>'s `field`: One form field (label, input, hints).
   * - **dialog-input** - The inner <connect-dialog>'s `input`: Inputs and selects.
   * - **dialog-button** - The inner <connect-dialog>'s `button`: Every button.
   * - **dialog-help-link** - The inner <connect-dialog>'s `help-link`: "Where to find your …" links.
   * - **dialog-field-error** - The inner <connect-dialog>'s `field-error`: A field's error message.
   * - **dialog-health-warning** - The inner <connect-dialog>'s `health-warning`: The "{app} is having problems" notice (degraded provider).
   * - **dialog-webhook-url** - The inner <connect-dialog>'s `webhook-url`: The read-only webhook URL in the setup step.
   * - **dialog-webhook-username** - The inner <connect-dialog>'s `webhook-username`: The HTTP basic auth user name to enter with the URL (Pipedrive).
   * - **dialog-webhook-password** - The inner <connect-dialog>'s `webhook-password`: The HTTP basic auth password to enter with the URL (Pipedrive).
   * - **dialog-copy** - The inner <connect-dialog>'s `copy`: The Copy button of the setup step.
   * - **dialog-event-indicator** - The inner <connect-dialog>'s `event-indicator`: "Waiting for the first event…" / "First event received".
   * - **dialog-confirm** - The inner <connect-dialog>'s `confirm`: The "Discard what you typed?" confirmation.
   * - **dialog-error** - The inner <connect-dialog>'s `error`: An error or a failed test: what happened, why, one action, the reference.
   * - **dialog-settings** - The inner <connect-dialog>'s `settings`: The setup choices view.
   * - **dialog-setting** - The inner <connect-dialog>'s `setting`: One setup step's field (also `field`).
   * - **dialog-combobox** - The inner <connect-dialog>'s `combobox`: A setup step's searchable option list input (also `input`).
   * - **dialog-popup** - The inner <connect-dialog>'s `popup`: The popup under a combobox: its list, its status, "Show more".
   * - **dialog-listbox** - The inner <connect-dialog>'s `listbox`: The options of a combobox.
   * - **dialog-option** - The inner <connect-dialog>'s `option`: One option.
   * - **dialog-chosen** - The inner <connect-dialog>'s `chosen`: A multi-select's chosen options.
   * - **dialog-check** - The inner <connect-dialog>'s `check`: The answer of a step's check (also `check-passed` / `check-failed` inside it).
   * - **dialog-check-action** - The inner <connect-dialog>'s `check-action`: What to do when a check failed.
   * - **dialog-webhook-check** - The inner <connect-dialog>'s `webhook-check`: "Check that a test event arrived" and its answer.
   * - **dialog-saved-notice** - The inner <connect-dialog>'s `saved-notice`: "Your settings are saved" (settings mode).
   * - **dialog-file** - The inner <connect-dialog>'s `file`: A file field's chooser and the name of the file read.
   * - **status-base** - The inner <connection-status>'s `base`: The card.
   * - **status-header** - The inner <connection-status>'s `header`: Logo, app name and account label.
   * - **status-logo** - The inner <connection-status>'s `logo`: The app's logo.
   * - **status-account** - The inner <connection-status>'s `account`: The account label.
   * - **status-badge** - The inner <connection-status>'s `badge`: The status badge.
   * - **status-health** - The inner <connection-status>'s `health`: "{app} is having problems / unavailable right now", with the provider's message.
   * - **status-last-tested** - The inner <connection-status>'s `last-tested`: The "Last tested …" line.
   * - **status-popover** - The inner <connection-status>'s `popover`: The error details popover.
   * - **status-test-result** - The inner <connection-status>'s `test-result`: The inline result of the last test.
   * - **status-settings** - The inner <connection-status>'s `settings`: The saved setup choices.
   * - **status-rename** - The inner <connection-status>'s `rename`: The rename form.
   * - **status-error** - The inner <connection-status>'s `error`: A failed test or request: what happened, why, one action, the reference.
   * - **status-footer** - The inner <connection-status>'s `footer`: The buttons.
   * - **status-button** - The inner <connection-status>'s `button`: Every button (also `test`, `update`, `settings`, `rename`, `disconnect`, `details-toggle`).
   * - **status-confirm** - The inner <connection-status>'s `confirm`: The Disconnect confirmation.
   * - **status-revoke-notice** - The inner <connection-status>'s `revoke-notice`: After Disconnect, the notice that the service did not confirm it withdrew the access.
   */
  'app-connections': Partial<AppConnectionsProps & BaseProps & BaseEvents>;

  /**
   * Search the app catalog and choose an app: an APG combobox whose listbox sits in the same
   * shadow root (so `aria-activedescendant` works), with categories, recently used and popular apps
   * on an empty search, connection-count badges, and a virtualised list that keeps 10,000 apps fast.
   * Works without a backend when given `apps`.
   * ---
   *
   *
   * ### **Events:**
   *  - **pb-app-select** - `AppSelectEvent`: the user chose `event.app`.
   * - **pb-request-app** - `RequestAppEvent`: "Can't find your app?" with `event.query` and `event.category` (offered when a search finds fewer than 3 apps). Cancelable: `preventDefault()` replaces the picker's own "Thanks" with the host's follow-up.
   *
   * ### **CSS Properties:**
   *  - **--pb-app-picker-max-height** - Height of the results viewport (default 24rem). _(default: undefined)_
   * - **--pb-app-picker-row-height** - Height of a row in the list layout (default 3.5rem). _(default: undefined)_
   * - **--pb-app-picker-cell-width** - Minimum width of a grid cell (default 9rem). _(default: undefined)_
   * - **--pb-app-picker-cell-height** - Height of a grid cell (default 7.5rem). _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **base** - The wrapper of everything.
   * - **header** - The search field and category filter.
   * - **input** - The search input (the combobox).
   * - **category** - The category select.
   * - **body** - The results area.
   * - **listbox** - The scrolling list of results.
   * - **option** - One app in the results.
   * - **logo** - An app's logo or monogram.
   * - **badge** - The "connected" count and other badges on an option.
   * - **health-badge** - The "Having problems" / "Unavailable" badge of an app whose provider is in trouble.
   * - **button** - Action buttons (Retry, Ask for it).
   * - **request** - "Can't find your app?" with its "Ask for it" button.
   * - **request-sent** - The thanks shown once an app was requested.
   * - **error** - The error box.
   */
  'app-picker': Partial<AppPickerProps & BaseProps & BaseEvents>;

  /**
   * A modal dialog that walks the user through connecting one app: provider health, the choice of
   * method, OAuth in a popup or a credential form, setup steps (choices from the service's live
   * lists, checked; copying a webhook URL), an automatic test, and success. With `connection-id` it
   * re-authorizes that connection and keeps its id (update mode); with `intent="settings"` as well,
   * it only changes the connection's setup choices, without signing in again. The flow itself is
   * core's `ConnectFlow`: this element draws its state and forwards the user's actions to it.
   * ---
   *
   *
   * ### **Events:**
   *  - **pb-connect-success** - The connection was saved and its test passed: `connection`, `app`, `mode`.
   * - **pb-connect-error** - A step failed in a way the user saw: `code`, `app`, `requestId`.
   * - **pb-connect-cancel** - Closed before finishing (by the user, from code, or removed from the page): `reason`, `lastStep`.
   * - **pb-connect-closed** - The dialog closed (after `pb-connect-cancel` when unfinished): `reason`, `lastStep`, `completed`.
   * - **pb-connect-settings-saved** - The setup choices were saved: `connection` (with its `settings`), `app`.
   *
   * ### **Methods:**
   *  - **show(): _void_** - Opens the dialog as a modal and starts at the first step.
   * - **close(reason: _ConnectCancelReason_): _void_** - Closes the dialog at once (no confirmation). Before success, dispatches `pb-connect-cancel`.
   *
   * ### **CSS Properties:**
   *  - **--pb-connect-dialog-width** - Inline size of the dialog (default: 32rem). _(default: undefined)_
   * - **--pb-connect-dialog-backdrop** - Backdrop colour behind the dialog. _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **base** - The native `<dialog>`.
   * - **header** - The title bar with the app's logo and the close button.
   * - **logo** - The app's logo (or monogram) in the header.
   * - **title** - The dialog's title.
   * - **close-button** - The close (×) button.
   * - **body** - The current step.
   * - **form** - The credential form.
   * - **field** - One form field (label, input, hints).
   * - **input** - Inputs and selects.
   * - **button** - Every button.
   * - **help-link** - "Where to find your …" links.
   * - **field-error** - A field's error message.
   * - **health-warning** - The "{app} is having problems" notice (degraded provider).
   * - **webhook-url** - The read-only webhook URL in the setup step.
   * - **webhook-username** - The HTTP basic auth user name to enter with the URL (Pipedrive).
   * - **webhook-password** - The HTTP basic auth password to enter with the URL (Pipedrive).
   * - **copy** - The Copy button of the setup step.
   * - **event-indicator** - "Waiting for the first event…" / "First event received".
   * - **confirm** - The "Discard what you typed?" confirmation.
   * - **error** - An error or a failed test: what happened, why, one action, the reference.
   * - **settings** - The setup choices view.
   * - **setting** - One setup step's field (also `field`).
   * - **combobox** - A setup step's searchable option list input (also `input`).
   * - **popup** - The popup under a combobox: its list, its status, "Show more".
   * - **listbox** - The options of a combobox.
   * - **option** - One option.
   * - **chosen** - A multi-select's chosen options.
   * - **check** - The answer of a step's check (also `check-passed` / `check-failed` inside it).
   * - **check-action** - What to do when a check failed.
   * - **webhook-check** - "Check that a test event arrived" and its answer.
   * - **saved-notice** - "Your settings are saved" (settings mode).
   * - **file** - A file field's chooser and the name of the file read.
   */
  'connect-dialog': Partial<ConnectDialogProps & BaseProps & BaseEvents>;

  /**
   * One connection at a glance: the app, the account (which the user can rename), a status badge,
   * the provider's health when it is in trouble, when it was last tested, the last error in a
   * popover, the saved setup choices, and the Test, Update and Settings buttons (Settings when the
   * app has setup choices; Disconnect with `allow-disconnect`). Settings opens the connect dialog on
   * the choices alone: no sign-in again. A failed Test says why and what to do, with the backend's
   * reference for support.
   *
   * The Update dialog's parts are exported with a `dialog-` prefix (`::part(dialog-base)`).
   * ---
   *
   *
   * ### **Events:**
   *  - **pb-connection-test** - A test finished: `result` (a TestResult; `result.ok`).
   * - **pb-connection-update** - The connection was re-authorized through Update: `connection`.
   * - **pb-connection-settings** - Its setup choices were saved from Settings: `connection`.
   * - **pb-connection-rename** - The user renamed it: `connection` (with its new `label`).
   * - **pb-connection-remove** - The user confirmed Disconnect and it was removed: `connectionId`, `revocation` (`failed`: the service did not confirm it withdrew the access).
   *
   * ### **CSS Properties:**
   *  - **--pb-connection-status-padding** - Padding inside the card. _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **base** - The card.
   * - **header** - Logo, app name and account label.
   * - **logo** - The app's logo.
   * - **account** - The account label.
   * - **badge** - The status badge.
   * - **health** - "{app} is having problems / unavailable right now", with the provider's message.
   * - **last-tested** - The "Last tested …" line.
   * - **popover** - The error details popover.
   * - **test-result** - The inline result of the last test.
   * - **settings** - The saved setup choices.
   * - **rename** - The rename form.
   * - **error** - A failed test or request: what happened, why, one action, the reference.
   * - **footer** - The buttons.
   * - **button** - Every button (also `test`, `update`, `settings`, `rename`, `disconnect`, `details-toggle`).
   * - **confirm** - The Disconnect confirmation.
   * - **revoke-notice** - After Disconnect, the notice that the service did not confirm it withdrew the access.
   * - **dialog-base** - The inner <connect-dialog>'s `base`: The native `<dialog>`.
   * - **dialog-header** - The inner <connect-dialog>'s `header`: The title bar with the app's logo and the close button.
   * - **dialog-logo** - The inner <connect-dialog>'s `logo`: The app's logo (or monogram) in the header.
   * - **dialog-title** - The inner <connect-dialog>'s `title`: The dialog's title.
   * - **dialog-close-button** - The inner <connect-dialog>'s `close-button`: The close (×) button.
   * - **dialog-body** - The inner <connect-dialog>'s `body`: The current step.
   * - **dialog-form** - The inner <connect-dialog>'s `form`: The credential form.
   * - **dialog-field** - The inner <connect-dialog>'s `field`: One form field (label, input, hints).
   * - **dialog-input** - The inner <connect-dialog>'s `input`: Inputs and selects.
   * - **dialog-button** - The inner <connect-dialog>'s `button`: Every button.
   * - **dialog-help-link** - The inner <connect-dialog>'s `help-link`: "Where to find your …" links.
   * - **dialog-field-error** - The inner <connect-dialog>'s `field-error`: A field's error message.
   * - **dialog-health-warning** - The inner <connect-dialog>'s `health-warning`: The "{app} is having problems" notice (degraded provider).
   * - **dialog-webhook-url** - The inner <connect-dialog>'s `webhook-url`: The read-only webhook URL in the setup step.
   * - **dialog-webhook-username** - The inner <connect-dialog>'s `webhook-username`: The HTTP basic auth user name to enter with the URL (Pipedrive).
   * - **dialog-webhook-password** - The inner <connect-dialog>'s `webhook-password`: The HTTP basic auth password to enter with the URL (Pipedrive).
   * - **dialog-copy** - The inner <connect-dialog>'s `copy`: The Copy button of the setup step.
   * - **dialog-event-indicator** - The inner <connect-dialog>'s `event-indicator`: "Waiting for the first event…" / "First event received".
   * - **dialog-confirm** - The inner <connect-dialog>'s `confirm`: The "Discard what you typed?" confirmation.
   * - **dialog-error** - The inner <connect-dialog>'s `error`: An error or a failed test: what happened, why, one action, the reference.
   * - **dialog-settings** - The inner <connect-dialog>'s `settings`: The setup choices view.
   * - **dialog-setting** - The inner <connect-dialog>'s `setting`: One setup step's field (also `field`).
   * - **dialog-combobox** - The inner <connect-dialog>'s `combobox`: A setup step's searchable option list input (also `input`).
   * - **dialog-popup** - The inner <connect-dialog>'s `popup`: The popup under a combobox: its list, its status, "Show more".
   * - **dialog-listbox** - The inner <connect-dialog>'s `listbox`: The options of a combobox.
   * - **dialog-option** - The inner <connect-dialog>'s `option`: One option.
   * - **dialog-chosen** - The inner <connect-dialog>'s `chosen`: A multi-select's chosen options.
   * - **dialog-check** - The inner <connect-dialog>'s `check`: The answer of a step's check (also `check-passed` / `check-failed` inside it).
   * - **dialog-check-action** - The inner <connect-dialog>'s `check-action`: What to do when a check failed.
   * - **dialog-webhook-check** - The inner <connect-dialog>'s `webhook-check`: "Check that a test event arrived" and its answer.
   * - **dialog-saved-notice** - The inner <connect-dialog>'s `saved-notice`: "Your settings are saved" (settings mode).
   * - **dialog-file** - The inner <connect-dialog>'s `file`: A file field's chooser and the name of the file read.
   */
  'connection-status': Partial<ConnectionStatusProps & BaseProps & BaseEvents>;
};
