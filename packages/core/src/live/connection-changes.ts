// How news about connections reaches the store: a live event applied as it arrives, or, while the
// channel cannot open, the changes read off two successive lists (the same change names).
import type { Connection, LiveEvent } from '@plugboard/contract';
import type { ConnectionStore } from '../connections/connection-store.js';
import type { ConnectionChange } from '../events.js';

export interface ObservedChange {
  readonly change: ConnectionChange;
  /** After the change; for `deleted`, as it was. */
  readonly connection: Connection;
}

/**
 * Applies one live event. False when it tells the store nothing new: an echo of this page's own
 * call, an older copy than the store's, or a connection gone by the time the event was sent
 * (its `connection.deleted` follows).
 */
export function applyLiveEvent(store: ConnectionStore, event: LiveEvent): boolean {
  const stored = store.find(event.connectionId);
  if (event.type === 'connection.deleted') {
    if (!stored) return false;
    store.drop(event.connectionId);
    return true;
  }
  const incoming = event.connection;
  if (!incoming) return false;
  if (stored && (stored.updatedAt > incoming.updatedAt || sameConnection(stored, incoming))) {
    return false;
  }
  store.upsert(incoming);
  return true;
}

/** The changes between the list polling saw before and the one it sees now. */
export function changesBetween(
  before: readonly Connection[],
  after: readonly Connection[],
): ObservedChange[] {
  const earlier = new Map(before.map((connection) => [connection.id, connection]));
  const changes: ObservedChange[] = [];
  for (const connection of after) {
    const previous = earlier.get(connection.id);
    earlier.delete(connection.id);
    const change = previous ? changeOf(previous, connection) : 'created';
    if (change) changes.push({ change, connection });
  }
  for (const connection of earlier.values()) changes.push({ change: 'deleted', connection });
  return changes;
}

/** The one change worth telling (a status move first), or undefined for none. */
function changeOf(before: Connection, after: Connection): ConnectionChange | undefined {
  if (before.status !== after.status) {
    if (after.status === 'needs_reauth') return 'needs_reauth';
    return after.status === 'connected' ? 'recovered' : 'test_failed';
  }
  if (after.status !== 'connected' && after.lastTestedAt !== before.lastTestedAt) {
    return 'test_failed';
  }
  if (after.setup?.lastEventAt !== before.setup?.lastEventAt) return 'event_received';
  const edited =
    after.label !== before.label ||
    after.method !== before.method ||
    after.credentialHint !== before.credentialHint ||
    after.grantedScopes.join(' ') !== before.grantedScopes.join(' ');
  return edited ? 'updated' : undefined;
}

/** Both come through the same validator, so their keys are in the same order. */
function sameConnection(a: Connection, b: Connection): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
