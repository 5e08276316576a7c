import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Connection } from '@plugboard/contract';
import type { PlugboardClient } from '@plugboard/core';
import type { Translate } from '../shared/client-controller.js';
import { copyFromInput } from './copy-text.js';
import { WebhookEventPoller } from './webhook-event-poller.js';
import { copyShortcut, type CopyState } from './views/setup-view.js';

/**
 * The setup view's behaviour: copying the webhook URL (with a manual fallback) and watching for
 * the first event while the view is open.
 */
export class SetupStep implements ReactiveController {
  copyState: CopyState = 'idle';
  private readonly poller: WebhookEventPoller;

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
    this.poller = new WebhookEventPoller(host);
  }

  /** Starts watching `connection` for its first webhook event (nothing to do once it arrived). */
  watch(connection: Connection): void {
    this.copyState = 'idle';
    if (connection.setup?.lastEventAt) return;
    this.poller.start((signal) => {
      const client = this.options.client();
      return client
        ? client.connections.get(connection.id, { signal })
        : Promise.reject(new Error('No client.'));
    }, this.options.onEvent);
  }

  stop(): void {
    this.poller.stop();
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

  hostDisconnected(): void {
    this.stop();
  }
}
