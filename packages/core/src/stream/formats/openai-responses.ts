/**
 * `'openai-responses'`: the OpenAI Responses API stream (`event: response.*`).
 *
 * `response.output_text.delta` is text, and so is `response.refusal.delta` (what the model says
 * instead of an answer). `response.reasoning_summary_text.delta` and
 * `response.reasoning_text.delta` are reasoning; a summary part that follows earlier reasoning
 * starts a new paragraph (the parts carry no separator of their own, so they would otherwise run
 * together). A function call is announced by `response.output_item.added` (its `call_id` and
 * `name`) and its arguments stream as `response.function_call_arguments.delta` keyed by item id.
 * `response.completed` (or `response.incomplete`) carries usage and is the terminal event;
 * `response.failed` and `error` throw `'provider'`.
 *
 * A `response.output_text.annotation.added` of a `url_citation` is a source.
 *
 * Skipped on purpose: the `*.done` events (they repeat what the deltas said), encrypted reasoning,
 * annotations without a URL (file citations), and the items of tools the server runs (`web_search_call`, `file_search_call`,
 * `code_interpreter_call`, …) and of custom tools, whose input is free text rather than JSON
 * arguments.
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
  parseObject,
  throwProviderError,
  UsageAccumulator,
} from './shared';

const NAME = 'openai-responses';

export function createOpenAIResponsesDecoder(): FormatDecoder {
  /** Output item id (`fc_…`) to the call id the caller answers with (`call_…`). */
  const callIds = new Map<string, string>();
  const usage = new UsageAccumulator();
  let hasReasoning = false;

  function addReasoning(delta: unknown, emit: Emit): void {
    if (typeof delta !== 'string' || delta === '') return;
    hasReasoning = true;
    emitReasoning(emit, delta);
  }

  function finish(payload: Record<string, unknown>, emit: Emit, fallbackReason: string): void {
    const response = asRecord(payload.response);
    const reported = asRecord(response?.usage);
    if (reported) {
      usage.set({
        inputTokens: asNumber(reported.input_tokens),
        outputTokens: asNumber(reported.output_tokens),
        totalTokens: asNumber(reported.total_tokens),
      });
    }
    usage.flush(emit);
    const details = asRecord(response?.incomplete_details);
    emitDone(emit, asString(details?.reason) ?? asString(response?.status) ?? fallbackReason);
  }

  return {
    name: NAME,
    framing: undefined,
    terminal: 'response.completed',
    decode(event, emit) {
      if (event.data === '[DONE]') return;
      const payload = parseObject(event.data, NAME);
      const type = asString(payload.type) ?? event.event;
      switch (type) {
        case 'response.output_text.delta':
        case 'response.refusal.delta':
          emitText(emit, payload.delta);
          break;
        case 'response.reasoning_summary_part.added':
          if (hasReasoning) emitReasoning(emit, '\n\n');
          break;
        case 'response.reasoning_summary_text.delta':
        case 'response.reasoning_text.delta':
          addReasoning(payload.delta, emit);
          break;
        case 'response.output_item.added': {
          const item = asRecord(payload.item);
          if (item?.type !== 'function_call') break;
          const itemId = asString(item.id);
          const callId = asString(item.call_id) ?? itemId ?? `call_${callIds.size}`;
          if (itemId !== undefined) callIds.set(itemId, callId);
          emit({
            type: 'tool-call',
            id: callId,
            name: asString(item.name) ?? '',
            argsDelta: asString(item.arguments) ?? '',
          });
          break;
        }
        case 'response.output_text.annotation.added': {
          const annotation = asRecord(payload.annotation);
          if (annotation?.type === 'url_citation') emitSource(emit, annotation.url, annotation.title);
          break;
        }
        case 'response.function_call_arguments.delta': {
          const itemId = asString(payload.item_id) ?? '';
          const delta = asString(payload.delta) ?? '';
          if (delta !== '') emit({ type: 'tool-call', id: callIds.get(itemId) ?? itemId, argsDelta: delta });
          break;
        }
        case 'response.completed':
          finish(payload, emit, 'completed');
          break;
        case 'response.incomplete':
          finish(payload, emit, 'incomplete');
          break;
        case 'response.failed':
          throwProviderError(NAME, asRecord(payload.response) ?? payload, 'response failed');
          break;
        case 'error':
          throwProviderError(NAME, payload);
          break;
        default:
          if (payload.error !== undefined && payload.error !== null && type === undefined) {
            throwProviderError(NAME, payload);
          }
      }
    },
  };
}
