/**
 * `'cohere'`: Cohere v2 chat stream (`event: message-start`, `content-delta`, …).
 *
 * `content-delta` text is text and its `thinking` is reasoning; `tool-plan-delta` (the model's plan
 * before calling tools) is reasoning too. `tool-call-start` gives a call's id and name,
 * `tool-call-delta` its argument text, both keyed by index; a call of a tool without parameters
 * streams no argument text at all, so `tool-call-end` then reports `{}`, and the arguments always
 * parse. `message-end` carries the finish reason and usage (actual `tokens`, else `billed_units`)
 * and is the terminal event. An `error` event or body throws `'provider'`.
 *
 * Skipped on purpose: `citation-start` / `citation-end` (sources of text already streamed;
 * `StreamEvent` has no sources).
 */

import {
  asNumber,
  asRecord,
  asString,
  type Emit,
  emitDone,
  emitReasoning,
  emitText,
  type FormatDecoder,
  parseObject,
  throwProviderError,
  UsageAccumulator,
} from './shared';

const NAME = 'cohere';

/** The `delta.message` object every Cohere v2 event nests its payload in. */
function messageOf(payload: Record<string, unknown>): Record<string, unknown> | undefined {
  return asRecord(asRecord(payload.delta)?.message);
}

interface ToolCall {
  id: string;
  hasArgs: boolean;
  isClosed: boolean;
}

export function createCohereDecoder(): FormatDecoder {
  const toolCalls = new Map<number, ToolCall>();
  const usage = new UsageAccumulator();

  /** Reports `{}` for a call whose arguments never came, once. */
  function closeToolCall(call: ToolCall | undefined, emit: Emit): void {
    if (!call || call.isClosed) return;
    call.isClosed = true;
    if (!call.hasArgs) emit({ type: 'tool-call', id: call.id, argsDelta: '{}' });
  }

  return {
    name: NAME,
    framing: undefined,
    terminal: 'message-end',
    decode(event, emit) {
      const payload = parseObject(event.data, NAME);
      const type = asString(payload.type) ?? event.event;
      switch (type) {
        case 'content-delta': {
          const content = asRecord(messageOf(payload)?.content);
          emitReasoning(emit, content?.thinking);
          emitText(emit, content?.text);
          break;
        }
        case 'tool-plan-delta':
          emitReasoning(emit, messageOf(payload)?.tool_plan);
          break;
        case 'tool-call-start': {
          const call = asRecord(messageOf(payload)?.tool_calls);
          const index = asNumber(payload.index) ?? toolCalls.size;
          const id = asString(call?.id) ?? `call_${index}`;
          const fn = asRecord(call?.function);
          const argsDelta = asString(fn?.arguments) ?? '';
          toolCalls.set(index, { id, hasArgs: argsDelta !== '', isClosed: false });
          emit({ type: 'tool-call', id, name: asString(fn?.name) ?? '', argsDelta });
          break;
        }
        case 'tool-call-delta': {
          const call = asRecord(messageOf(payload)?.tool_calls);
          const argsDelta = asString(asRecord(call?.function)?.arguments) ?? '';
          const index = asNumber(payload.index) ?? -1;
          const known = toolCalls.get(index);
          if (argsDelta !== '') {
            if (known) known.hasArgs = true;
            emit({ type: 'tool-call', id: known?.id ?? `call_${index}`, argsDelta });
          }
          break;
        }
        case 'tool-call-end':
          closeToolCall(toolCalls.get(asNumber(payload.index) ?? -1), emit);
          break;
        case 'message-end': {
          const delta = asRecord(payload.delta);
          const reported = asRecord(delta?.usage);
          const tokens = asRecord(reported?.tokens) ?? asRecord(reported?.billed_units);
          if (tokens) {
            usage.set({ inputTokens: asNumber(tokens.input_tokens), outputTokens: asNumber(tokens.output_tokens) });
          }
          for (const call of toolCalls.values()) closeToolCall(call, emit);
          usage.flush(emit);
          emitDone(emit, asString(delta?.finish_reason));
          break;
        }
        case 'error':
          throwProviderError(NAME, payload);
          break;
        default:
          if (payload.error !== undefined && payload.error !== null) throwProviderError(NAME, payload);
      }
    },
  };
}
