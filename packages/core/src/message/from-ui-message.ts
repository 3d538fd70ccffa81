/**
 * Interop with the Vercel AI SDK: its `useChat` messages (`UIMessage`: `{ id, role, parts }`) as
 * Rivulet messages, so a team already on the AI SDK can render them with Rivulet's components.
 * The shapes are read structurally (no dependency on `ai`): text, reasoning, `tool-<name>` and
 * `dynamic-tool` calls, `source-url`, `file`. Skipped on purpose: `step-start` (a boundary, not
 * content), `data-*` (your own data: read it from the UIMessage), `source-document` (no URL).
 */
import { toChatMessage } from '../chat/message-input';
import type { ChatMessage } from '../chat/types';
import type { StreamStatus } from '../controller/types';
import type { MessagePart, ToolCallPartState } from './parts';

/** The part of an AI SDK `UIMessage` part that the conversion reads. */
export interface UIMessagePartLike {
  type: string;
  [key: string]: unknown;
}

/** The part of an AI SDK `UIMessage` that the conversion reads. */
export interface UIMessageLike {
  id: string;
  role: 'system' | 'user' | 'assistant';
  parts: readonly UIMessagePartLike[];
  metadata?: unknown;
}

export interface FromUIMessageOptions {
  /**
   * The answer's status: pass the AI SDK's `status` mapped (`'streaming'` for the last message
   * while its `useChat` streams) so the answer renders as streaming. Default: none (finished).
   */
  status?: StreamStatus;
}

const string = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function toolState(state: unknown): ToolCallPartState | undefined {
  switch (state) {
    case 'input-streaming':
    case 'input-available':
    case 'output-available':
    case 'output-error':
      return state;
    case 'approval-requested':
    case 'approval-responded':
      return 'input-available';
    case 'output-denied':
      return 'output-error';
    default:
      return undefined;
  }
}

function toolPart(part: UIMessagePartLike): MessagePart | undefined {
  const toolName = part.type === 'dynamic-tool' ? string(part.toolName) : part.type.slice('tool-'.length);
  const toolCallId = string(part.toolCallId);
  const state = toolState(part.state);
  if (toolName === undefined || toolCallId === undefined || state === undefined) return undefined;
  const raw = string(part.rawInput);
  const inputText = raw ?? (part.input === undefined ? '' : JSON.stringify(part.input));
  const call: MessagePart = { type: 'tool-call', toolCallId, toolName, inputText, input: part.input, state };
  if (state === 'output-available') call.output = part.output;
  if (state === 'output-error') {
    const approval = part.approval as { reason?: unknown } | undefined;
    call.errorText = string(part.errorText) ?? string(approval?.reason) ?? 'The tool call was denied';
  }
  return call;
}

function partOf(part: UIMessagePartLike): MessagePart | undefined {
  switch (part.type) {
    case 'text':
    case 'reasoning': {
      const text = string(part.text);
      return text ? { type: part.type, text } : undefined;
    }
    case 'source-url': {
      const url = string(part.url);
      if (url === undefined) return undefined;
      const source: MessagePart = { type: 'source', url };
      const title = string(part.title);
      const sourceId = string(part.sourceId);
      if (title !== undefined) source.title = title;
      if (sourceId !== undefined) source.sourceId = sourceId;
      return source;
    }
    case 'file': {
      const mediaType = string(part.mediaType);
      const url = string(part.url);
      if (mediaType === undefined || url === undefined) return undefined;
      const file: MessagePart = { type: 'file', mediaType, url };
      const filename = string(part.filename);
      if (filename !== undefined) file.filename = filename;
      return file;
    }
    default:
      return part.type === 'dynamic-tool' || part.type.startsWith('tool-') ? toolPart(part) : undefined;
  }
}

/**
 * A Rivulet message from an AI SDK `UIMessage` (frozen, with `parts` and `content`).
 *
 * @example
 * const { messages, status } = useChat(); // from '@ai-sdk/react'
 * messages.map((m, i) =>
 *   fromUIMessage(m, { status: status === 'streaming' && i === messages.length - 1 ? 'streaming' : undefined }));
 */
export function fromUIMessage(message: UIMessageLike, options: FromUIMessageOptions = {}): ChatMessage {
  const parts: MessagePart[] = [];
  for (const part of message.parts) {
    const converted = partOf(part);
    if (converted !== undefined) parts.push(converted);
  }
  const converted: Parameters<typeof toChatMessage>[0] = { id: message.id, role: message.role, parts };
  if (options.status !== undefined) converted.status = options.status;
  const { metadata } = message;
  if (typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata)) {
    converted.metadata = metadata as Record<string, unknown>;
  }
  return toChatMessage(converted);
}
