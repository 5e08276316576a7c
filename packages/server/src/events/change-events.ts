// Which events one change of a connection gives: the connection-service states the change (the
// record before, after, and why it was written) and this decides what listeners are told.
import type { ConnectionRecord } from '../connections/connection-record.js';
import type {
  ConnectionEventDetail,
  ConnectionEventType,
  NewConnectionEvent,
} from './connection-event.js';

/**
 * `edit`: the user changed the label or the credentials (an update, a new OAuth sign-in);
 * `test`: the user pressed Test; `check`: the background scheduler checked it.
 */
export type ChangeCause = 'edit' | 'test' | 'check';

type Side = Pick<ConnectionRecord, 'id' | 'userId' | 'app' | 'status' | 'label' | 'lastError'>;

export function eventsForChange(
  before: Side | null,
  after: Side | null,
  cause: ChangeCause,
): NewConnectionEvent[] {
  const subject = after ?? before;
  if (!subject) return [];
  const event = (type: ConnectionEventType, detail: ConnectionEventDetail) => ({
    type,
    userId: subject.userId,
    app: subject.app,
    connectionId: subject.id,
    detail,
  });
  if (!after) return [event('connection.deleted', { label: before!.label })];
  const detail = detailOf(before, after);
  if (!before) return [event('connection.created', detail)];

  const types: ConnectionEventType[] = [];
  if (cause === 'edit') types.push('connection.updated');
  const changed = before.status !== after.status;
  if (after.status === 'needs_reauth' && changed) {
    types.push('connection.needs_reauth');
  } else if (after.status === 'connected' && changed) {
    types.push('connection.recovered');
  } else if (after.status !== 'connected' && (cause === 'test' || changed)) {
    // A Test the user pressed is news each time; a background check only when the status moved.
    types.push('connection.test_failed');
  }
  return types.map((type) => event(type, detail));
}

/** A webhook delivery reached the connection's URL. */
export function eventReceived(
  connection: Pick<Side, 'id' | 'userId' | 'app'>,
  receivedAt: number,
): NewConnectionEvent {
  return {
    type: 'connection.event_received',
    userId: connection.userId,
    app: connection.app,
    connectionId: connection.id,
    detail: { receivedAt: new Date(receivedAt).toISOString() },
  };
}

function detailOf(before: Side | null, after: Side): ConnectionEventDetail {
  return {
    status: after.status,
    ...(before && before.status !== after.status && { previousStatus: before.status }),
    label: after.label,
    ...(after.lastError && after.status !== 'connected' && { error: after.lastError }),
  };
}
