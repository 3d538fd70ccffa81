/**
 * OpenAI Chat Completions streaming (`stream: true`, `stream_options.include_usage`):
 * `chat.completion.chunk` objects as SSE `data:` lines, a final chunk with `finish_reason`,
 * a usage chunk with empty `choices`, then `data: [DONE]`. Reasoning goes out as
 * `delta.reasoning_content`, as OpenAI-compatible reasoning servers send it.
 */
import { type EncoderContext, type MockDelta, mockId, SSE_HEADERS, sse, type WireEncoder } from './types.js';

const ERROR_TYPES: Record<number, { type: string; code: string | null }> = {
  400: { type: 'invalid_request_error', code: null },
  401: { type: 'invalid_request_error', code: 'invalid_api_key' },
  404: { type: 'invalid_request_error', code: 'model_not_found' },
  429: { type: 'requests', code: 'rate_limit_exceeded' },
};

export function createOpenAIEncoder(context: EncoderContext): WireEncoder {
  const base = {
    id: mockId('chatcmpl-', context.seed),
    object: 'chat.completion.chunk',
    created: 1_735_689_600,
    model: context.model,
    system_fingerprint: 'fp_mock',
  };
  const toolIndexes = new Map<string, number>();
  let lastKind: MockDelta['type'] | undefined;
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) =>
    sse({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] });

  return {
    contentType: 'text/event-stream; charset=utf-8',
    headers: SSE_HEADERS,
    canSignalError: true,
    open: () => chunk({ role: 'assistant', content: '' }),
    delta(delta) {
      lastKind = delta.type;
      if (delta.type === 'text') return chunk({ content: delta.delta });
      if (delta.type === 'reasoning') return chunk({ reasoning_content: delta.delta });
      let index = toolIndexes.get(delta.id);
      if (index === undefined) {
        index = toolIndexes.size;
        toolIndexes.set(delta.id, index);
        return chunk({
          tool_calls: [
            { index, id: delta.id, type: 'function', function: { name: delta.name, arguments: delta.argsDelta } },
          ],
        });
      }
      return chunk({ tool_calls: [{ index, function: { arguments: delta.argsDelta } }] });
    },
    finish() {
      const { inputTokens, outputTokens } = context.usage;
      return (
        chunk({}, lastKind === 'tool-call' ? 'tool_calls' : 'stop') +
        sse({
          ...base,
          choices: [],
          usage: {
            prompt_tokens: inputTokens,
            completion_tokens: outputTokens,
            total_tokens: inputTokens + outputTokens,
          },
        }) +
        sse('[DONE]')
      );
    },
    error: (message) => sse({ error: { message, type: 'server_error', param: null, code: null } }),
    httpErrorBody(status, message) {
      const kind = ERROR_TYPES[status] ?? { type: 'server_error', code: null };
      return JSON.stringify({ error: { message, type: kind.type, param: null, code: kind.code } });
    },
  };
}
