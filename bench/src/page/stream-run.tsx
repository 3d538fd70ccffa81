/**
 * The core measurement: stream a fixture into one renderer, a fixed number of deltas per flush, each
 * flush a synchronous React update (flushSync) followed by a forced layout (offsetHeight). Between
 * flushes the page yields one task, so work a renderer defers (effects, timers, lazy loads) still runs
 * and is counted in the total.
 */
import { GrowingText } from '@rivulet/core';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { makeDeltas } from '../shared/prng';
import type { StreamRunOptions, StreamRunResult } from '../shared/types';
import { untilCodeColoured } from './code-colours';
import { createContainer, summarize } from './dom';
import { finalDom } from './dom-floor';
import { Harness } from './harness';
import { nextTask, settle } from './instrument';
import { type RendererProps, readsGrowingText, renderers } from './renderers';

type Setter = (props: RendererProps) => void;

/** Joins deltas into the successive texts the stream shows, one per flush. */
export function flushTexts(text: string, seed: number, deltasPerFlush: number): string[] {
  return flushSteps(text, seed, deltasPerFlush).map((step) => step.text);
}

/** Each flush's text, and the same text as a `GrowingText` grown flush by flush (as `useStream` gives it). */
export function flushSteps(
  text: string,
  seed: number,
  deltasPerFlush: number,
): Array<{ text: string; growing: GrowingText }> {
  const deltas = makeDeltas(text, seed);
  const steps: Array<{ text: string; growing: GrowingText }> = [];
  let current = '';
  let growing = GrowingText.from('');
  for (let i = 0; i < deltas.length; i += deltasPerFlush) {
    const piece = deltas.slice(i, i + deltasPerFlush).join('');
    current += piece;
    growing = growing.append(piece);
    steps.push({ text: current, growing });
  }
  return steps;
}

/**
 * Reading each flush's text once, as any renderer must. Each text is the previous one with a delta
 * appended, which the engine keeps as a pair until it is read: the first read copies it whole into
 * a new string, so this costs time in proportion to the answer on every flush, whoever renders it.
 */
function readTexts(texts: readonly string[]): number {
  const start = performance.now();
  let sum = 0;
  for (const text of texts) sum += text.charCodeAt(text.length - 1);
  const elapsed = performance.now() - start;
  return Number.isNaN(sum) ? Number.NaN : elapsed;
}

export async function runStream(options: StreamRunOptions): Promise<StreamRunResult> {
  if (options.warmup) {
    await runStream({ ...options, text: options.warmup, seed: options.seed + 1000, warmup: undefined });
  }
  const Renderer = renderers[options.renderer];
  // The floor's final DOM is built before the clock starts: it stands for no work of a renderer.
  if (options.renderer === 'dom-floor') finalDom(options.text);
  const steps = flushSteps(options.text, options.seed, options.deltasPerFlush);

  let set: Setter = () => {};
  const register = (setter: Setter) => {
    set = setter;
  };

  const container = createContainer();
  const root = createRoot(container);
  flushSync(() => root.render(<Harness renderer={options.renderer} register={register} />));
  await settle();

  const flushes: number[] = [];
  const start = performance.now();
  const flush = (props: RendererProps) => {
    const before = performance.now();
    flushSync(() => set(props));
    void container.offsetHeight;
    flushes.push(performance.now() - before);
  };
  for (const { text, growing } of steps) {
    flush({ text, growing, streaming: true, final: options.text });
    await nextTask();
  }
  flush({ text: options.text, growing: steps.at(-1)?.growing, streaming: false, final: options.text });
  const total = performance.now() - start;
  const streamed = summarize(container);
  const highlights = options.renderer === 'rivulet' || options.renderer === 'rivulet-highlight-all';
  const colouredAfterEnd = highlights ? await untilCodeColoured(container, 20_000) : undefined;

  root.unmount();
  container.remove();
  await settle();

  const staticContainer = createContainer();
  const staticRoot = createRoot(staticContainer);
  const before = performance.now();
  flushSync(() => staticRoot.render(<Renderer text={options.text} streaming={false} />));
  void staticContainer.offsetHeight;
  const staticTime = performance.now() - before;
  const staticDom = summarize(staticContainer);
  staticRoot.unmount();
  staticContainer.remove();

  const textReads = readsGrowingText.has(options.renderer)
    ? Number.NaN
    : readTexts(flushTexts(options.text, options.seed, options.deltasPerFlush));

  return {
    flushes,
    total,
    static: staticTime,
    textReads,
    streamed,
    staticDom,
    ...(highlights ? { colouredAfterEnd } : {}),
  };
}
