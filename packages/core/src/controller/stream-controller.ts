/**
 * Stream controller: runs one answer at a time through `readStream` into immutable snapshots, and
 * resumes it after a drop. Framework-free: `useStream` and the chat are thin layers over it.
 *
 * Invariants: one frame gate decides when a snapshot is published (at most `maxFps` a second while
 * streaming; the last one of a run, a stop and a drop at once); the text is held once, in the run's
 * pacer, and only ever appended to; `text` is never cleared by an error or a stop; a superseded or
 * stopped run never publishes again, and stopping aborts whatever it is doing (the request, the
 * read, the wait before a reconnection). A resumed answer ends exactly as an undropped one: what
 * came after the last SSE id is forgotten at the drop, since the server sends it again.
 */
import { createFrameGate, type FrameGate } from '../buffer/frame-gate';
import { GrowingText } from '../buffer/growing-text';
import { isStreamError, type StreamError } from '../stream/errors';
import { isOpened, readStreamFrom, toStreamError } from '../stream/read-stream';
import type { StreamEvent, StreamEventIterable, StreamSource } from '../stream/types';
import { Answer } from './answer';
import { isResumable, planResume, wait } from './resume';
import type {
  StreamController,
  StreamControllerOptions,
  StreamStarter,
  StreamStartOptions,
  StreamState,
  StreamStatus,
} from './types';

export const initialStreamState: StreamState = Object.freeze({
  text: '',
  growingText: GrowingText.from(''),
  status: 'idle',
  error: undefined,
  usage: undefined,
  reasoning: '',
  toolCalls: Object.freeze([]) as unknown as StreamState['toolCalls'],
  parts: Object.freeze([]) as unknown as StreamState['parts'],
  finishReason: undefined,
  reconnecting: false,
  lastEventId: undefined,
}) as StreamState;

interface Run {
  abort: AbortController;
  /** The settings it started with: a run keeps them to its end. */
  settings: StreamControllerOptions;
  startOptions: StreamStartOptions;
  answer: Answer;
  gate: FrameGate;
  status: StreamStatus;
  reconnecting: boolean;
  lastEventId: string | undefined;
}

type Connect = (signal: AbortSignal) => StreamSource | Promise<StreamSource>;

