/**
 * `'ollama'`: Ollama's native NDJSON streams, `/api/chat` (`message.content`, `message.thinking`,
 * `message.tool_calls`) and `/api/generate` (`response`, `thinking`).
 *
 * Tool calls arrive whole (arguments as an object), so each is one `tool-call` event with its
 * arguments as JSON text (id from the call, else `call_<n>`). The line with `done: true` carries
 * `done_reason` and the eval counts (usage) and is the terminal event. `{"error": …}` throws
 * `'provider'`.
 */

import {
  asNumber,
  asRecord,
  asString,
  emitDone,
  emitReasoning,
  emitText,
  type FormatDecoder,
  parseObject,
  throwProviderError,
  UsageAccumulator,
} from './shared';

const NAME = 'ollama';

export function createOllamaDecoder(): FormatDecoder {
  const usage = new UsageAccumulator();
  let calls = 0;

  return {
    name: NAME,
    framing: 'ndjson',
    terminal: '"done": true',
    decode(event, emit) {
      const line = parseObject(event.data, NAME);
      if (line.error !== undefined && line.error !== null) throwProviderError(NAME, line);
      const message = asRecord(line.message);
      emitReasoning(emit, message?.thinking ?? line.thinking);
      emitText(emit, message ? message.content : line.response);
      if (Array.isArray(message?.tool_calls)) {
        for (const item of message.tool_calls) {
          const call = asRecord(item);
          const fn = asRecord(call?.function);
          if (!fn) continue;
          const id = asString(call?.id) ?? `call_${calls}`;
          calls++;
          const args = typeof fn.arguments === 'string' ? fn.arguments : JSON.stringify(fn.arguments ?? {});
          emit({ type: 'tool-call', id, name: asString(fn.name) ?? '', argsDelta: args });
        }
      }
      if (line.done === true) {
        usage.set({ inputTokens: asNumber(line.prompt_eval_count), outputTokens: asNumber(line.eval_count) });
        usage.flush(emit);
        emitDone(emit, asString(line.done_reason));
      }
    },
  };
}
