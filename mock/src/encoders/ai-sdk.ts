/**
 * Vercel AI SDK UI message stream (header `x-vercel-ai-ui-message-stream: v1`): SSE `data:` JSON
 * parts `start`, `start-step`, `text-start`/`text-delta`/`text-end`,
 * `reasoning-start`/`reasoning-delta`/`reasoning-end`, `tool-input-start`/`tool-input-delta`/
 * `tool-input-available`, `finish-step`, `finish`, then `data: [DONE]`. Errors are
 * `{ type: 'error', errorText }`.
 */
import { type EncoderContext, type MockDelta, mockId, SSE_HEADERS, sse, type WireEncoder } from './types.js';

interface OpenPart {
  kind: MockDelta['type'];
  id: string;
  toolName?: string;
  argsText: string;
}

export function createAISDKEncoder(context: EncoderContext): WireEncoder {
  let open: OpenPart | undefined;
  let count = 0;
  let lastKind: MockDelta['type'] | undefined;

  const closePart = (): string => {
    if (!open) return '';
    const part = open;
    open = undefined;
    if (part.kind === 'text') return sse({ type: 'text-end', id: part.id });
    if (part.kind === 'reasoning') return sse({ type: 'reasoning-end', id: part.id });
    return sse({
      type: 'tool-input-available',
      toolCallId: part.id,
      toolName: part.toolName,
      input: JSON.parse(part.argsText || '{}'),
    });
  };

  const startPart = (delta: MockDelta): string => {
    count += 1;
    if (delta.type === 'tool-call') {
      open = { kind: delta.type, id: delta.id, toolName: delta.name, argsText: '' };
      return sse({ type: 'tool-input-start', toolCallId: delta.id, toolName: delta.name });
    }
    open = { kind: delta.type, id: `${delta.type}-${count}`, argsText: '' };
    return sse({ type: `${delta.type}-start`, id: open.id });
  };

  return {
    contentType: 'text/event-stream; charset=utf-8',
    headers: { ...SSE_HEADERS, 'x-vercel-ai-ui-message-stream': 'v1' },
    canSignalError: true,
    open: () => sse({ type: 'start', messageId: mockId('msg-', context.seed) }) + sse({ type: 'start-step' }),
    delta(delta) {
      lastKind = delta.type;
      const samePart = open?.kind === delta.type && (delta.type !== 'tool-call' || open.id === delta.id);
      const prefix = samePart ? '' : closePart() + startPart(delta);
      const part = open!;
      if (delta.type === 'tool-call') {
        part.argsText += delta.argsDelta;
        return `${prefix}${sse({ type: 'tool-input-delta', toolCallId: part.id, inputTextDelta: delta.argsDelta })}`;
      }
      return prefix + sse({ type: `${delta.type}-delta`, id: part.id, delta: delta.delta });
    },
    finish: () =>
      closePart() +
      sse({ type: 'finish-step' }) +
      sse({ type: 'finish', finishReason: lastKind === 'tool-call' ? 'tool-calls' : 'stop' }) +
      sse('[DONE]'),
    error: (message) => sse({ type: 'error', errorText: message }),
    httpErrorBody: (_status, message) => JSON.stringify({ error: { message } }),
  };
}
