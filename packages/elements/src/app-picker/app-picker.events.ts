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

/** The user asked for an app the catalog does not have ("Can't find your app?"). */
export class RequestAppEvent extends PlugboardEvent {
  static readonly eventName = 'pb-request-app';
  constructor(
    /** The search that found nothing. */
    readonly query: string,
    /** The category filter in force, if any. */
    readonly category: string | undefined,
  ) {
    super(RequestAppEvent.eventName);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pb-app-select': AppSelectEvent;
    'pb-request-app': RequestAppEvent;
  }
}
