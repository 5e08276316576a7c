import type { AppSummary } from '@plugboard/contract';
import { PlugboardEvent } from '../shared/events.js';

/** The user chose an app (click, or Enter on the active option). */
export class AppSelectEvent extends PlugboardEvent {
  static readonly eventName = 'pb-app-select';
  constructor(
    readonly app: AppSummary,
    /** What the user had typed when choosing, for analytics. */
    readonly query: string,
  ) {
    super(AppSelectEvent.eventName);
  }
}

/**
 * The user asked for an app they could not find ("Can't find your app?"): the host decides what a
 * request does (tell its team, open a form). The picker then thanks the user, unless the host
 * calls `preventDefault()` to follow up in its own way.
 */
export class RequestAppEvent extends PlugboardEvent {
  static readonly eventName = 'pb-request-app';
  constructor(
    /** The search that found nothing, or too little ('' when the user had not typed). */
    readonly query: string,
    /** The category filter in force, if any. */
    readonly category: string | undefined,
  ) {
    super(RequestAppEvent.eventName, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pb-app-select': AppSelectEvent;
    'pb-request-app': RequestAppEvent;
  }
}
