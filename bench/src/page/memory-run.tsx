/**
 * What a renderer keeps in memory: a streamed answer left on screen (compared by the runner with a
 * static render of the same text, each in a fresh page), and many short answers streamed and
 * unmounted one after another in one page (the heap must not grow with their number).
 */
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { DomSummary, RendererId } from '../shared/types';
import { createContainer, summarize } from './dom';
import { Harness } from './harness';
import { nextTask, settle } from './instrument';
import { type RendererProps, renderers } from './renderers';
import { flushSteps } from './stream-run';

export interface MemoryRunOptions {
  renderer: RendererId;
  text: string;
  seed: number;
  deltasPerFlush: number;
}

/**
 * Waits until `container` shows text that has stopped changing (checked every 50 ms, up to 5 s), so
 * the heap is read after everything deferred (a lazily loaded chunk, highlighting) has landed.
 */
async function untilDomSettles(container: HTMLElement): Promise<void> {
  let last = -1;
  let steady = 0;
  const deadline = performance.now() + 5000;
  while (steady < 3 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const length = summarize(container).textLength;
    steady = length > 0 && length === last ? steady + 1 : 0;
    last = length;
  }
  await settle();
}

/** Mounted roots stay referenced, so what they hold is counted by the heap measured after. */
const kept: Root[] = [];

/** Streams `text` into a new root and leaves it mounted; yields a task every few flushes. */
async function streamInto(options: MemoryRunOptions): Promise<{ root: Root; container: HTMLElement }> {
  let set: (props: RendererProps) => void = () => {};
  const container = createContainer();
  const root = createRoot(container);
  flushSync(() =>
    root.render(
      <Harness
        renderer={options.renderer}
        register={(setter) => {
          set = setter;
        }}
      />,
    ),
  );
  await settle();
  const steps = flushSteps(options.text, options.seed, options.deltasPerFlush);
  for (const [index, { text, growing }] of steps.entries()) {
    flushSync(() => set({ text, growing, streaming: true }));
    if (index % 8 === 0) await nextTask();
  }
  flushSync(() => set({ text: options.text, growing: steps.at(-1)?.growing, streaming: false }));
  await settle();
  return { root, container };
}

/** The answer streamed and left on screen. */
export async function runMemoryStreamed(options: MemoryRunOptions): Promise<DomSummary> {
  const { root, container } = await streamInto(options);
  await untilDomSettles(container);
  kept.push(root);
  return summarize(container);
}

/** The answer rendered once, statically, and left on screen. */
export async function runMemoryStatic(options: MemoryRunOptions): Promise<DomSummary> {
  const Renderer = renderers[options.renderer];
  const container = createContainer();
  const root = createRoot(container);
  flushSync(() => root.render(<Renderer text={options.text} streaming={false} />));
  await untilDomSettles(container);
  kept.push(root);
  return summarize(container);
}

/** `count` answers streamed and unmounted one after another, as a chat cleared each time. */
export async function runMemoryCleared(options: MemoryRunOptions & { count: number }): Promise<void> {
  for (let index = 0; index < options.count; index += 1) {
    const { root, container } = await streamInto({ ...options, seed: options.seed + index });
    root.unmount();
    container.remove();
  }
  await settle();
}
