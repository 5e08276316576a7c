// Queues a host webhook for each connection event the host is told about, in the transaction that
// records the event (a sink of the event log), so a change and its webhook commit together and
// survive a restart.
import { randomId } from '../crypto/random.js';
import type { Queryable } from '../db/schema.js';
import type { ConnectionEvent } from '../events/index.js';
import { hostWebhookBody, isHostWebhookType } from './host-webhook-payload.js';
import type { HostWebhookRepository } from './host-webhook-repository.js';

/** A ready reconnect link for a connection that needs re-authorization (connect-links/). */
export type ReconnectLinkMaker = (db: Queryable, event: ConnectionEvent) => Promise<string>;

export class HostWebhookOutbox {
  constructor(
    private readonly repository: HostWebhookRepository,
    private readonly now: () => number,
    private readonly reconnectLink?: ReconnectLinkMaker,
  ) {}

  /** The event log's sink: call with the events just recorded, in their transaction. */
  readonly enqueue = async (db: Queryable, events: readonly ConnectionEvent[]): Promise<void> => {
    const deliveries = [];
    for (const event of events.filter((candidate) => isHostWebhookType(candidate.type))) {
      const reconnectUrl =
        event.type === 'connection.needs_reauth' && this.reconnectLink
          ? await this.reconnectLink(db, event)
          : undefined;
      deliveries.push({
        id: randomId('msg_'),
        eventId: event.id,
        type: event.type,
        payload: hostWebhookBody(event, reconnectUrl),
        createdAt: this.now(),
      });
    }
    await this.repository.insert(db, deliveries);
  };
}
