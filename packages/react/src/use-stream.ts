/**
 * `useStream`: a thin React adapter over the stream controller. The controller is created once;
 * the component subscribes with `useSyncExternalStore`, so it re-renders only when a snapshot is
 * published (at most `maxFps` times a second). Unmounting aborts the request.
 */
import type { StreamError, StreamEvent, StreamFormat, StreamUsage } from '@rivulet/core';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import {
  createStreamController,
  type StreamControllerOptions,
  type StreamStarter,
  type StreamState,
  type StreamStatus,
  type ToolCallState,
} from './stream-controller';

export type { StreamStarter, StreamState, StreamStatus, ToolCallState };

export interface UseStreamOptions {
  /** Wire format of the source. Default `'auto'`. */
  format?: StreamFormat;
  /** Re-render at most this many times a second. Default 60; 0 renders every event. */
  maxFps?: number;
  /** Pace bursts of text over the following frames instead of showing them in one jump. */
  smoothing?: boolean;
  /** Silence longer than this ends the stream with `StreamError('timeout')`. Default 0 (off). */
  idleTimeoutMs?: number;
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
  status: StreamStatus;
  /** The failure, when `status` is `'error'`. */
  error: StreamError | undefined;
  usage: StreamUsage | undefined;
  reasoning: string;
  toolCalls: ToolCallState[];
  /**
   * Read a source. Pass a function of the signal (`(signal) => fetch(url, { signal })`) so `stop()`
   * aborts the request itself. A stream already running is aborted first.
   */
  start(source: StreamStarter): void;
  /** Abort the request; keeps the text; status `'aborted'`. Safe to call at any time. */
  stop(): void;
  /** Abort silently and clear everything back to `'idle'`. */
  reset(): void;
}

/** `useLayoutEffect` in the browser, nothing on the server (where effects never run anyway). */
export const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/** A ref that always holds the latest committed value, for callbacks read outside render. */
export function useLatestRef<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useIsomorphicLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}

/**
 * Read an LLM stream into React state, re-rendering at most `maxFps` times a second.
 *
 * @example
 * const stream = useStream({ format: 'openai' });
 * <button onClick={() => stream.start((signal) => fetch('/api/answer', { signal }))}>Ask</button>
 * <Markdown streaming={stream.status === 'streaming'}>{stream.text}</Markdown>
 */
export function useStream(options: UseStreamOptions = {}): UseStreamResult {
  const optionsRef = useLatestRef<StreamControllerOptions>(options);
  const [controller] = useState(() => createStreamController(() => optionsRef.current));
  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);

  // Unmounting cancels the request; a StrictMode re-mount finds the controller idle or aborted.
  useEffect(() => () => controller.stop(), [controller]);

  return useMemo(
    () => ({
      text: state.text,
      status: state.status,
      error: state.error,
      usage: state.usage,
      reasoning: state.reasoning,
      toolCalls: state.toolCalls,
      start: controller.start,
      stop: controller.stop,
      reset: controller.reset,
    }),
    [state, controller],
  );
}
