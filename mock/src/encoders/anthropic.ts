/**
 * Anthropic Messages streaming: `message_start`, then per content block `content_block_start`,
 * `content_block_delta` (`text_delta`, `thinking_delta`, `input_json_delta`) and
 * `content_block_stop` (a thinking block gets its `signature_delta` first), then `message_delta`
 * with the stop reason and usage, and `message_stop`. Errors are `event: error`.
 */
import { type EncoderContext, type MockDelta, mockId, SSE_HEADERS, sse, type WireEncoder } from './types.js';

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

interface OpenBlock {
  index: number;
  kind: MockDelta['type'];
  toolId?: string;
}

export function createAnthropicEncoder(context: EncoderContext): WireEncoder {
  let open: OpenBlock | undefined;
  let nextIndex = 0;
  let lastKind: MockDelta['type'] | undefined;

  const event = (type: string, data: Record<string, unknown>) => sse({ type, ...data }, type);

  const closeBlock = (): string => {
    if (!open) return '';
    const signature =
      open.kind === 'reasoning'
        ? event('content_block_delta', {
            index: open.index,
            delta: { type: 'signature_delta', signature: `mocksig${context.seed}` },
          })
        : '';
    const stop = event('content_block_stop', { index: open.index });
    open = undefined;
    return signature + stop;
  };

  const startBlock = (delta: MockDelta): string => {
    const index = nextIndex++;
    open = { index, kind: delta.type, ...(delta.type === 'tool-call' ? { toolId: delta.id } : {}) };
    const block =
      delta.type === 'text'
        ? { type: 'text', text: '' }
        : delta.type === 'reasoning'
          ? { type: 'thinking', thinking: '', signature: '' }
          : { type: 'tool_use', id: delta.id, name: delta.name, input: {} };
    return event('content_block_start', { index, content_block: block });
  };

  return {
    contentType: 'text/event-stream; charset=utf-8',
    headers: SSE_HEADERS,
    canSignalError: true,
    open: () =>
      event('message_start', {
        message: {
          id: mockId('msg_', context.seed),
          type: 'message',
          role: 'assistant',
          model: context.model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: context.usage.inputTokens, output_tokens: 1 },
        },
      }) + event('ping', {}),
    delta(delta) {
      lastKind = delta.type;
      const sameBlock = open?.kind === delta.type && (delta.type !== 'tool-call' || open.toolId === delta.id);
      const prefix = sameBlock ? '' : closeBlock() + startBlock(delta);
      const index = open!.index;
      const payload =
        delta.type === 'text'
          ? { type: 'text_delta', text: delta.delta }
          : delta.type === 'reasoning'
            ? { type: 'thinking_delta', thinking: delta.delta }
            : { type: 'input_json_delta', partial_json: delta.argsDelta };
      return prefix + event('content_block_delta', { index, delta: payload });
    },
    finish: () =>
      closeBlock() +
      event('message_delta', {
        delta: { stop_reason: lastKind === 'tool-call' ? 'tool_use' : 'end_turn', stop_sequence: null },
        usage: { output_tokens: context.usage.outputTokens },
      }) +
      event('message_stop', {}),
    error: (message) => event('error', { error: { type: 'overloaded_error', message } }),
    httpErrorBody: (status, message) =>
      JSON.stringify({
        type: 'error',
        error: { type: ERROR_TYPES[status] ?? 'api_error', message },
        request_id: mockId('req_', context.seed),
      }),
  };
}
