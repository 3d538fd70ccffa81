/**
 * `useStream` under load, in React's profiling build (a production build whose `<Profiler>` reports
 * commits): how many commits a second it makes when a real ReadableStream delivers 10,000 deltas a
 * second, and how long the first delta takes to reach the screen.
 */
import { useStream } from '@rivulet/react';
import { Profiler, useEffect, useLayoutEffect, useRef } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { CommitsRunResult, FirstPaintSample } from '../shared/types';
import { createContainer } from './dom';
import { afterNextPaint, countFrames, isInAnimationFrame, nextTask, settle, waitFor } from './instrument';

interface ConsumerProps {
  stream: ReadableStream<string>;
  onText: (text: string, status: string) => void;
}

/** Starts the stream once and reports every committed text. */
function Consumer({ stream, onText }: ConsumerProps) {
  const s = useStream({ maxFps: 60, format: 'text' });
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    s.start(stream);
  }, [s, stream]);
  useLayoutEffect(() => onText(s.text, s.status));
  return <pre className="bench-stream">{s.text}</pre>;
}

export async function runCommits(options: { deltasPerSecond: number; durationMs: number }): Promise<CommitsRunResult> {
  let controller!: ReadableStreamDefaultController<string>;
  const stream = new ReadableStream<string>({
    start(c) {
      controller = c;
    },
  });
  let commits = 0;
  let layoutEffects = 0;
  let counting = false;
  let lastText = '';
  let lastStatus = '';
  const container = createContainer();
  const root = createRoot(container);
  flushSync(() =>
    root.render(
      <Profiler
        id="use-stream"
        onRender={() => {
          if (counting) commits += 1;
        }}
      >
        <Consumer
          stream={stream}
          onText={(text, status) => {
            if (counting) layoutEffects += 1;
            lastText = text;
            lastStatus = status;
          }}
        />
      </Profiler>,
    ),
  );
  await settle();

  // Feed on a timer, catching up to the target rate each tick: one enqueue per delta, as a
  // network reader would deliver many small chunks.
  const alphabet = 'lorem ipsum dolor sit amet, consectetur adipiscing elit ';
  let deltasEnqueued = 0;
  let charsEnqueued = 0;
  counting = true;
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const elapsed = performance.now() - start;
      const due = Math.floor((Math.min(elapsed, options.durationMs) * options.deltasPerSecond) / 1000);
      while (deltasEnqueued < due) {
        const size = 1 + (deltasEnqueued % 6);
        const offset = deltasEnqueued % (alphabet.length - 6);
        const delta = alphabet.slice(offset, offset + size);
        controller.enqueue(delta);
        deltasEnqueued += 1;
        charsEnqueued += delta.length;
      }
      if (elapsed >= options.durationMs) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  const windowMs = performance.now() - start;
  counting = false;
  controller.close();
  await waitFor(() => lastStatus === 'done' && lastText.length === charsEnqueued, 3000);
  root.unmount();
  container.remove();
  return {
    commits,
    layoutEffects,
    windowMs,
    deltasEnqueued,
    charsEnqueued,
    finalTextLength: lastText.length,
    finalStatus: lastStatus,
  };
}

/** One sample: enqueue a delta at a random point of a frame, time until the frame that shows it paints. */
export async function runFirstPaint(options: { phase: number; timeoutMs: number }): Promise<FirstPaintSample | null> {
  let controller!: ReadableStreamDefaultController<string>;
  const stream = new ReadableStream<string>({
    start(c) {
      controller = c;
    },
  });
  const marker = 'first-delta';
  let painted: Promise<{ at: number; frames: number }> | undefined;
  let frames: { readonly count: number; stop(): void } | undefined;
  const paintedNow = () => ({ at: performance.now(), frames: frames?.count ?? 0 });
  const container = createContainer();
  const root = createRoot(container);
  flushSync(() =>
    root.render(
      <Consumer
        stream={stream}
        onText={(text) => {
          if (painted || !text.includes(marker)) return;
          performance.mark('bench:first-delta-committed');
          // A commit inside a frame callback is painted at the end of that frame; any other commit
          // waits for the next frame.
          painted = (isInAnimationFrame() ? nextTask() : afterNextPaint()).then(paintedNow);
        }}
      />,
    ),
  );
  await settle();
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, options.phase)));

  frames = countFrames();
  const framesAtEnqueue = frames.count;
  performance.mark('bench:first-delta-enqueued');
  const enqueuedAt = performance.now();
  controller.enqueue(marker);
  const seen = await waitFor(() => painted !== undefined, options.timeoutMs);
  const paint = seen && painted ? await painted : undefined;
  frames.stop();
  controller.close();
  root.unmount();
  container.remove();
  if (!paint) return null;
  return { latency: paint.at - enqueuedAt, frames: paint.frames - framesAtEnqueue };
}
