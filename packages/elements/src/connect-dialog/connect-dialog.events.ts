import type { App, AppSummary, Connection } from '@plugboard/contract';
import type {
  ConnectCancelReason,
  ConnectErrorCode,
  ConnectMode,
  ConnectStep,
} from '@plugboard/core';
import { PlugboardEvent } from '../shared/events.js';

/** The connection was created (or re-authorized) and its test passed. */
export class ConnectSuccessEvent extends PlugboardEvent {
  static readonly eventName = 'pb-connect-success';
  constructor(
    readonly connection: Connection,
    readonly app: App | AppSummary,
    readonly mode: ConnectMode,
  ) {
    super(ConnectSuccessEvent.eventName);
  }
}

/** A step failed in a way the user saw; the dialog stays open and offers the next action. */
export class ConnectErrorEvent extends PlugboardEvent {
  static readonly eventName = 'pb-connect-error';
  constructor(
    readonly code: ConnectErrorCode,
    readonly app: App | AppSummary | undefined,
    readonly requestId?: string,
  ) {
    super(ConnectErrorEvent.eventName);
  }
}

/**
 * The dialog closed before finishing: the user closed it, code called `close()`, or the element
 * was removed from the page mid-flow (`removed`; dispatched on the element, which has left the
 * document, so listen on it or on an ancestor that left with it).
 */
export class ConnectCancelEvent extends PlugboardEvent {
  static readonly eventName = 'pb-connect-cancel';
  constructor(
    readonly reason: ConnectCancelReason,
    readonly lastStep: ConnectStep,
  ) {
    super(ConnectCancelEvent.eventName);
  }
}

/**
 * The dialog closed, after success or not (a cancel comes first then): focus has gone back where
 * it was when the dialog opened.
 */
export class ConnectClosedEvent extends PlugboardEvent {
  static readonly eventName = 'pb-connect-closed';
  constructor(
    /** How it was closed. */
    readonly reason: ConnectCancelReason,
    readonly lastStep: ConnectStep,
    /** The connection was saved and tested before the close. */
    readonly completed: boolean,
  ) {
    super(ConnectClosedEvent.eventName);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pb-connect-success': ConnectSuccessEvent;
    'pb-connect-error': ConnectErrorEvent;
    'pb-connect-cancel': ConnectCancelEvent;
    'pb-connect-closed': ConnectClosedEvent;
  }
}
