/**
 * `'anthropic'`: the Anthropic Messages stream.
 *
 * `message_start` reports input tokens; `content_block_start` of a `tool_use` (or
 * `server_tool_use`) block gives the call's id and name, whose `input_json_delta`s follow by block
 * index. `text_delta` is text, `thinking_delta` reasoning (signatures are dropped).
 * `message_delta` carries the stop reason and output tokens; `message_stop` is the terminal event.
 * `ping` is ignored; `event: error` throws `'provider'` with its message.
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

const NAME = 'anthropic';

export function createAnthropicDecoder(): FormatDecoder {
  /** Content block index to tool call id. */
  const toolIds = new Map<number, string>();
  const usage = new UsageAccumulator();
  let stopReason: string | undefined;

  function readUsage(value: unknown): void {
    const reported = asRecord(value);
    if (!reported) return;
    usage.set({ inputTokens: asNumber(reported.input_tokens), outputTokens: asNumber(reported.output_tokens) });
  }

  return {
    name: NAME,
    framing: undefined,
    terminal: 'message_stop',
    decode(event, emit) {
      const payload = parseObject(event.data, NAME);
      const type = asString(payload.type) ?? event.event;
      switch (type) {
        case 'message_start':
          readUsage(asRecord(payload.message)?.usage);
          break;
        case 'content_block_start': {
          const block = asRecord(payload.content_block);
          if (block?.type !== 'tool_use' && block?.type !== 'server_tool_use') break;
          const index = asNumber(payload.index) ?? toolIds.size;
          const id = asString(block.id) ?? `toolu_${index}`;
          toolIds.set(index, id);
          emit({ type: 'tool-call', id, name: asString(block.name) ?? '', argsDelta: '' });
          break;
        }
        case 'content_block_delta': {
          const delta = asRecord(payload.delta);
          if (delta?.type === 'text_delta') emitText(emit, delta.text);
          else if (delta?.type === 'thinking_delta') emitReasoning(emit, delta.thinking);
          else if (delta?.type === 'input_json_delta') {
            const index = asNumber(payload.index) ?? -1;
            const argsDelta = asString(delta.partial_json) ?? '';
            if (argsDelta !== '') emit({ type: 'tool-call', id: toolIds.get(index) ?? `toolu_${index}`, argsDelta });
          }
          break;
        }
        case 'message_delta':
          stopReason = asString(asRecord(payload.delta)?.stop_reason) ?? stopReason;
          readUsage(payload.usage);
          break;
        case 'message_stop':
          usage.flush(emit);
          emitDone(emit, stopReason);
          break;
        case 'error':
          throwProviderError(NAME, payload);
          break;
        default:
          // ping, content_block_stop and future event types carry nothing to show.
          if (event.event === 'error') throwProviderError(NAME, payload);
      }
    },
  };
}
