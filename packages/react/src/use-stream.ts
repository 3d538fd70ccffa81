/**
 * `useStream`: a thin React adapter over core's stream controller, the way TanStack Query's React
 * layer sits on query-core. The controller is created once; the component subscribes with
 * `useSyncExternalStore`, so it re-renders only when a snapshot is published (at most `maxFps`
 * times a second). Settings reach the controller in an effect, callbacks through a ref, so changing
 * either never restarts a stream. Unmounting aborts the request.
 */
import {
  createStreamController,
  type GrowingText,
  type MessagePart,
  type ResumeOption,
  type StreamControllerOptions,
  type StreamError,
  type StreamEvent,
  type StreamFormat,
  type StreamStarter,
  type StreamState,
  type StreamStatus,
  type StreamUsage,
  type ToolCallState,
} from '@rivulet/core';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useIsomorphicLayoutEffect, useLatestRef } from './use-latest-ref';

/** Kept here too for modules that import them from this file. */
export { useIsomorphicLayoutEffect, useLatestRef } from './use-latest-ref';
export type { GrowingText, StreamStarter, StreamState, StreamStatus, ToolCallState };

export interface UseStreamOptions {
  /** Wire format of the source. Default `'auto'`. */
  format?: StreamFormat;
  /** Re-render at most this many times a second. Default 60; 0 renders every event. */
  maxFps?: number;
  /** Pace bursts of text over the following frames instead of showing them in one jump. */
  smoothing?: boolean;
  /** Silence longer than this ends the stream with `StreamError('timeout')`. Default 0 (off). */
  idleTimeoutMs?: number;
  /** Reconnect after a drop: a function `({ lastEventId, text, signal }) => source`, or options with one. */
  resume?: ResumeOption;
  /** The stream ended normally; receives the final state. */
  onDone?: (state: StreamState) => void;
  /** The stream failed; the text received so far stays in `text`. */
  onError?: (error: StreamError, state: StreamState) => void;
  /** Every event as it arrives, before buffering. */
  onEvent?: (event: StreamEvent) => void;
}

export interface UseStreamResult {
  /** Everything received so far; kept after an error or a stop. */
  text: string;
  /**
   * `text` as a `GrowingText`, for `<Markdown>`: each update then reads only what was appended
   * instead of the whole answer again (see `MarkdownProps.children`).
   */
  growingText: GrowingText;
  status: StreamStatus;
  /** The failure, when `status` is `'error'`. */
  error: StreamError | undefined;
  usage: StreamUsage | undefined;
  reasoning: string;
  toolCalls: ToolCallState[];
  /** Text, reasoning, tool calls, sources and files in the order they arrived (see `MessagePart`). */
  parts: MessagePart[];
  /** The connection dropped and the stream is being resumed. */
  reconnecting: boolean;
  /**
   * Read a source. Pass a function of the signal (`(signal) => fetch(url, { signal })`) so `stop()`
   * aborts the request itself. A stream already running is aborted first.
   */
  start(source: StreamStarter): void;
  /** Abort the request (or a pending reconnection); keeps the text; status `'aborted'`. Safe to call at any time. */
  stop(): void;
  /** Abort silently and clear everything back to `'idle'`. */
  reset(): void;
}

/** The controller's options: the settings as given, the callbacks read from the latest render. */
function controllerOptions(
  { format, maxFps, smoothing, idleTimeoutMs, resume }: UseStreamOptions,
  latest: { readonly current: UseStreamOptions },
): StreamControllerOptions {
  return {
    format,
    maxFps,
    smoothing,
    idleTimeoutMs,
    resume,
    onDone: (state) => latest.current.onDone?.(state),
    onError: (error, state) => latest.current.onError?.(error, state),
    onEvent: (event) => latest.current.onEvent?.(event),
  };
}

/**
 * Read an LLM stream into React state, re-rendering at most `maxFps` times a second.
 *
 * @example
 * const stream = useStream({ format: 'openai' });
 * <button onClick={() => stream.start((signal) => fetch('/api/answer', { signal }))}>Ask</button>
 * <Markdown streaming={stream.status === 'streaming'}>{stream.growingText}</Markdown>
 */
export function useStream(options: UseStreamOptions = {}): UseStreamResult {
  const latest = useLatestRef(options);
  const [controller] = useState(() => createStreamController(controllerOptions(options, latest)));
  const { format, maxFps, smoothing, idleTimeoutMs, resume } = options;
  useIsomorphicLayoutEffect(() => {
    controller.setOptions(controllerOptions({ format, maxFps, smoothing, idleTimeoutMs, resume }, latest));
  }, [controller, latest, format, maxFps, smoothing, idleTimeoutMs, resume]);
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot, controller.getSnapshot);

  // Unmounting cancels the request; a StrictMode re-mount finds the controller idle or aborted.
  useEffect(() => () => controller.stop(), [controller]);

  return useMemo(
    () => ({
      text: state.text,
      growingText: state.growingText,
      status: state.status,
      error: state.error,
      usage: state.usage,
      reasoning: state.reasoning,
      toolCalls: state.toolCalls,
      parts: state.parts,
      reconnecting: state.reconnecting,
      start: controller.start,
      stop: controller.stop,
      reset: controller.reset,
    }),
    [state, controller],
  );
}
