// The connect flow's vocabulary: what it is given, what it shows, what it reports.
import type {
  App,
  AppSummary,
  AuthMethod,
  Connection,
  FieldValues,
  OAuthFlowErrorCode,
  ProblemCode,
} from '@plugboard/contract';
import type { PlugboardClient } from '../client.js';
import type { PlugboardError, PlugboardErrorCode } from '../errors.js';
import type { ConnectMode } from '../events.js';
import type { ConnectStep, ConnectView } from './connect-view.js';

/** What to connect: an app (a summary is loaded in full), its key, or a connection to update. */
export interface ConnectTarget {
  app?: App | AppSummary | undefined;
  appKey?: string | undefined;
  /** Update mode: re-authorize this connection (same id) instead of creating one. */
  connectionId?: string | undefined;
}

/**
 * How the flow was left without finishing: the user's Escape, close button or backdrop click, a
 * close from code (`user`), or the host removing the element from the page (`removed`).
 */
export type ConnectCancelReason = 'escape' | 'close-button' | 'backdrop' | 'user' | 'removed';

/**
 * A stable, switchable code: core's error code, the backend's problem code, an OAuth flow error
 * code, or `test_failed` when the connection was saved but its automatic test did not pass.
 */
export type ConnectErrorCode =
  PlugboardErrorCode | ProblemCode | OAuthFlowErrorCode | 'test_failed';

/** What a view of the flow reads. A new object on every change. */
export interface ConnectFlowState {
  /** Between `begin()` and the close. */
  readonly open: boolean;
  readonly view: ConnectView;
  /**
   * Counts entries into a view, re-entering the same one included (a first event arriving in the
   * setup view is not an entry). Where it changes, the user is on a new step: move focus there.
   */
  readonly viewEntry: number;
  /** The app as far as it is known: the full app once loaded, else the one `begin()` was given. */
  readonly app: App | AppSummary | undefined;
  /** The full app (methods, setup steps), once loaded. */
  readonly fullApp: App | undefined;
  readonly method: AuthMethod | undefined;
  /** The connection this run re-authorizes ('' creates one): the target's, or a duplicate's. */
  readonly connectionId: string;
  readonly mode: ConnectMode;
  /** "Back" to the choice of method applies: the app has several and this is not an update. */
  readonly canChangeMethod: boolean;
  /** Credentials are on their way to the backend. */
  readonly sending: boolean;
  /** The last submit failed in a way not tied to one field (network, 5xx…): shown on the form. */
  readonly formError: PlugboardError | undefined;
  /** A close was asked for while input was unsaved: the flow waits for discard or keep editing. */
  readonly confirmingDiscard: boolean;
  /** Saved and tested: closing now is not a cancel. */
  readonly completed: boolean;
}

/** Moments the host reports in its own way (the element dispatches a DOM event for each). */
export type ConnectFlowNotice =
  | { type: 'success'; connection: Connection; app: App | AppSummary; mode: ConnectMode }
  | {
      type: 'error';
      code: ConnectErrorCode;
      app: App | AppSummary | undefined;
      error: PlugboardError;
    }
  /** Closed before success; `closed` follows. */
  | { type: 'cancel'; reason: ConnectCancelReason; lastStep: ConnectStep }
  | { type: 'closed'; reason: ConnectCancelReason; lastStep: ConnectStep; completed: boolean };

/** The credential form as the flow sees it: its host owns the values and the client-side checks. */
export interface CredentialsForm {
  /** Starts over for `method` (its defaults); undefined forgets everything, secrets included. */
  reset(method: AuthMethod | undefined): void;
  /** The user typed something not saved yet: closing asks first. */
  readonly hasUnsavedInput: boolean;
  /** The values to send once they pass the form's checks; undefined when not (the form says why). */
  submit(): FieldValues | undefined;
  /** The backend refused these fields: field name → its message. */
  showFieldErrors(errors: ReadonlyMap<string, string>): void;
}

/** The parts of a client the flow uses (a test passes a scripted one). */
export type ConnectFlowClient = Pick<PlugboardClient, 'events' | 'getApp' | 'startOAuth'> & {
  readonly connections: Pick<
    PlugboardClient['connections'],
    'find' | 'get' | 'create' | 'update' | 'test'
  >;
};

export interface ConnectFlowOptions {
  /** The client to use now; undefined while unconfigured (the flow then waits in its view). */
  client(): ConnectFlowClient | undefined;
  form: CredentialsForm;
  /** Called after every change, with the state before it. */
  onChange(state: ConnectFlowState, previous: ConnectFlowState): void;
  onNotice(notice: ConnectFlowNotice): void;
}
