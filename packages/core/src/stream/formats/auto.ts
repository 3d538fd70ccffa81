/**
 * `'auto'`: picks the decoder from the framing (already sniffed from Content-Type or the first
 * bytes) and the first event. Text framing reads as `'text'`; SSE and NDJSON events that match no
 * provider read as generic `'sse'` / `'ndjson'`.
 */

import { classifyEvent } from '../detect';
import { type ConcreteFormat, createBuiltInDecoder } from './registry';
import { type FormatDecoder, type Framing, throwProviderError } from './shared';

export function createAutoDecoder(framing: Framing): FormatDecoder {
  if (framing === 'text') return createBuiltInDecoder('text');
  let inner: FormatDecoder | undefined;
  return {
    name: 'auto',
    framing,
    get terminal() {
      return inner?.terminal;
    },
    decode(event, emit) {
      if (!inner) {
        const detected = classifyEvent(event);
        if (detected === 'error') throwProviderError('stream', parseErrorBody(event.data));
        const format: ConcreteFormat = detected ?? (framing === 'ndjson' ? 'ndjson' : 'sse');
        inner = createBuiltInDecoder(format);
      }
      inner.decode(event, emit);
    },
  };
}

function parseErrorBody(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}
