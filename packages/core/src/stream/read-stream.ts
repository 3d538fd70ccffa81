import type { ReadStreamOptions, StreamEvent, StreamSource } from './types';

/** Placeholder until the stream reader lands. */
export function readStream(_source: StreamSource, _options: ReadStreamOptions = {}): AsyncIterable<StreamEvent> {
  throw new Error('[rivulet] readStream: not implemented yet');
}
