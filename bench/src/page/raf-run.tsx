/**
 * Streaming driven by the display: deltas "arrive" at a fixed rate (1,000 a second) and each animation
 * frame renders the ones due by then, synchronously. A frame that starts more than 20 ms after the
 * previous one was dropped. The idle frame rate is measured first, as the reference. With `warmup`, that
 * text is streamed the same way first, unmeasured, so one-time costs (grammar loading, JIT) land there.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { makeDeltas } from '../shared/prng';
import type { RafRunOptions, RafRunResult } from '../shared/types';
import { watchCodeColours } from './code-colours';
import { createContainer } from './dom';
import { Harness } from './harness';
import { settle } from './instrument';
import type { RendererProps } from './renderers';

function idleFrames(count: number): Promise<number[]> {
  return new Promise((resolve) => {
    const intervals: number[] = [];
    let previous = -1;
    const tick = (time: number) => {
      if (previous >= 0) intervals.push(time - previous);
      previous = time;
      if (intervals.length < count) requestAnimationFrame(tick);
      else resolve(intervals);
    };
    requestAnimationFrame(tick);
  });
}

export async function runRaf(options: RafRunOptions): Promise<RafRunResult> {
  if (options.warmup) {
    await runRaf({ ...options, text: options.warmup, seed: options.seed + 1000, warmup: undefined });
    await settle();
  }
  const deltas = makeDeltas(options.text, options.seed);
  let set: (props: RendererProps) => void = () => {};
  const register = (setter: (props: RendererProps) => void) => {
    set = setter;
  };
  const container = createContainer();
  const root = createRoot(container);
  flushSync(() => root.render(<Harness renderer={options.renderer} register={register} />));
  await settle();
  const idleIntervals = await idleFrames(60);
  const colourWatch = watchCodeColours(container);

  const frameIntervals: number[] = [];
  const flushes: number[] = [];
  const duration = await new Promise<number>((resolve) => {
    let start = -1;
    let previous = -1;
    let pushed = 0;
    let text = '';
    const tick = (time: number) => {
      if (start < 0) start = time;
      if (previous >= 0) frameIntervals.push(time - previous);
      previous = time;
      const due = Math.min(deltas.length, Math.floor(((time - start) * options.deltasPerSecond) / 1000) + 1);
      if (due > pushed) {
        const before = performance.now();
        text += deltas.slice(pushed, due).join('');
        pushed = due;
        const streaming = pushed < deltas.length;
        flushSync(() => set({ text, streaming }));
        void container.offsetHeight;
        flushes.push(performance.now() - before);
      }
      if (pushed < deltas.length) requestAnimationFrame(tick);
      else resolve(time - start);
    };
    requestAnimationFrame(tick);
  });

  const colours = colourWatch.stop();
  root.unmount();
  container.remove();
  return { frameIntervals, idleIntervals, flushes, duration, deltas: deltas.length, colours };
}
