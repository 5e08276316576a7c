// Change notices between the server's parts and, on PostgreSQL, between instances: a flow finished,
// a health override changed, a connection event was recorded. On SQLite (one process) they stay in
// memory; on PostgreSQL they travel by LISTEN/NOTIFY over one dedicated connection, which reconnects
// by itself. A notice can be lost while that connection is down, so waiters also re-read the
// database every `pollFallbackMs`.
import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import type pg from 'pg';
import type { Db, Queryable } from './schema.js';

export type Channel = 'oauth_flow' | 'app_health' | 'connection_event';

export interface Notifications {
  /** How often a waiter should re-read the database in case a notice was lost. */
  readonly pollFallbackMs: number;
  /**
   * Sends `payload` to every subscriber of `channel`. Given an open transaction, PostgreSQL delivers
   * it when the transaction commits (and never if it rolls back); SQLite delivers it at once, and
   * a subscriber's query waits for the transaction anyway (one connection, one writer).
   */
  publish(channel: Channel, payload: string, db?: Queryable): Promise<void>;
  subscribe(channel: Channel, listener: (payload: string) => void): () => void;
  close(): Promise<void>;
}

function emitterWithoutLimit(): EventEmitter {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return emitter;
}

export class LocalNotifications implements Notifications {
  readonly pollFallbackMs = Number.POSITIVE_INFINITY;
  private readonly emitter = emitterWithoutLimit();

  async publish(channel: Channel, payload: string): Promise<void> {
    this.emitter.emit(channel, payload);
  }

  subscribe(channel: Channel, listener: (payload: string) => void): () => void {
    this.emitter.on(channel, listener);
    return () => this.emitter.off(channel, listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

const RECONNECT_DELAY_MS = 1000;

export class PostgresNotifications implements Notifications {
  readonly pollFallbackMs = 1000;
  private readonly emitter = emitterWithoutLimit();
  private readonly channels = new Set<Channel>();
  private client: pg.Client | null = null;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly newClient: () => pg.Client,
  ) {}

  /** Opens the listening connection; later failures reconnect in the background. */
  async start(): Promise<void> {
    const client = this.newClient();
    client.on('notification', (notice) => {
      this.emitter.emit(notice.channel, notice.payload ?? '');
    });
    const lost = () => this.reconnectSoon(client);
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    for (const channel of this.channels) await client.query(`LISTEN ${channel}`);
    this.client = client;
  }

  async publish(channel: Channel, payload: string, db: Queryable = this.db): Promise<void> {
    await sql`SELECT pg_notify(${channel}, ${payload})`.execute(db);
  }

  subscribe(channel: Channel, listener: (payload: string) => void): () => void {
    this.emitter.on(channel, listener);
    if (!this.channels.has(channel)) {
      this.channels.add(channel);
      // Channel names are the constants above, safe as identifiers.
      this.client?.query(`LISTEN ${channel}`).catch(() => this.reconnectSoon(this.client));
    }
    return () => this.emitter.off(channel, listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    this.emitter.removeAllListeners();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private reconnectSoon(failed: pg.Client | null): void {
    if (this.closed || failed !== this.client || this.reconnectTimer) return;
    this.client = null;
    failed?.removeAllListeners();
    void failed?.end().catch(() => undefined);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (!this.closed) this.start().catch(() => this.reconnectSoon(null));
    }, RECONNECT_DELAY_MS).unref();
  }
}
