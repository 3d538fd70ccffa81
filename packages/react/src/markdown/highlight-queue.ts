/**
 * Highlighting runs outside rendering, in short slices between other tasks: tokenizing a long
 * code block at once can take tens of milliseconds, which would stall a streaming update or a
 * frame. Each slice runs queued jobs in order until its time budget is spent, then yields to the
 * event loop (a timer), so a stream's updates, input and frames keep their turn.
 */

/** Time one slice may spend before it yields. */
export const highlightSliceMs = 4;

/** One piece of work: does what it can before `deadline` (a `performance.now()` time); true when done. */
export type HighlightJob = (deadline: number) => boolean;

const queue = new Set<HighlightJob>();
let scheduled = false;

function runSlice(): void {
  scheduled = false;
  const deadline = performance.now() + highlightSliceMs;
  for (const job of [...queue]) {
    if (performance.now() >= deadline) break;
    if (!queue.delete(job)) continue; // cancelled by a job before it
    // A job that is not done goes to the back, so one long block does not hold up the others.
    if (!job(deadline)) queue.add(job);
  }
  if (queue.size > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(runSlice, 0);
}

/** Queues `job` (once: queuing a queued job again changes nothing) and returns its cancel function. */
export function queueHighlight(job: HighlightJob): () => void {
  queue.add(job);
  schedule();
  return () => {
    queue.delete(job);
  };
}
