/** The shape of `bench/results/latest.json`: medians across rounds, per renderer and fixture. */
import type { DomSummary, RendererId } from '../shared/types';
import type { MemoryRow } from './memory';

export type SizeId = '2k' | '40k' | '200k' | 'list-40k' | 'table-30k' | 'quote-40k' | 'code-30k' | 'item-40k';

/**
 * The one-block answers: one long list, table, quote or code block, and one list item holding a
 * long list (`shape-fixtures.ts`).
 */
export const shapeSizes = [
  'list-40k',
  'table-30k',
  'quote-40k',
  'code-30k',
  'item-40k',
] as const satisfies readonly SizeId[];

/**
 * The answers also streamed by requestAnimationFrame at a steady rate, where work deferred off the
 * flush (highlighting) lands between frames: a mixed answer, and one long code block.
 */
export const rafSizes = ['40k', 'code-30k'] as const satisfies readonly SizeId[];

export interface StreamRow {
  renderer: RendererId;
  size: SizeId;
  /** Rounds that completed (a run that failed or timed out is listed in `failures`). */
  rounds: number;
  flushes: number;
  medianFlush: number;
  p95Flush: number;
  maxFlush: number;
  over16: number;
  over50: number;
  /** The last flush, which turns `streaming` off (included in the figures above). */
  endFlush: number;
  total: number;
  static: number;
  totalOverStatic: number;
  /** Reading each flush's text once with no renderer: a part of every renderer's total. */
  textReads: number;
  /** Rivulet with highlighting: from the last flush until the code near the viewport shows its colours. */
  colouredAfterEnd?: number;
  /** The final streamed DOM and the static DOM, from the last round. */
  streamed?: DomSummary;
  staticDom?: DomSummary;
}

export interface RafRow {
  renderer: RendererId;
  size: SizeId;
  rounds: number;
  frames: number;
  droppedFrames: number;
  p95FrameInterval: number;
  maxFrameInterval: number;
  medianFrameWork: number;
  maxFrameWork: number;
  idleMedianInterval: number;
  idleDroppedFrames: number;
  /** The same run in a page that streamed nothing before it (lazy loads and JIT included). */
  coldFrames: number;
  coldDroppedFrames: number;
  coldMaxFrameInterval: number;
  /** Code blocks near the viewport, those highlighted by the end of the stream, and how soon (from first render). */
  codeBlocks: number;
  colouredBlocks: number;
  medianColourDelay: number;
  maxColourDelay: number;
  coldColouredBlocks: number;
  coldMedianColourDelay: number;
  coldMaxColourDelay: number;
}

export interface ConversationRow {
  renderer: RendererId;
  rounds: number;
  history: number;
  loneMedianFlush: number;
  conversationMedianFlush: number;
  conversationP95Flush: number;
  ratio: number;
  mount: number;
  /** Main-thread work per frame while scrolling up through the history (see `scrollFrames`). */
  scrollMedianFrame: number;
  scrollP95Frame: number;
  scrollMaxFrame: number;
  /** Scroll frames with more than 16 ms of work. */
  scrollOver16: number;
  /** The same scroll again (everything drawn and highlighted once): its slowest frame and frames over 16 ms. */
  scrollAgainMaxFrame: number;
  scrollAgainOver16: number;
}

/** Responsiveness of one page while its chat windows stream; medians across rounds. */
export interface ConcurrencyFigures {
  frames: number;
  /** Frames that started more than 20 ms after the previous one. */
  framesOver20: number;
  p95FrameGap: number;
  maxFrameGap: number;
  longTasks: number;
  maxLongTask: number;
  /** Each window's longest render in one commit: the median window, and the worst. */
  medianWindowMaxRender: number;
  maxWindowRender: number;
  /** The longest commit, every window's render in it summed. */
  maxCommitRender: number;
  /** From the first send until the last answer finished. */
  duration: number;
}

export interface ConcurrencyResult extends ConcurrencyFigures {
  windows: number;
  rounds: number;
  tokensPerSecond: number;
  /** The fewest windows whose answer arrived complete, over the rounds. */
  completed: number;
  /** One window alone in the same setup, for comparison. */
  lone?: ConcurrencyFigures;
}

export interface TargetCheck {
  target: string;
  value: number;
  limit: string;
  met: boolean;
}

export interface BenchResults {
  date: string;
  /** Git commit of the packages measured; `+dirty` when they had uncommitted changes. */
  revision: string;
  durationSeconds: number;
  machine: { cpu: string; cores: number; memoryGb: number; node: string; chromium: string; platform: string };
  config: { rounds: number; deltasPerFlush: number; deltaSizes: string; fixtures: Record<string, number> };
  stream: StreamRow[];
  ratios: Record<string, number>;
  raf: RafRow[];
  conversation: ConversationRow[];
  useStream?: {
    rounds: number;
    deltasPerSecond: number;
    commitsPerSecond: number;
    layoutEffectsPerSecond: number;
    charsLost: number;
    finalStatus: string;
  };
  concurrency?: ConcurrencyResult;
  firstPaint?: { samples: number; medianLatency: number; maxLatency: number; maxFrames: number };
  /** Medians across rounds (see `memory.ts`). */
  memory?: MemoryRow[];
  targets: TargetCheck[];
  failures: string[];
  nodeBenchmarks: Record<string, string>;
}
