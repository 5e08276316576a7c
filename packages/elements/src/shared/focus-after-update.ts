import type { ReactiveElement } from 'lit';

/**
 * Focuses what `selector` finds in the host's shadow root once the pending render is done: the
 * element to focus (a confirmation's button, an invalid field, a new row) often appears only then.
 */
export async function focusAfterUpdate(host: ReactiveElement, selector: string): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}
