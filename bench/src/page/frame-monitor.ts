/**
 * Watches the page's responsiveness over a span: the time between consecutive animation frames (a
 * frame starting more than 20 ms after the previous one was dropped) and the long tasks the browser
 * reports (main-thread tasks over 50 ms, during which input would wait).
 */

export interface FrameRecord {
  frameIntervals: number[];
  longTasks: number[];
}

export interface FrameMonitor {
  /** Stops watching and returns what was seen since the monitor started. */
  stop(): FrameRecord;
}

export function monitorFrames(): FrameMonitor {
  const record: FrameRecord = { frameIntervals: [], longTasks: [] };
  let running = true;
  let previous = -1;
  const tick = (time: number) => {
    if (!running) return;
    if (previous >= 0) record.frameIntervals.push(time - previous);
    previous = time;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) record.longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  return {
    stop() {
      running = false;
      // Entries not yet delivered to the callback are still queued on the observer.
      for (const entry of observer.takeRecords()) record.longTasks.push(entry.duration);
      observer.disconnect();
      return record;
    },
  };
}
