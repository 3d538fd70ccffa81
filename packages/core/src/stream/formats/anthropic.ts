/**
 * `'anthropic'`: the Anthropic Messages stream.
 *
 * `message_start` reports input tokens; `content_block_start` of a `tool_use` (or
 * `server_tool_use`, a tool the server runs, such as web search) block gives the call's id and
 * name, whose `input_json_delta`s follow by block index. A tool without parameters streams a single
 * empty `partial_json`: then, at `content_block_stop`, the block's own `input` (`{}`) is reported as
 * the arguments, so they always parse. `text_delta` is text, `thinking_delta` reasoning.
 * `message_delta` carries the stop reason and output tokens; `message_stop` is the terminal event.
 * `ping` is ignored; `event: error` throws `'provider'` with its message.
 *
 * A `citations_delta` whose citation has a URL (web search results) is a source.
 *
 * Skipped on purpose: `signature_delta` and `redacted_thinking` blocks (opaque, for sending the turn
 * back), citations without a URL (document locations), and tool result blocks such as
 * `web_search_tool_result` (results, not the answer: the answer cites the ones it used).
 */

import {
  asNumber,
  asRecord,
  asString,
  type Emit,
  emitDone,
  emitReasoning,
  emitSource,
  emitText,
  type FormatDecoder,
  isRecord,
  parseObject,
  throwProviderError,
  UsageAccumulator,
} from './shared';

const NAME = 'anthropic';

interface ToolBlock {
  id: string;
  /** The `input` of `content_block_start`: the arguments when none stream. */
  input: unknown;
  hasStreamedInput: boolean;
  isClosed: boolean;
}

export function createAnthropicDecoder(): FormatDecoder {
  /** Tool use blocks by content block index. */
  const toolBlocks = new Map<number, ToolBlock>();
  const usage = new UsageAccumulator();
  let stopReason: string | undefined;

  /** Reports the `input` of a tool block whose arguments did not stream, once. */
  function closeToolBlock(block: ToolBlock | undefined, emit: Emit): void {
    if (!block || block.isClosed) return;
    block.isClosed = true;
    if (!block.hasStreamedInput) {
      emit({ type: 'tool-call', id: block.id, argsDelta: JSON.stringify(isRecord(block.input) ? block.input : {}) });
    }
  }

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
          const index = asNumber(payload.index) ?? toolBlocks.size;
          const id = asString(block.id) ?? `toolu_${index}`;
          toolBlocks.set(index, { id, input: block.input, hasStreamedInput: false, isClosed: false });
          emit({ type: 'tool-call', id, name: asString(block.name) ?? '', argsDelta: '' });
          break;
        }
        case 'content_block_delta': {
          const delta = asRecord(payload.delta);
          if (delta?.type === 'text_delta') emitText(emit, delta.text);
          else if (delta?.type === 'thinking_delta') emitReasoning(emit, delta.thinking);
          else if (delta?.type === 'citations_delta') {
            const citation = asRecord(delta.citation);
            emitSource(emit, citation?.url, citation?.title);
          } else if (delta?.type === 'input_json_delta') {
            const index = asNumber(payload.index) ?? -1;
            const argsDelta = asString(delta.partial_json) ?? '';
            const block = toolBlocks.get(index);
            if (argsDelta !== '') {
              if (block) block.hasStreamedInput = true;
              emit({ type: 'tool-call', id: block?.id ?? `toolu_${index}`, argsDelta });
            }
          }
          break;
        }
        case 'content_block_stop':
          closeToolBlock(toolBlocks.get(asNumber(payload.index) ?? -1), emit);
          break;
        case 'message_delta':
          stopReason = asString(asRecord(payload.delta)?.stop_reason) ?? stopReason;
          readUsage(payload.usage);
          break;
        case 'message_stop':
          for (const block of toolBlocks.values()) closeToolBlock(block, emit);
          usage.flush(emit);
          emitDone(emit, stopReason);
          break;
        case 'error':
          throwProviderError(NAME, payload);
          break;
        default:
          // ping and future event types carry nothing to show.
          if (event.event === 'error') throwProviderError(NAME, payload);
      }
    },
  };
}
