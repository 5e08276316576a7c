// The open live streams of this instance, by user: one subscription to the event log's wake-ups
// (which cross instances through LISTEN/NOTIFY on PostgreSQL) reaches the streams of the user
// whose events committed. Also caps the streams one session holds here, and ends them all when
// the server stops.
import type { ConnectionEventLog } from '../events/index.js';
import { ApiError } from '../http/api-error.js';
import type { SessionRecord } from '../sessions/session-record.js';

export interface LiveStreamHandle {
  /** Events of the stream's user may have committed: read the log. */
  wake(): void;
  /** The server is stopping. */
  end(): void;
}

/** A widget holds one stream per page; a few tabs on one session stay well under this. */
const STREAMS_PER_SESSION = 8;

export class LiveHub {
  private readonly byUser = new Map<string, Set<LiveStreamHandle>>();
  private readonly perSession = new Map<string, number>();
  private readonly unsubscribe: () => void;

  constructor(log: ConnectionEventLog) {
    this.unsubscribe = log.subscribe((userId) => {
      for (const stream of this.byUser.get(userId) ?? []) stream.wake();
    });
  }

  /** Registers a stream; 429 when its session already holds the most allowed here. */
  open(session: SessionRecord, stream: LiveStreamHandle): () => void {
    const held = this.perSession.get(session.id) ?? 0;
    if (held >= STREAMS_PER_SESSION) {
      throw new ApiError(429, 'rate_limited', 'Too many live streams are open for this session.', {
        retryAfter: 30,
      });
    }
    this.perSession.set(session.id, held + 1);
    const streams = this.byUser.get(session.userId) ?? new Set();
    streams.add(stream);
    this.byUser.set(session.userId, streams);
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      streams.delete(stream);
      if (streams.size === 0) this.byUser.delete(session.userId);
      const left = (this.perSession.get(session.id) ?? 1) - 1;
      if (left > 0) this.perSession.set(session.id, left);
      else this.perSession.delete(session.id);
    };
  }

  /** Ends every open stream (their clients reconnect elsewhere) and stops listening. */
  close(): void {
    this.unsubscribe();
    for (const streams of [...this.byUser.values()]) {
      for (const stream of [...streams]) stream.end();
    }
  }
}
