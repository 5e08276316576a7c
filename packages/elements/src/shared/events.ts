/**
 * Base of every DOM event the elements dispatch: it bubbles and crosses shadow roots, so a host
 * listens on any ancestor. Each component declares its subclasses (typed readonly fields and a
 * `static readonly eventName`) in its `<tag>.events.ts` and augments `GlobalEventHandlersEventMap`.
 */
export abstract class PlugboardEvent extends Event {
  constructor(type: string, init: Omit<EventInit, 'bubbles' | 'composed'> = {}) {
    super(type, { ...init, bubbles: true, composed: true });
  }
}
