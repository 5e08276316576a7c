import assert from 'node:assert/strict';
import { test } from 'node:test';
import { taskTimeBetweenMarks, type TraceEvent } from './trace-tasks.js';

const MAIN = { pid: 1, tid: 1 };
const mark = (name: string, ts: number): TraceEvent => ({ name, ph: 'I', ts, ...MAIN });
const task = (ts: number, dur: number, where = MAIN, name = 'RunTask'): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur,
  ...where,
});

test('counts the tasks between the marks, cut at them; the work after the end mark is not the step’s', () => {
  const events = [
    task(0, 2_000), // before the step
    mark('start', 1_000),
    task(3_000, 4_000),
    task(9_000, 2_000),
    mark('painted', 10_000),
    task(12_000, 8_000), // idle-time work after the frame
  ];
  // 1 ms of the first task, 4 ms, then 1 ms of the task the end mark cuts.
  assert.equal(taskTimeBetweenMarks(events, 'start', 'painted'), 6);
});

test('nested task events count once, and other threads do not count', () => {
  const events = [
    mark('start', 0),
    task(1_000, 5_000, MAIN, 'ThreadControllerImpl::RunTask'),
    task(1_000, 5_000, MAIN, 'RunTask'),
    task(2_000, 9_000, { pid: 1, tid: 2 }),
    task(1_000, 9_000, { pid: 2, tid: 1 }),
    { name: 'FunctionCall', ph: 'X', ts: 7_000, dur: 1_000, ...MAIN },
    mark('painted', 20_000),
  ];
  assert.equal(taskTimeBetweenMarks(events, 'start', 'painted'), 5);
});

test('reads the last of repeated marks (one page, several steps), and names a missing mark', () => {
  const events = [
    mark('start', 0),
    task(0, 3_000),
    mark('painted', 3_000),
    mark('start', 10_000),
    task(10_000, 1_000),
    mark('painted', 12_000),
  ];
  assert.equal(taskTimeBetweenMarks(events, 'start', 'painted'), 1);
  assert.throws(
    () => taskTimeBetweenMarks(events, 'start', 'shown'),
    /no performance mark "shown"/,
  );
});

test('a step whose frame never came (its start is after the last painted mark) is an error, not 0 ms', () => {
  const events = [
    mark('start', 0),
    mark('painted', 3_000),
    mark('start', 5_000),
    task(5_000, 2_000),
  ];
  assert.throws(
    () => taskTimeBetweenMarks(events, 'start', 'painted'),
    /the mark "painted" comes before "start"/,
  );
});
