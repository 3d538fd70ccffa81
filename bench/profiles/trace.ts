/**
 * Summary of a Chromium trace of one run: for the page's main thread, the exclusive time of each
 * trace event (so nested events are not counted twice: a `FunctionCall` holding a forced
 * `Layout` is split between them), and the busy time of every other renderer thread (workers).
 */

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, where the platform reports it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface Span {
  name: string;
  start: number;
  end: number;
  cpu: number;
}

/** Exclusive milliseconds (CPU time) per event name over complete (`X`) events of one thread. */
function exclusive(spans: Span[]): Map<string, number> {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const self = new Map<string, number>();
  const stack: { span: Span; children: number }[] = [];
  const close = (until: number) => {
    while (stack.length > 0 && (stack[stack.length - 1] as { span: Span }).span.end <= until) {
      const top = stack.pop() as { span: Span; children: number };
      const own = top.span.cpu - top.children;
      self.set(top.span.name, (self.get(top.span.name) ?? 0) + own / 1000);
      const parent = stack[stack.length - 1];
      if (parent) parent.children += top.span.cpu;
    }
  };
  for (const span of spans) {
    close(span.start);
    stack.push({ span, children: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  return self;
}

/**
 * Busy time of one thread in ms: wall time covered by its outermost events, and the CPU time of
 * those events (thread time; less than the wall time when the thread waited for a core).
 */
function busy(spans: Span[]): { wall: number; cpu: number } {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let wall = 0;
  let cpu = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const span of spans) {
    if (span.start >= end) {
      wall += span.end - span.start;
      cpu += span.cpu;
      end = span.end;
    } else if (span.end > end) {
      wall += span.end - end;
      end = span.end;
    }
  }
  return { wall: wall / 1000, cpu: cpu / 1000 };
}

const format = ({ wall, cpu }: { wall: number; cpu: number }) =>
  `${wall.toFixed(0).padStart(6)} ms wall, ${cpu.toFixed(0).padStart(6)} ms cpu`;

export function summarizeTrace(trace: { traceEvents: TraceEvent[] } | TraceEvent[], top: number): void {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const threadNames = new Map<string, string>();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name')
      threadNames.set(`${event.pid}:${event.tid}`, event.args?.name ?? '');
  }
  const byThread = new Map<string, Span[]>();
  for (const event of events) {
    if (event.ph !== 'X' || event.dur === undefined) continue;
    const key = `${event.pid}:${event.tid}`;
    let list = byThread.get(key);
    if (!list) {
      list = [];
      byThread.set(key, list);
    }
    list.push({ name: event.name, start: event.ts, end: event.ts + event.dur, cpu: event.tdur ?? event.dur });
  }
  // The page's main thread: the renderer main thread with the most events.
  const mains = [...byThread].filter(([key]) => threadNames.get(key) === 'CrRendererMain');
  mains.sort((a, b) => b[1].length - a[1].length);
  const main = mains[0];
  if (!main) {
    console.log('no renderer main thread in the trace');
    return;
  }
  const pid = main[0].split(':')[0];
  console.log(`\nmain thread: busy ${format(busy([...main[1]]))}; exclusive CPU time by event:`);
  const rows = [...exclusive([...main[1]])].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [name, ms] of rows) console.log(`${ms.toFixed(1).padStart(9)} ms  ${name}`);
  console.log('\nother threads of the page:');
  for (const [key, spans] of byThread) {
    if (key === main[0] || !key.startsWith(`${pid}:`)) continue;
    const ms = busy([...spans]);
    if (ms.wall < 5) continue;
    const name = threadNames.get(key) ?? key;
    console.log(`${format(ms)}  ${name}`);
    if (name !== 'DedicatedWorker thread') continue;
    const rows = [...exclusive([...spans])].sort((a, b) => b[1] - a[1]).slice(0, 8);
    for (const [event, own] of rows) console.log(`${own.toFixed(1).padStart(15)} ms  ${event}`);
  }
}
