// Main-thread task time between two performance marks of the page, read from a DevTools trace.
// The Performance.getMetrics delta around a step also counts what runs after it until the next
// DevTools reading arrives (the picker's idle-time index build); a trace bounds it by the page's
// own marks instead.

/** A Chrome trace event, as Tracing.dataCollected reports it (only the fields read here). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** Microseconds. */
  ts: number;
  /** Microseconds; complete ('X') events only. */
  dur?: number;
}

/** The marks the probe sets around a picker step: its start, and the frame that shows its result. */
export const STEP_MARKS = { start: 'pb-bench:step', painted: 'pb-bench:painted' } as const;

/** The categories that carry the tasks and the page's marks. */
export const TRACE_CATEGORIES = 'toplevel,blink.user_timing';

/** Top-level task events; Chromium nests one in the other, so their union is taken. */
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

function lastMark(events: readonly TraceEvent[], name: string): TraceEvent {
  const mark = events.findLast((event) => event.name === name && event.ph !== 'M');
  if (!mark) throw new Error(`the trace has no performance mark "${name}"`);
  return mark;
}

/**
 * Milliseconds of task time on the thread that made the marks, from the mark `from` until the
 * mark `to` (the last of each name): overlapping tasks count once, and a task is cut at the marks.
 */
export function taskTimeBetweenMarks(
  events: readonly TraceEvent[],
  from: string,
  to: string,
): number {
  const start = lastMark(events, from);
  const end = lastMark(events, to);
  if (end.ts < start.ts) throw new Error(`the mark "${to}" comes before "${from}"`);
  const spans = events
    .filter(
      (event) =>
        event.ph === 'X' &&
        TASK_NAMES.has(event.name) &&
        event.pid === start.pid &&
        event.tid === start.tid,
    )
    .map((event) => [Math.max(event.ts, start.ts), Math.min(event.ts + (event.dur ?? 0), end.ts)])
    .filter(([begin, finish]) => finish! > begin!)
    .sort((a, b) => a[0]! - b[0]!);
  let total = 0;
  let coveredUntil = start.ts;
  for (const [begin, finish] of spans) {
    total += Math.max(0, finish! - Math.max(begin!, coveredUntil));
    coveredUntil = Math.max(coveredUntil, finish!);
  }
  return total / 1000;
}
