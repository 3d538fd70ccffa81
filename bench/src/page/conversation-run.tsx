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
  root.unmount();
  container.remove();
  return { flushes, history: options.history.length, mount };
}
