/**
 * Stream controller: runs one answer at a time through `readStream` and a delta buffer and publishes
 * immutable snapshots to subscribers. Framework-free; `useStream` and the chat store are thin layers
 * over it. Invariants: snapshots are published at most `maxFps` times a second while streaming (the
 * final one of a run is published at once); `text` holds everything received and is never cleared by
 * an error or a stop; a superseded or stopped run never publishes again.
 */
import {
  createDeltaBuffer,
  type DeltaBuffer,
  defaultSchedule,
  isStreamError,
  readStream,
  type Schedule,
  StreamError,
  type StreamEvent,
  type StreamFormat,
  type StreamSource,
  type StreamUsage,
} from '@rivulet/core';
import { Allow, parse as parsePartialJson } from 'partial-json';

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

/** What a stream has delivered so far. */
export interface StreamState {
  text: string;
  status: StreamStatus;
  error: StreamError | undefined;
  usage: StreamUsage | undefined;
  reasoning: string;
  toolCalls: ToolCallState[];
  /** The provider's finish reason, when the stream carried one. */
  finishReason: string | undefined;
}

/** A source, or a function of the abort signal returning one (so stopping aborts the fetch itself). */
export type StreamStarter = StreamSource | ((signal: AbortSignal) => StreamSource | Promise<StreamSource>);

export interface StreamControllerOptions {
  format?: StreamFormat;
  /** Publish at most this many snapshots a second. Default 60; 0 publishes every event. */
  maxFps?: number;
  /** Pace bursts of text over the following frames. */
  smoothing?: boolean;
  /** Silence longer than this fails the stream with `StreamError('timeout')`. Default 0 (off). */
  idleTimeoutMs?: number;
  onDone?: (state: StreamState) => void;
  onError?: (error: StreamError, state: StreamState) => void;
  onEvent?: (event: StreamEvent) => void;
  /** Frame scheduler; defaults to requestAnimationFrame, else a 16 ms timer. */
  schedule?: Schedule;
}

export interface StreamController {
  getState(): StreamState;
  subscribe(listener: () => void): () => void;
  start(starter: StreamStarter): void;
  /** Abort the running answer (fetch, reader, socket); keeps its text; status `aborted`. No-op when idle. */
  stop(): void;
  /** Abort silently and go back to `idle` with nothing received. */
  reset(): void;
}

export const initialStreamState: StreamState = Object.freeze({
  text: '',
  status: 'idle',
  error: undefined,
  usage: undefined,
  reasoning: '',
  toolCalls: [],
  finishReason: undefined,
}) as StreamState;

interface LiveToolCall {
  id: string;
  name: string;
  argsText: string;
  /** The published view, reused while nothing changed. */
  view: ToolCallState | undefined;
}

interface Run {
  abort: AbortController;
  buffer: DeltaBuffer;
  status: StreamStatus;
  flushedText: string;
  reasoning: string;
  toolCalls: Map<string, LiveToolCall>;
  usage: StreamUsage | undefined;
  finishReason: string | undefined;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function parseArgs(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return parsePartialJson(text, Allow.ALL);
  } catch {
    return undefined;
  }
}

