import type {
  AppConnections,
  AppSelectEvent,
  ConnectSuccessEvent,
  ConnectErrorEvent,
  ConnectCancelEvent,
  ConnectClosedEvent,
  ConnectionTestEvent,
  ConnectionUpdateEvent,
  ConnectionRemoveEvent,
  AppPicker,
  RequestAppEvent,
  ConnectDialog,
  ConnectionStatus,
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
  /** `RequestAppEvent`: "Can't find your app?" with `event.query`. */
  'onpb-request-app'?: (e: RequestAppEvent) => void;
};

export type ConnectDialogProps = {
  /** The key of the app to connect, when no `app` object is given. */
  'app-key'?: ConnectDialog['appKey'];
  /** Update mode: re-authorize this connection (same id) instead of creating one. */
  'connection-id'?: ConnectDialog['connectionId'];
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
  /** The user closed the dialog before finishing: `reason`, `lastStep`. */
  'onpb-connect-cancel'?: (e: ConnectCancelEvent) => void;
  /** The dialog closed (after `pb-connect-cancel` when unfinished): `reason`, `lastStep`, `completed`. */
  'onpb-connect-closed'?: (e: ConnectClosedEvent) => void;
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
  /** The user confirmed Disconnect and it was removed: `connectionId`, `revocation` (`failed`: the service did not confirm it withdrew the access). */
  'onpb-connection-remove'?: (e: ConnectionRemoveEvent) => void;
};

export type CustomElements = {
  /**
   * The whole "Apps" page in one tag: the end user's connections grouped by app, each with its
   * status, Test and Update; and "Add a connection", which opens the app picker in a modal and then
   * the connect dialog for the chosen app. The new connection appears at the top and takes focus.
   * Events of the inner elements (`pb-app-select`, `pb-connect-*`, `pb-connection-*`) bubble out.
   * ---
   *
   *
   * ### **Events:**
   *  - **pb-app-select** - From the inner picker (bubbles, composed).
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
   * - **logo** - An app's logo or monogram.
   * - **empty** - The "No connections yet" state.
   * - **picker-dialog** - The modal around the app picker.
   * - **error** - The error box.
   * - **revoke-notice** - After a Disconnect, the notice that the service did not confirm it withdrew the access (until the next Disconnect).
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
   * - **pb-request-app** - `RequestAppEvent`: "Can't find your app?" with `event.query`.
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
   * - **button** - Action buttons (Retry, Can't find your app?).
   * - **error** - The error box.
   */
  'app-picker': Partial<AppPickerProps & BaseProps & BaseEvents>;

  /**
   * A modal dialog that walks the user through connecting one app: provider health, the choice of
   * method, OAuth in a popup or a credential form, setup steps such as copying a webhook URL, an
   * automatic test, and success. With `connection-id` it re-authorizes that connection and keeps
   * its id (update mode). The flow itself is core's `ConnectFlow`: this element draws its state and
   * forwards the user's actions to it.
   * ---
   *
   *
   * ### **Events:**
   *  - **pb-connect-success** - The connection was saved and its test passed: `connection`, `app`, `mode`.
   * - **pb-connect-error** - A step failed in a way the user saw: `code`, `app`, `requestId`.
   * - **pb-connect-cancel** - The user closed the dialog before finishing: `reason`, `lastStep`.
   * - **pb-connect-closed** - The dialog closed (after `pb-connect-cancel` when unfinished): `reason`, `lastStep`, `completed`.
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
   */
  'connect-dialog': Partial<ConnectDialogProps & BaseProps & BaseEvents>;

  /**
   * One connection at a glance: the app, the account, a status badge, when it was last tested, the
   * last error in a popover, and the Test and Update buttons (Disconnect with `allow-disconnect`).
   * ---
   *
   *
   * ### **Events:**
   *  - **pb-connection-test** - A test finished: `result` (a TestResult; `result.ok`).
   * - **pb-connection-update** - The connection was re-authorized through Update: `connection`.
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
   * - **last-tested** - The "Last tested …" line.
   * - **popover** - The error details popover.
   * - **test-result** - The inline result of the last test.
   * - **footer** - The buttons.
   * - **button** - Every button (also `test`, `update`, `disconnect`, `details-toggle`).
   * - **confirm** - The Disconnect confirmation.
   * - **revoke-notice** - After Disconnect, the notice that the service did not confirm it withdrew the access.
   */
  'connection-status': Partial<ConnectionStatusProps & BaseProps & BaseEvents>;
};
