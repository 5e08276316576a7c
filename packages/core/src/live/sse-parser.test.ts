import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createParser } from 'eventsource-parser';
import { createSseParser, type SseEvent } from './sse-parser.js';

function parseAll(chunks: readonly string[]) {
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const retries: number[] = [];
  const parser = createSseParser({
    onEvent: (event) => events.push(event),
    onComment: (text) => comments.push(text),
    onRetry: (ms) => retries.push(ms),
  });
  for (const chunk of chunks) parser.feed(chunk);
  return { events, comments, retries };
}

const SAMPLE = [
  '\uFEFFretry: 3000',
  ': heartbeat',
  'event: ready',
  'data: {"heartbeatSeconds":15}',
  '',
  'id: 41',
  'event: connection.updated',
  'data: {"id":"41",',
  'data:"type":"connection.updated"}',
  '',
  ':',
  'data: no event name',
  'ignored-field: x',
  'id',
  '',
  'id: 4\u00002',
  'event: only a name, no data',
  '',
  'data',
  '',
  '',
].join('\r\n');

describe('server-sent events parser', () => {
  it('reads events, ids, comments and retry as the spec says', () => {
    const { events, comments, retries } = parseAll([SAMPLE]);
    assert.deepEqual(retries, [3000]);
    assert.deepEqual(comments, ['heartbeat', '']);
    assert.deepEqual(events, [
      { event: 'ready', data: '{"heartbeatSeconds":15}', lastEventId: '' },
      {
        event: 'connection.updated',
        data: '{"id":"41",\n"type":"connection.updated"}',
        lastEventId: '41',
      },
      // "id" alone sets the id to empty; an id holding NULL is ignored; no data, no event.
      { event: 'message', data: 'no event name', lastEventId: '' },
      { event: 'message', data: '', lastEventId: '' },
    ]);
  });

  it('gives the same events however the stream is cut, CR LF split included', () => {
    const whole = parseAll([SAMPLE]).events;
    for (let size = 1; size <= 7; size += 1) {
      const chunks: string[] = [];
      for (let at = 0; at < SAMPLE.length; at += size) chunks.push(SAMPLE.slice(at, at + size));
      assert.deepEqual(parseAll(chunks).events, whole, `chunks of ${size}`);
    }
    // A CR at the end of one chunk and its LF at the start of the next are one line break.
    assert.deepEqual(parseAll(['data: a\r', '\ndata: b\r\n', '\r\n']).events, [
      { event: 'message', data: 'a\nb', lastEventId: '' },
    ]);
  });

  it('agrees with eventsource-parser on LF, CR and CR LF streams', () => {
    for (const lineBreak of ['\n', '\r', '\r\n']) {
      const stream = SAMPLE.replaceAll('\r\n', lineBreak);
      const theirs: { event: string; data: string; id: string }[] = [];
      let lastId = '';
      const reference = createParser({
        onEvent: (event) => {
          if (event.id !== undefined) lastId = event.id;
          theirs.push({ event: event.event ?? 'message', data: event.data, id: lastId });
        },
      });
      reference.feed(stream);
      const ours = parseAll([stream]).events.map((event) => ({
        event: event.event,
        data: event.data,
        id: event.lastEventId,
      }));
      assert.equal(ours.length, theirs.length, JSON.stringify(lineBreak));
      // eventsource-parser leaves the id bookkeeping to its caller: compare the rest.
      assert.deepEqual(
        ours.map(({ event, data }) => ({ event, data })),
        theirs.map(({ event, data }) => ({ event, data })),
      );
    }
  });

  it('keeps an unfinished line until its line break arrives', () => {
    const { events } = parseAll(['event: ready\ndata: {"a"', ':1}']);
    assert.deepEqual(events, []);
    const more = parseAll(['event: ready\ndata: {"a"', ':1}\n', '\n']).events;
    assert.deepEqual(more, [{ event: 'ready', data: '{"a":1}', lastEventId: '' }]);
  });
});
