// The per-request values middleware hands to handlers (Hono context variables).
import type { Context } from 'hono';
import type { SessionRecord } from '../sessions/session-record.js';

export interface ServerEnv {
  Variables: {
    requestId: string;
    /** Set by the session middleware on widget routes. */
    session: SessionRecord | undefined;
  };
}

/** The session of a widget route (the session middleware guarantees it). */
export function currentSession(c: Context<ServerEnv>): SessionRecord {
  const session = c.get('session');
  if (!session) throw new Error('Session middleware did not run for this route.');
  return session;
}
