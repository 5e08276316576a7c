import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEventStream, getPageSessionId, type PlugboardEvent } from './events.js';

describe('event stream', () => {
  it('numbers events in order and stamps session id and time', () => {
    const events = createEventStream({ sessionId: 'sess', now: () => 42 });
    const seen: PlugboardEvent[] = [];
    events.subscribe((event) => seen.push(event));
    events.emit('open', { mode: 'create' });
    events.emit('search', { query: 'sla', resultCount: 3 });
    assert.deepEqual(
      seen.map(({ name, seq, sessionId, timestamp }) => ({ name, seq, sessionId, timestamp })),
      [
        { name: 'open', seq: 1, sessionId: 'sess', timestamp: 42 },
        { name: 'search', seq: 2, sessionId: 'sess', timestamp: 42 },
      ],
    );
    assert.deepEqual(seen[1]?.detail, { query: 'sla', resultCount: 3 });
  });

  it('delivers events emitted by a listener after the current one, to every listener in order', () => {
    const events = createEventStream({ sessionId: 'sess' });
    const first: number[] = [];
    const second: number[] = [];
    events.subscribe((event) => {
      first.push(event.seq);
      if (event.name === 'open') events.emit('view_changed', { view: 'picker' });
    });
    events.subscribe((event) => second.push(event.seq));
    events.emit('open', { mode: 'create' });
    assert.deepEqual(first, [1, 2]);
    assert.deepEqual(second, [1, 2]);
  });

  it('filters by name with on(), and unsubscribes', () => {
    const events = createEventStream({ sessionId: 'sess' });
    const queries: string[] = [];
    const stop = events.on('search', (event) => queries.push(event.detail.query));
    events.emit('search', { query: 'a', resultCount: 0 });
    events.emit('open', { mode: 'create' });
    stop();
    events.emit('search', { query: 'b', resultCount: 0 });
    assert.deepEqual(queries, ['a']);
  });

  it('uses one random session id per page by default', () => {
    assert.equal(createEventStream().sessionId, getPageSessionId());
    assert.equal(createEventStream().sessionId, createEventStream().sessionId);
    assert.match(getPageSessionId(), /^[0-9a-f-]{36}$/);
  });
});
