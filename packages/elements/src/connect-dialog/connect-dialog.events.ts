import type {
  App,
  AppSummary,
  Connection,
  OAuthFlowErrorCode,
  ProblemCode,
} from '@plugboard/contract';
import type { PlugboardErrorCode } from '@plugboard/core';
import { PlugboardEvent } from '../shared/events.js';
import type { ConnectStep } from './connect-steps.js';

/** Whether the dialog created a connection or re-authorized an existing one (same id). */
export type ConnectMode = 'create' | 'update';

/** How the user left the dialog without finishing. */
export type ConnectCancelReason = 'escape' | 'close-button' | 'backdrop' | 'user';

/**
 * A stable, switchable code: core's error code, the backend's problem code, an OAuth flow error
 * code, or `test_failed` when the connection was saved but its automatic test did not pass.
 */
export type ConnectErrorCode =
  PlugboardErrorCode | ProblemCode | OAuthFlowErrorCode | 'test_failed';

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

/** The user closed the dialog before finishing. */
export class ConnectCancelEvent extends PlugboardEvent {
  static readonly eventName = 'pb-connect-cancel';
  constructor(
    readonly reason: ConnectCancelReason,
    readonly lastStep: ConnectStep,
  ) {
    super(ConnectCancelEvent.eventName);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pb-connect-success': ConnectSuccessEvent;
    'pb-connect-error': ConnectErrorEvent;
    'pb-connect-cancel': ConnectCancelEvent;
  }
}
