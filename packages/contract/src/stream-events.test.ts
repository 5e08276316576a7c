import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { streamEventViolations } from './validate-response.js';

const event = {
  id: '42',
  type: 'connection.deleted',
  app: 'slack',
  connectionId: 'con_aaaaaaaa',
  at: '2026-12-07T10:00:00.000Z',
};

describe('streamEventViolations (GET /v1/events)', () => {
  it('accepts each declared event', () => {
    assert.deepEqual(streamEventViolations('streamEvents', 'ready', { heartbeatSeconds: 15 }), []);
    assert.deepEqual(streamEventViolations('streamEvents', 'reset', { reason: 'too_many' }), []);
    assert.deepEqual(streamEventViolations('streamEvents', 'connection.deleted', event), []);
  });

  it('refuses an undeclared event, a wrong shape and a type that is not the event name', () => {
    assert.match(streamEventViolations('streamEvents', 'ping', {})[0] ?? '', /not declared/);
    assert.match(
      streamEventViolations('streamEvents', 'connection.deleted', { ...event, id: 'x' }).join(),
      /\/id/,
    );
    assert.match(
      streamEventViolations('streamEvents', 'connection.updated', event).join(),
      /data.type is "connection.deleted"/,
    );
    assert.notDeepEqual(
      streamEventViolations('streamEvents', 'ready', { heartbeatSeconds: 0 }),
      [],
    );
  });
});
