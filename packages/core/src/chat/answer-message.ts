/**
 * Messages of the conversation as plain objects: an assistant answer derived from its stream's
 * snapshot (the one place that maps stream state to message fields; fields without a value are
 * left out; frozen), and the comparison that keeps an unchanged message's identity. An answer that
 * continues after tool results keeps the parts of its earlier steps in front of the new ones.
 */
import type { StreamState } from '../controller/types';
import { getMessageText } from '../message/message-text';
import type { MessagePart } from '../message/parts';
import type { StreamUsage } from '../stream/types';
import { setDerivedFields, toChatMessage } from './message-input';
import type { ChatMessage, ChatMessageInit } from './types';

/** What an answer's earlier steps left: their parts and usage. */
export interface AnswerBase {
  parts: readonly MessagePart[];
  usage: StreamUsage | undefined;
  /** The last joined parts, reused while the stream's parts are the same array. */
  joined?: { streamParts: readonly MessagePart[]; parts: MessagePart[] };
}

function addUsage(a: StreamUsage | undefined, b: StreamUsage | undefined): StreamUsage | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  const sum: StreamUsage = {};
  for (const key of ['inputTokens', 'outputTokens', 'totalTokens'] as const) {
    if (a[key] !== undefined || b[key] !== undefined) sum[key] = (a[key] ?? 0) + (b[key] ?? 0);
  }
  return sum;
}

function joinedParts(base: AnswerBase, streamParts: MessagePart[]): MessagePart[] {
  if (base.joined?.streamParts !== streamParts) {
    base.joined = { streamParts, parts: Object.freeze([...base.parts, ...streamParts]) as MessagePart[] };
  }
  return base.joined.parts;
}

/** The message an answer's stream snapshot describes (after `base`'s steps, when it continues). */
export function answerMessage(id: string, stream: StreamState, base?: AnswerBase): ChatMessage {
  const parts = base ? joinedParts(base, stream.parts) : stream.parts;
  const message = { id, role: 'assistant', parts, status: stream.status } as ChatMessage;
  if (base) setDerivedFields(message, parts);
  else {
    // One step: the stream's own views, which keep their identity from flush to flush.
    const textParts = stream.parts.filter((p) => p.type === 'text').length;
    message.content = textParts > 1 ? getMessageText(parts) : stream.text;
    if (stream.toolCalls.length > 0) message.toolCalls = stream.toolCalls;
    if (stream.reasoning !== '') message.reasoning = stream.reasoning;
  }
  if (stream.error) message.error = stream.error;
  const usage = addUsage(base?.usage, stream.usage);
  if (usage) message.usage = usage;
  if (stream.finishReason !== undefined) message.finishReason = stream.finishReason;
  if (stream.reconnecting) message.reconnecting = true;
  return Object.freeze(message);
}

/** A retried answer still showing the failed one's content: only its status (and flags) follow the stream. */
export function placeholderMessage(previous: ChatMessage, stream: StreamState): ChatMessage {
  const { error, reconnecting, ...rest } = previous;
  const message: ChatMessage = { ...rest, status: stream.status };
  if (stream.error) message.error = stream.error;
  if (stream.reconnecting) message.reconnecting = true;
  return Object.freeze(message);
}

/** Whether anything of the stream has arrived that a message shows. */
export function hasContent(stream: StreamState): boolean {
  return stream.parts.length > 0;
}

export function sameMessage(a: ChatMessage, b: ChatMessage): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ChatMessage>;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/** The initial messages with their ids: given, or `initial-<index>`. */
export function initialMessagesOf(init: readonly ChatMessageInit[] = []): ChatMessage[] {
  return init.map((m, i) => toChatMessage({ ...m, id: m.id ?? `initial-${i}` }));
}

/** Ids for new messages: unique per chat, and unlikely to meet another chat's. */
export function createIdGenerator(): () => string {
  const prefix = Math.random().toString(36).slice(2, 8);
  let counter = 0;
  return () => `${prefix}-${++counter}`;
}
