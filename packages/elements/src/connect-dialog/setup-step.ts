import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Connection } from '@plugboard/contract';
import type { PlugboardClient } from '@plugboard/core';
import type { Translate } from '../shared/client-controller.js';
import { copyFromInput } from './copy-text.js';
import { copyShortcut, type CopyState } from './views/setup-view.js';

/**
 * The setup view's behaviour: copying the webhook URL (with a manual fallback) and watching for
 * the first event while the view is open. The live channel brings it (`connection.event_received`
 * updates the store); where the channel cannot open, core polls the list instead.
 */
export class SetupStep implements ReactiveController {
  copyState: CopyState = 'idle';
  private stopWatching: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: {
      client: () => PlugboardClient | undefined;
      onEvent: (connection: Connection) => void;
      announce: (text: string) => void;
      onCopied: () => void;
    },
  ) {
    host.addController(this);
  }

  /** Starts watching `connection` for its first webhook event (nothing to do once it arrived). */
  watch(connection: Connection): void {
    this.stop();
    this.copyState = 'idle';
    const client = this.options.client();
    if (connection.setup?.lastEventAt || !client) return;
    const check = () => {
      const stored = client.connections.find(connection.id);
      if (!stored?.setup?.lastEventAt) return;
      this.stop();
      this.options.onEvent(stored);
    };
    const unsubscribe = client.connections.subscribe(check);
    const release = client.live.hold();
    this.stopWatching = () => {
      unsubscribe();
      release();
    };
    // It may have arrived between the create and now.
    check();
  }

  stop(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
  }

  async copy(input: HTMLInputElement, t: Translate): Promise<void> {
    const copied = await copyFromInput(input);
    this.copyState = copied ? 'copied' : 'manual';
    this.host.requestUpdate();
    this.options.announce(
      copied ? t('dialog.copied') : t('dialog.copyManually', { shortcut: copyShortcut() }),
    );
    if (copied) this.options.onCopied();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
  }
}
