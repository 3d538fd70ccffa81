/** Entry of the renderer bench page: exposes the runs to the Node runner as `window.bench`. */
import './instrument';
import './page.css';
import { runConversation } from './conversation-run';
import { runMemoryCleared, runMemoryStatic, runMemoryStreamed } from './memory-run';
import { runRaf } from './raf-run';
import { runStream } from './stream-run';

const api = { runStream, runRaf, runConversation, runMemoryStreamed, runMemoryStatic, runMemoryCleared };
export type RendererBench = typeof api;

declare global {
  interface Window {
    bench?: RendererBench;
  }
}

window.bench = api;
