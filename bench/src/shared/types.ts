/** Shapes passed between the bench page (browser) and the runner (Node). Times are in milliseconds. */

export type RendererId =
  | 'rivulet'
  | 'rivulet-string'
  | 'rivulet-no-highlight'
  | 'rivulet-highlight-all'
  | 'streamdown'
  | 'react-markdown'
  | 'diy'
  | 'plain'
  | 'dom-floor';

/** What a rendered result looked like, so a renderer that silently renders nothing is caught. */
export interface DomSummary {
  textLength: number;
  elements: number;
  pre: number;
  table: number;
}

export interface StreamRunOptions {
  renderer: RendererId;
  text: string;
  seed: number;
  deltasPerFlush: number;
  /** Streamed once, unmeasured, in the same page first: the measured run starts with warm code. */
  warmup?: string;
}

/** When code blocks near the viewport got their colours (Rivulet only; see `code-colours.ts`). */
export interface CodeColours {
  nearBlocks: number;
  /** Those shown highlighted by the time of the report. */
  colouredBlocks: number;
  /** Per coloured block: from its first render to its first highlighted render. */
  delays: number[];
}

export interface StreamRunResult {
  /** One entry per flush: synchronous React update plus forced layout. The last one ends streaming. */
  flushes: number[];
  /** Wall time from the first flush to the last, including work the renderer deferred between flushes. */
  total: number;
  /** One render of the final text into an empty container, with `streaming` off. */
  static: number;
  /**
   * Reading the same flushes' texts once each, with no renderer: the part of every renderer's total
   * that comes from the text arriving as a new, longer string on each flush.
   */
  textReads: number;
  streamed: DomSummary;
  staticDom: DomSummary;
  /**
   * Rivulet with highlighting: from the last flush until every code block near the viewport shows
   * its colours (the page is saturated while streaming here, so idle-priority highlighting waits).
   */
  colouredAfterEnd?: number;
}

export interface RafRunResult {
  /** Time between consecutive animation frames while streaming. */
  frameIntervals: number[];
  /** Same, with the page idle: shows the frame rate the browser gives with no work at all. */
  idleIntervals: number[];
  /** Work done inside each frame that had new deltas. */
  flushes: number[];
  duration: number;
  deltas: number;
  /** Code blocks near the viewport as the stream ended, and how soon they got their colours. */
  colours: CodeColours;
}

export interface RafRunOptions {
  renderer: RendererId;
  text: string;
  seed: number;
  deltasPerSecond: number;
  /** Streamed once, unmeasured, in the same page first, so one-time costs are not counted as dropped frames. */
  warmup?: string;
}

export interface ConversationRunResult {
  /** Per-flush times of the streaming message, in a list of `history` finished messages. */
  flushes: number[];
  history: number;
  /** Time to mount the finished messages (not part of the per-flush figure). */
  mount: number;
  /**
   * Main-thread work of each frame while the page then scrolls up through the history (see
   * `scrollFrames`), in ms; empty without history.
   */
  scrollWork: number[];
  /** The same scroll once more: what is left once every block has been drawn and highlighted. */
  scrollAgainWork: number[];
}

export interface CommitsRunResult {
  /** React commits seen by a Profiler during the feeding window. */
  commits: number;
  /** Commits counted by a layout effect in the consumer, as a cross-check of the Profiler count. */
  layoutEffects: number;
  windowMs: number;
  deltasEnqueued: number;
  charsEnqueued: number;
  /** Length of the hook's text once the stream ended (equals charsEnqueued when nothing was lost). */
  finalTextLength: number;
  finalStatus: string;
}

export interface FirstPaintSample {
  /** From enqueueing the first delta to the end of the frame that painted it. */
  latency: number;
  /** Animation frames started between enqueue and that paint (1 = the very next frame). */
  frames: number;
}

export interface ConcurrencyRunOptions {
  /** One answer per chat window; every window starts streaming at the same moment. */
  answers: string[];
  tokensPerSecond: number;
  /** Shown once, unmeasured, in a window of its own before the measured ones mount. */
  warmup: string;
  /** Give up waiting for the answers to finish after this long. */
  timeoutMs: number;
}

export interface ConcurrencyRunResult {
  windows: number;
  /** Time between consecutive animation frames, from the first send until every answer finished. */
  frameIntervals: number[];
  /** Durations of the long tasks (over 50 ms, as the browser reports them) in the same span. */
  longTasks: number[];
  /** Per window, the longest render of its subtree in one React commit (Profiler `actualDuration`). */
  windowMaxRender: number[];
  /** The longest React commit over all windows: renders of every window committed together, summed. */
  maxCommitRender: number;
  /** From the first send until the last answer finished. */
  duration: number;
  /** Windows whose answer finished complete (its full text, status done). */
  completed: number;
}
