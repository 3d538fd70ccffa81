/**
 * `'text'`: every decoded chunk is a text delta. The stream ending is the end of the answer.
 */

import { emitText, type FormatDecoder } from './shared';

export function createTextDecoder(): FormatDecoder {
  return {
    name: 'text',
    framing: 'text',
    terminal: undefined,
    decode(event, emit) {
      emitText(emit, event.data);
    },
  };
}
