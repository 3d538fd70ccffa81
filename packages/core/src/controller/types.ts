/**
 * Public types of the stream controller: what a snapshot holds, what a run starts from, how a
 * dropped stream is resumed. Kept apart from the controller so the chat and the framework adapters
 * can name them without pulling in its machinery.
 */
import type { Schedule } from '../buffer/frame-gate';
import type { GrowingText } from '../buffer/growing-text';
import type { MessagePart } from '../message/parts';
import type { StreamError } from '../stream/errors';
import type { StreamEvent, StreamFormat, StreamSource, StreamUsage } from '../stream/types';

/** Lifecycle of one answer: `idle` -> `connecting` -> `streaming` -> `done` | `error` | `aborted`. */
export type StreamStatus = 'idle' | 'connecting' | 'streaming' | 'done' | 'error' | 'aborted';

/** A tool call as streamed so far. */
export interface ToolCallState {
  id: string;
  /** Empty until the stream names the tool. */
  name: string;
  /** The raw argument text received so far. */
  argsText: string;
  /** `argsText` parsed as far as it goes (partial JSON), or `undefined` when nothing parses yet. */
  args: unknown;
}

/** What a stream has delivered so far: an immutable snapshot, replaced when something changes. */
export interface StreamState {
  text: string;
  /**
   * `text` as a `GrowingText`: give it to `<Markdown>` and each update reads only what it appended.
   * A new answer (or text taken back when a resumed stream repeats it) starts a new chain.
   */
  growingText: GrowingText;
  status: StreamStatus;
  error: StreamError | undefined;
  usage: StreamUsage | undefined;
  reasoning: string;
  toolCalls: ToolCallState[];
  /**
   * Everything shown so far in the order it arrived: text, reasoning, tool calls, sources, files.
   * A tool call's input is complete (`'input-available'`) once something follows it or the stream
   * ended normally. An unchanged part keeps its object.
   */
  parts: MessagePart[];
  /** The provider's finish reason, when the stream carried one. */
  finishReason: string | undefined;
  /** The connection dropped and the stream is being resumed (status stays what it was). */
  reconnecting: boolean;
  /** The SSE `id:` of the last message received, when the stream carries ids. */
  lastEventId: string | undefined;
}

/** A source, or a function of the abort signal returning one (so stopping aborts the fetch itself). */
export type StreamStarter = StreamSource | ((signal: AbortSignal) => StreamSource | Promise<StreamSource>);

/** What a resume function is told about the stream it continues. */
export interface ResumeContext {
  /** The SSE `id:` of the last message received in full; `undefined` when the stream carried none. */
  lastEventId: string | undefined;
  /** The text received up to that message (everything received, when there are no ids). */
  text: string;
  /** Aborted by `stop()`, or when this attempt times out. */
  signal: AbortSignal;
  /** 1 for the first reconnection after a drop, 2 for the next, … */
  attempt: number;
}

/** Opens the continuation of a dropped stream: events after `lastEventId` (or after `text`). */
export type ResumeSource = (context: ResumeContext) => StreamSource | Promise<StreamSource>;

export interface ResumeOptions {
  /** Reconnections tried in a row without receiving anything before giving up. Default 3. */
  attempts?: number;
  /** Wait before the first reconnection, in ms. Default 500. */
  delayMs?: number;
  /** Each further attempt waits this many times longer. Default 2. */
  backoff?: number;
  /** The longest wait, in ms. Default 8000. */
  maxDelayMs?: number;
  /** Opens the continuation. Default: the run's own (for a chat's `api`, the request again with `Last-Event-ID`). */
  source?: ResumeSource;
}

/**
 * Resuming a stream that broke before its end (connection lost, body ended early, stall past
 * `idleTimeoutMs`). Default (`undefined`): on when the stream carried SSE ids and there is a way to
 * reconnect. `false`: never. A function or `{ source }`: always, through it. `true` or options: on,
 * with these settings.
 */
export type ResumeOption = boolean | ResumeOptions | ResumeSource;

export interface StreamControllerOptions {
  /** Wire format of the source. Default `'auto'`. */
  format?: StreamFormat;
  /** Publish at most this many snapshots a second. Default 60; 0 publishes every event. */
  maxFps?: number;
  /** Pace bursts of text over the following frames. */
  smoothing?: boolean;
  /** Silence longer than this (also before the response) fails the stream with `StreamError('timeout')`. Default 0 (off). */
  idleTimeoutMs?: number;
  /** Reconnect after a drop and continue where the stream stopped. */
  resume?: ResumeOption;
  onDone?: (state: StreamState) => void;
  onError?: (error: StreamError, state: StreamState) => void;
  /** Every event as it arrives, before buffering. */
  onEvent?: (event: StreamEvent) => void;
  /** Frame scheduler; defaults to requestAnimationFrame, else a 16 ms timer. */
  schedule?: Schedule;
}

export interface StreamStartOptions {
  /**
   * How this run continues after a drop when its stream carried SSE ids and the `resume` option
   * names no source of its own (a chat passes its request with `Last-Event-ID`).
   */
  resume?: ResumeSource;
}

/** One answer at a time, read from a stream into immutable snapshots. */
export interface StreamController {
  /** The current snapshot: the same object until something changes. */
  getSnapshot(): StreamState;
  /** Called after every new snapshot; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Settings for the next run (a running one keeps its own); callbacks apply at once. */
  setOptions(options: StreamControllerOptions): void;
  /** Read a source; a run already going is aborted first. */
  start(starter: StreamStarter, options?: StreamStartOptions): void;
  /** Abort the running answer (fetch, reader, socket, a pending reconnection); keeps its text; status `aborted`. No-op when idle. */
  stop(): void;
  /** Abort silently and go back to `idle` with nothing received. */
  reset(): void;
}
