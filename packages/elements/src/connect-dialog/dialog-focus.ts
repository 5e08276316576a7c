import type { ReactiveElement } from 'lit';
import type { LiveAnnouncer } from '../shared/live-region.js';

/**
 * Focus for a modal that changes its content: remembers where focus was when it opened and
 * returns it there on close, and after every view change moves focus into the new view (the first
 * invalid field, the first input, the view's main action, or its title) and announces the view.
 */
export class DialogFocus {
  private returnTo: HTMLElement | undefined;
  private pending = false;

  constructor(
    private readonly host: ReactiveElement,
    private readonly announcer: LiveAnnouncer,
  ) {}

  /** Shows the dialog as a modal (top layer: works from inside a host's own modal too). */
  opened(dialog: HTMLDialogElement): void {
    if (!dialog.open) {
      this.returnTo = deepActiveElement();
      dialog.showModal();
    }
    this.pending = true;
  }

  /** The dialog was moved in the page, which took it out of the top layer: a modal again. */
  remodal(dialog: HTMLDialogElement): void {
    if (!dialog.open || dialog.matches(':modal')) return;
    // Its `close` event comes a task later, when the dialog is shown again: the host ignores it.
    dialog.close();
    dialog.showModal();
    this.pending = true;
  }

  closed(dialog: HTMLDialogElement | null): void {
    if (dialog?.open) dialog.close();
    const target = this.returnTo;
    this.returnTo = undefined;
    if (target?.isConnected) target.focus();
  }

  /** Call when the view changed; focus moves once the new view has rendered. */
  moveIntoView(): void {
    this.pending = true;
    this.host.requestUpdate();
  }

  /** Call from `updated()`. */
  settle(): void {
    if (!this.pending) return;
    this.pending = false;
    const root = this.host.renderRoot;
    const confirm = root.querySelector<HTMLElement>('.confirm');
    const target = confirm
      ? confirm.querySelector<HTMLElement>('[data-autofocus]')
      : (root.querySelector<HTMLElement>('.step [aria-invalid="true"]') ??
        root.querySelector<HTMLElement>('.step input:not([readonly]), .step select') ??
        root.querySelector<HTMLElement>('.step [data-autofocus]') ??
        root.querySelector<HTMLElement>('.step .error__action') ??
        root.querySelector<HTMLElement>('.step #view-title'));
    target?.focus();
    const heading = confirm
      ? confirm.querySelector('.view__title')
      : root.querySelector('.step #view-title, .step .error__title');
    const text = heading?.textContent?.trim();
    // After this update, not inside it: announcing re-renders the live region.
    if (text) queueMicrotask(() => this.announcer.announce(text));
  }
}

/** The focused element, looking through open shadow roots, so focus returns where it really was. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}
