import type { StreamError, StreamSource } from '@rivulet/core';

export type StreamStatus = 'idle' | 'connecting' | 'streaming' | 'done' | 'error' | 'aborted';

export interface UseStreamResult {
  text: string;
  status: StreamStatus;
  error: StreamError | undefined;
  start(source: StreamSource | ((signal: AbortSignal) => StreamSource | Promise<StreamSource>)): void;
  stop(): void;
  reset(): void;
}

/** Placeholder until the hook lands. */
export function useStream(): UseStreamResult {
  return { text: '', status: 'idle', error: undefined, start() {}, stop() {}, reset() {} };
}
