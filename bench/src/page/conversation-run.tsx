/**
 * A conversation: `history` finished answers plus one that streams. Each message is its own memoized
 * component, as a chat list would render it, so a renderer that keeps finished messages out of the
 * update pays nothing for them; the per-flush figure is compared with the same stream alone.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { ConversationRunResult, RendererId } from '../shared/types';
import { createContainer } from './dom';
import { Conversation } from './harness';
import { nextTask, settle } from './instrument';
import { flushTexts } from './stream-run';

/** Pixels scrolled per frame: 7,200 px/s at 60 fps, a fast fling. */
const scrollStep = 120;
const scrollFrameCount = 400;

/**
 * Scrolls the page up from its end, `scrollStep` pixels per animation frame, and returns each
 * frame's main-thread work: from its animation-frame callback to the first task after it, which runs
 * once the frame's style, layout and paint are done (groups of messages coming into view render).
 */
export function scrollFrames(): Promise<number[]> {
  const scroller = document.scrollingElement as HTMLElement;
  scroller.scrollTop = scroller.scrollHeight;
  return new Promise((resolve) => {
    const work: number[] = [];
    const channel = new MessageChannel();
    let started = 0;
    channel.port1.onmessage = () => work.push(performance.now() - started);
    let frames = 0;
    const tick = () => {
      started = performance.now();
      channel.port2.postMessage(null);
      scroller.scrollTop -= scrollStep;
      frames += 1;
      if (frames < scrollFrameCount && scroller.scrollTop > 0) requestAnimationFrame(tick);
      else setTimeout(() => resolve(work), 50);
    };
    // One frame first, so the scroll to the end has rendered before the measured frames.
    requestAnimationFrame(() => requestAnimationFrame(tick));
  });
}

export async function runConversation(options: {
  renderer: RendererId;
  history: string[];
  text: string;
  seed: number;
  deltasPerFlush: number;
}): Promise<ConversationRunResult> {
  let set: (text: string) => void = () => {};
  const register = (setter: (text: string) => void) => {
    set = setter;
  };
  const container = createContainer();
  const root = createRoot(container);
  const beforeMount = performance.now();
  flushSync(() =>
    root.render(<Conversation renderer={options.renderer} history={options.history} register={register} />),
  );
  void container.offsetHeight;
  const mount = performance.now() - beforeMount;
  // Let finished messages finish their deferred work (lazy highlighting) before the stream starts.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await settle();

  const flushes: number[] = [];
  for (const text of flushTexts(options.text, options.seed, options.deltasPerFlush)) {
    const before = performance.now();
    flushSync(() => set(text));
    void container.offsetHeight;
    flushes.push(performance.now() - before);
    await nextTask();
  }
  const scrollWork = options.history.length > 0 ? await scrollFrames() : [];
  const scrollAgainWork = options.history.length > 0 ? await scrollFrames() : [];
  root.unmount();
  container.remove();
  return { flushes, history: options.history.length, mount, scrollWork, scrollAgainWork };
}