/** Turn anything a source or transport throws into a `StreamError` a person can act on. */
export function toStreamError(error: unknown): StreamError {
  if (isStreamError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new StreamError('interrupted', `The request failed: ${message}`, { cause: error });
}

/** Release whatever a late-arriving source holds, once its run is gone. */
function discardSource(source: StreamSource): void {
  const ignore = () => {};
  if (typeof Response !== 'undefined' && source instanceof Response) {
    source.body?.cancel().catch(ignore);
  } else if (typeof ReadableStream !== 'undefined' && source instanceof ReadableStream) {
    source.cancel().catch(ignore);
  } else if ('close' in source && typeof source.close === 'function') {
    source.close();
  } else if (Symbol.asyncIterator in source) {
    source[Symbol.asyncIterator]().return?.()?.catch(ignore);
  }
}

/**
 * Resolve the starter. With `idleTimeoutMs`, silence before the response counts like silence inside
 * it: a server that never answers fails with a timeout (and the request is aborted) instead of
 * leaving the answer "connecting" forever.
 */
async function resolveSource(
  starter: StreamStarter,
  abort: AbortController,
  idleTimeoutMs: number | undefined,
): Promise<StreamSource> {
  if (typeof starter !== 'function') return starter;
  let pending: Promise<StreamSource>;
  try {
    pending = Promise.resolve(starter(abort.signal));
  } catch (error) {
    pending = Promise.reject(error);
  }
  if (!idleTimeoutMs || idleTimeoutMs <= 0) return pending;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new StreamError('timeout', `No response received for ${idleTimeoutMs} ms (idleTimeoutMs)`));
      abort.abort();
    }, idleTimeoutMs);
  });
  // A source that still arrives after the timeout is released, never read.
  pending.then(
    (source) => timedOut && discardSource(source),
    () => {},
  );
  try {
    return await Promise.race([pending, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Create a controller. `getOptions` is read at each use, so callbacks and settings can change
 * between calls without restarting anything.
 *
 * @example
 * const controller = createStreamController(() => ({ format: 'openai' }));
 * controller.subscribe(() => render(controller.getState()));
 * controller.start((signal) => fetch('/api/chat', { method: 'POST', signal }));
 */
export function createStreamController(getOptions: () => StreamControllerOptions = () => ({})): StreamController {
  let state: StreamState = initialStreamState;
  let run: Run | undefined;
  const listeners = new Set<() => void>();

  // Publish gate: the same rule as the delta buffer (at most `maxFps` in any second, half a frame
  // apart), shared by text flushes and the other events so the total stays within the cap.
  const recentPublishes: number[] = [];
  let cancelScheduled: (() => void) | undefined;

  function maxFps(): number {
    return Math.max(0, getOptions().maxFps ?? 60);
  }

  function mayPublishAt(time: number): boolean {
    const cap = maxFps();
    if (cap === 0) return true;
    const last = recentPublishes[recentPublishes.length - 1];
    if (last !== undefined && time - last < 500 / cap) return false;
    if (recentPublishes.length < cap) return true;
    return time - (recentPublishes[recentPublishes.length - cap] as number) >= 1000;
  }

  function snapshot(current: Run): StreamState {
    const toolCalls: ToolCallState[] = [];
    for (const call of current.toolCalls.values()) {
      if (call.view === undefined) {
        call.view = { id: call.id, name: call.name, argsText: call.argsText, args: parseArgs(call.argsText) };
      }
      toolCalls.push(call.view);
    }
    const unchangedCalls =
      toolCalls.length === state.toolCalls.length && toolCalls.every((call, i) => call === state.toolCalls[i]);
    return {
      text: current.flushedText,
      status: current.status,
      error: undefined,
      usage: current.usage,
      reasoning: current.reasoning,
      toolCalls: unchangedCalls ? state.toolCalls : toolCalls,
      finishReason: current.finishReason,
    };
  }

  function emit(next: StreamState): void {
    state = next;
    for (const listener of [...listeners]) listener();
  }

  function publishNow(current: Run): void {
    cancelScheduled?.();
    cancelScheduled = undefined;
    const cap = maxFps();
    if (cap > 0) {
      recentPublishes.push(now());
      if (recentPublishes.length > cap) recentPublishes.splice(0, recentPublishes.length - cap);
    }
    emit(snapshot(current));
  }

  function onFrame(current: Run): void {
    cancelScheduled = undefined;
    if (run !== current) return;
    if (mayPublishAt(now())) publishNow(current);
    else cancelScheduled = (getOptions().schedule ?? defaultSchedule)(() => onFrame(current));
  }

  /** Publish now if the cap allows, else on a later frame. `eager` is for text flushes. */
  function requestPublish(current: Run, eager: boolean): void {
    if (eager && mayPublishAt(now())) {
      publishNow(current);
      return;
    }
    if (maxFps() === 0) {
      publishNow(current);
      return;
    }
    if (cancelScheduled === undefined) {
      cancelScheduled = (getOptions().schedule ?? defaultSchedule)(() => onFrame(current));
    }
  }

  /** End `current` with a final status, flushing everything at once. */
  function finish(current: Run, status: 'done' | 'error' | 'aborted', error?: StreamError): void {
    run = undefined;
    current.status = status;
    current.buffer.end();
    current.flushedText = current.buffer.text;
    cancelScheduled?.();
    cancelScheduled = undefined;
    emit({ ...snapshot(current), error });
  }

  function handleEvent(current: Run, event: StreamEvent): void {
    getOptions().onEvent?.(event);
    if (run !== current) return;
    const wasConnecting = current.status === 'connecting';
    current.status = 'streaming';
    switch (event.type) {
      case 'text':
        current.buffer.push(event.delta);
        // The status change rides on the next text flush.
        return;
      case 'reasoning':
        current.reasoning += event.delta;
        break;
      case 'tool-call': {
        let call = current.toolCalls.get(event.id);
        if (call === undefined) {
          call = { id: event.id, name: '', argsText: '', view: undefined };
          current.toolCalls.set(event.id, call);
        }
        if (event.name) call.name = event.name;
        call.argsText += event.argsDelta;
        call.view = undefined;
        break;
      }
      case 'usage':
        current.usage = { ...current.usage, ...event.usage };
        break;
      case 'done':
        current.finishReason = event.finishReason;
        if (!wasConnecting) return;
        break;
    }
    requestPublish(current, false);
  }

  async function consume(current: Run, starter: StreamStarter): Promise<void> {
    const { signal } = current.abort;
    try {
      const { format, idleTimeoutMs } = getOptions();
      const source = await resolveSource(starter, current.abort, idleTimeoutMs);
      if (run !== current) {
        discardSource(source);
        return;
      }
      for await (const event of readStream(source, { format, signal, idleTimeoutMs })) {
        if (run !== current) return;
        handleEvent(current, event);
      }
      if (run !== current) return;
      finish(current, 'done');
      getOptions().onDone?.(state);
    } catch (caught) {
      if (run !== current) return;
      const error = toStreamError(caught);
      if (error.code === 'aborted' || (signal.aborted && error.code !== 'timeout')) {
        finish(current, 'aborted');
        return;
      }
      finish(current, 'error', error);
      getOptions().onError?.(error, state);
    }
  }

  function abortRun(): Run | undefined {
    const current = run;
    if (current === undefined) return undefined;
    run = undefined;
    current.abort.abort();
    return current;
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    start(starter) {
      const previous = abortRun();
      previous?.buffer.cancel();
      const { smoothing, schedule } = getOptions();
      const current: Run = {
        abort: new AbortController(),
        buffer: createDeltaBuffer({
          maxFps: maxFps(),
          smoothing,
          schedule: schedule ?? defaultSchedule,
          onFlush(text) {
            if (run !== current) return;
            current.flushedText = text;
            requestPublish(current, true);
          },
        }),
        status: 'connecting',
        flushedText: '',
        reasoning: '',
        toolCalls: new Map(),
        usage: undefined,
        finishReason: undefined,
      };
      run = current;
      publishNow(current);
      void consume(current, starter);
    },
    stop() {
      const current = abortRun();
      if (current !== undefined) finish(current, 'aborted');
    },
    reset() {
      abortRun()?.buffer.cancel();
      cancelScheduled?.();
      cancelScheduled = undefined;
      if (state !== initialStreamState) emit(initialStreamState);
    },
  };
}
