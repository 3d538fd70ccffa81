/**
 * `'ndjson'`: generic JSON lines. Each line may be
 * - a `StreamEvent` itself (`{"type":"text","delta":"Hi"}`, `{"type":"done"}`, …), passed through;
 * - a JSON string, or an object with a string `text` or `delta`: a text delta;
 *   an object with a string `reasoning`: a reasoning delta;
 * - `{"error": …}`: throws `'provider'` with its message;
 * - `{"done": true}` (optionally with `finishReason`): ends the stream.
 * Other lines are ignored. The stream closing also ends the answer.
 */

import { asStreamEvent } from '../events';
import {
  asString,
  emitDone,
  emitReasoning,
  emitText,
  type FormatDecoder,
  isRecord,
  parseJson,
  throwProviderError,
} from './shared';

export function createNdjsonDecoder(): FormatDecoder {
  return {
    name: 'ndjson',
    framing: 'ndjson',
    terminal: undefined,
    decode(event, emit) {
      const value = parseJson(event.data, 'ndjson');
      if (typeof value === 'string') {
        emitText(emit, value);
        return;
      }
      if (!isRecord(value)) return;
      const streamEvent = asStreamEvent(value);
      if (streamEvent) {
        emit(streamEvent);
        return;
      }
      if (value.error !== undefined && value.error !== null) throwProviderError('ndjson', value);
      emitText(emit, value.text ?? value.delta);
      emitReasoning(emit, value.reasoning);
      if (value.done === true) emitDone(emit, asString(value.finishReason));
    },
  };
}
