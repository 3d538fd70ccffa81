/**
 * `'sse'`: generic Server-Sent Events. Each `data` payload is a text delta, taken as is (JSON
 * payloads are not guessed at: use a provider format). `data: [DONE]` ends the stream, as does the
 * stream closing. An `event: error` message throws `'provider'` with its data (or the data's
 * `error.message` when it is JSON).
 */

import { emitText, errorMessageOf, type FormatDecoder, throwProviderError } from './shared';

export function createSseDecoder(): FormatDecoder {
  return {
    name: 'sse',
    framing: 'sse',
    terminal: undefined,
    decode(event, emit) {
      if (event.event === 'error') throwProviderError('sse', errorBody(event.data), 'error event');
      if (event.data === '[DONE]') {
        emit({ type: 'done' });
        return;
      }
      emitText(emit, event.data);
    },
  };
}

function errorBody(data: string): unknown {
  try {
    const parsed: unknown = JSON.parse(data);
    return errorMessageOf(parsed) === undefined ? data : parsed;
  } catch {
    return data;
  }
}