/** Calls `connect`, turning a synchronous throw into a rejected source. */
function open(connect: Connect, signal: AbortSignal): StreamSource | Promise<StreamSource> {
  try {
    return connect(signal);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** An abort controller for one connection attempt, aborted with its run. */
function attemptOf(run: AbortSignal): { controller: AbortController; unlink: () => void } {
  const controller = new AbortController();
  const onAbort = () => controller.abort(run.reason);
  if (run.aborted) onAbort();
  else run.addEventListener('abort', onAbort, { once: true });
  return { controller, unlink: () => run.removeEventListener('abort', onAbort) };
}

function sameState(a: StreamState, b: StreamState): boolean {
  for (const key of Object.keys(a) as (keyof StreamState)[]) if (a[key] !== b[key]) return false;
  return true;
}

/**
 * Create a controller.
 *
 * @example
 * const controller = createStreamController({ format: 'openai' });
 * controller.subscribe(() => render(controller.getSnapshot()));
 * controller.start((signal) => fetch('/api/answer', { method: 'POST', signal }));
 */
export function createStreamController(initialOptions: StreamControllerOptions = {}): StreamController {
  let options = initialOptions;
  let state: StreamState = initialStreamState;
  let run: Run | undefined;
  const listeners = new Set<() => void>();

  function publish(current: Run, error?: StreamError): void {
    const { answer } = current;
    const toolCalls = answer.toolCalls.view();
    const shown = answer.text.shown;
    const next: StreamState = Object.freeze({
      text: shown,
      growingText: answer.text.growing,
      status: current.status,
      error,
      usage: answer.usage,
      reasoning: answer.reasoning,
      toolCalls,
      parts: answer.parts.view(shown, answer.text.growing, answer.reasoning, toolCalls, current.status === 'done'),
      finishReason: answer.finishReason,
      reconnecting: current.reconnecting,
      lastEventId: current.lastEventId,
    });
    if (sameState(state, next)) return;
    state = next;
    for (const listener of [...listeners]) listener();
  }

  /** Publishes at once, outside the frame rhythm (the count still applies to the cap). */
  function publishNow(current: Run, error?: StreamError): void {
    current.gate.record();
    current.answer.text.takeAll();
    publish(current, error);
  }

  function onFrame(current: Run): void {
    if (run !== current) return;
    const { text } = current.answer;
    if ((current.settings.maxFps ?? 60) <= 0) text.takeAll();
    else text.take();
    publish(current);
    if (text.hasWaiting) current.gate.request();
  }

  /** Ends `current` with a final status, showing everything received at once. */
  function finish(current: Run, status: 'done' | 'error' | 'aborted', error?: StreamError): void {
    if (run === current) run = undefined;
    current.status = status;
    current.reconnecting = false;
    publishNow(current, error);
    current.gate.cancel();
  }

  function handleEvent(current: Run, event: StreamEvent, events: StreamEventIterable): void {
    options.onEvent?.(event);
    if (run !== current) return;
    current.status = 'streaming';
    current.reconnecting = false;
    current.answer.apply(event);
    const id = events.lastEventId;
    if (id !== current.lastEventId) {
      current.lastEventId = id;
      current.answer.checkpoint();
    }
    // `done` is published by the finish that follows at once.
    if (event.type !== 'done') current.gate.request();
  }

  async function consume(current: Run, starter: StreamStarter): Promise<void> {
    const { format, idleTimeoutMs } = current.settings;
    let connect: Connect = typeof starter === 'function' ? starter : () => starter;
    let previous: StreamEventIterable | undefined;
    let failedAttempts = 0;
    let hasReceived = false;
    for (;;) {
      const attempt = attemptOf(current.abort.signal);
      const { signal } = attempt.controller;
      let progressed = false;
      let error: StreamError;
      try {
        const events = readStreamFrom(open(connect, signal), { format, signal, idleTimeoutMs }, previous);
        previous = events;
        for await (const event of events) {
          if (run !== current) return;
          progressed = true;
          hasReceived = true;
          handleEvent(current, event, events);
        }
        if (run !== current) return;
        finish(current, 'done');
        options.onDone?.(state);
        return;
      } catch (caught) {
        error = isStreamError(caught) ? caught : toStreamError(caught, { signal }, progressed ? 'read' : 'connect');
        // A failed attempt's request goes with it (a timeout before the response, too).
        attempt.controller.abort();
      } finally {
        attempt.unlink();
      }
      if (run !== current) return;
      if (error.code === 'aborted' || (current.abort.signal.aborted && error.code !== 'timeout')) {
        finish(current, 'aborted');
        return;
      }
      // Messages completed without events of their own may have moved the id at the very end.
      const lastEventId = previous === undefined ? current.lastEventId : previous.lastEventId;
      if (lastEventId !== current.lastEventId) {
        current.lastEventId = lastEventId;
        current.answer.checkpoint();
      }
      // A body that broke before its first event showed nothing: asking again from the start repeats nothing.
      const isBlankDrop = !hasReceived && error.code === 'interrupted' && previous !== undefined && isOpened(previous);
      const plan = planResume(current.settings.resume, current.startOptions.resume, lastEventId, isBlankDrop);
      const wasReconnection = failedAttempts > 0;
      if (progressed) failedAttempts = 0;
      if (plan === undefined || failedAttempts >= plan.attempts || !isResumable(error, wasReconnection)) {
        finish(current, 'error', error);
        options.onError?.(error, state);
        return;
      }
      failedAttempts += 1;
      const attemptNumber = failedAttempts;
      if (lastEventId !== undefined) current.answer.rollback();
      current.reconnecting = true;
      publishNow(current);
      if (!(await wait(plan.delay(attemptNumber), current.abort.signal)) || run !== current) return;
      const text = current.answer.text.text;
      connect = (attemptSignal) => plan.source({ lastEventId, text, signal: attemptSignal, attempt: attemptNumber });
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
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    setOptions(next) {
      options = next;
    },
    start(starter, startOptions = {}) {
      abortRun()?.gate.cancel();
      const settings = options;
      const current: Run = {
        abort: new AbortController(),
        settings,
        startOptions,
        answer: new Answer(settings.smoothing),
        gate: createFrameGate({
          maxFps: settings.maxFps,
          schedule: settings.schedule,
          onFrame: () => onFrame(current),
        }),
        status: 'connecting',
        reconnecting: false,
        lastEventId: undefined,
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
      abortRun()?.gate.cancel();
      if (state !== initialStreamState) {
        state = initialStreamState;
        for (const listener of [...listeners]) listener();
      }
    },
  };
}
