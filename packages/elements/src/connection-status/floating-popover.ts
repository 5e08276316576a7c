import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { supportsPopover } from './popover-support.js';
import { watchPosition } from './popover-position.js';

/**
 * A disclosure popover anchored to its toggle button. It lives in the top layer where the Popover
 * API exists, and is positioned in fixed coordinates either way (popover-position.ts), so a host's
 * `overflow: hidden` cannot clip it. Escape closes it and returns focus to the toggle; a click
 * outside closes it. Listeners and the position watcher end on close and on disconnect.
 */
export class FloatingPopover implements ReactiveController {
  open = false;
  private stopAutoUpdate: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly parts: {
      anchor: () => HTMLElement | null;
      floating: () => HTMLElement | null;
    },
  ) {
    host.addController(this);
  }

  toggle(): void {
    if (this.open) this.hide(false);
    else void this.show();
  }

  async show(): Promise<void> {
    if (this.open) return;
    this.open = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const anchor = this.parts.anchor();
    const floating = this.parts.floating();
    if (!anchor || !floating || !this.open || this.stopAutoUpdate) return;
    if (supportsPopover) floating.showPopover();
    else floating.hidden = false;
    this.stopAutoUpdate = watchPosition(anchor, floating);
    document.addEventListener('pointerdown', this.onOutsidePointer, true);
    floating.addEventListener('keydown', this.onKeydown);
    anchor.addEventListener('keydown', this.onKeydown);
  }

  hide(returnFocus: boolean): void {
    if (!this.open) return;
    this.open = false;
    this.cleanup();
    const floating = this.parts.floating();
    if (floating) {
      if (supportsPopover && floating.matches(':popover-open')) floating.hidePopover();
      else if (!supportsPopover) floating.hidden = true;
    }
    if (returnFocus) this.parts.anchor()?.focus();
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.open = false;
    this.cleanup();
  }

  private cleanup(): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
    document.removeEventListener('pointerdown', this.onOutsidePointer, true);
    this.parts.floating()?.removeEventListener('keydown', this.onKeydown);
    this.parts.anchor()?.removeEventListener('keydown', this.onKeydown);
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.hide(true);
  };

  private readonly onOutsidePointer = (event: PointerEvent): void => {
    const path = event.composedPath();
    const anchor = this.parts.anchor();
    const floating = this.parts.floating();
    if ((anchor && path.includes(anchor)) || (floating && path.includes(floating))) return;
    this.hide(false);
  };
}
