/**
 * Messages of the conversation as plain objects: an assistant answer derived from its stream's
 * snapshot (the one place that maps stream state to message fields; fields without a value are
 * left out; frozen), and the comparison that keeps an unchanged message's identity.
 */
import type { StreamState } from '../controller/types';
import type { ChatMessage, ChatMessageInit } from './types';

/** The message an answer's stream snapshot describes. */
export function answerMessage(id: string, stream: StreamState): ChatMessage {
  const message: ChatMessage = { id, role: 'assistant', content: stream.text, status: stream.status };
  if (stream.error) message.error = stream.error;
  if (stream.usage) message.usage = stream.usage;
  if (stream.toolCalls.length > 0) message.toolCalls = stream.toolCalls;
  if (stream.reasoning !== '') message.reasoning = stream.reasoning;
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
  return stream.text !== '' || stream.reasoning !== '' || stream.toolCalls.length > 0;
}

export function sameMessage(a: ChatMessage, b: ChatMessage): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ChatMessage>;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/** The initial messages with their ids: given, or `initial-<index>`. */
export function initialMessagesOf(init: readonly ChatMessageInit[] = []): ChatMessage[] {
  return init.map((m, i) => Object.freeze({ ...m, id: m.id ?? `initial-${i}` }));
}

/** Ids for new messages: unique per chat, and unlikely to meet another chat's. */
export function createIdGenerator(): () => string {
  const prefix = Math.random().toString(36).slice(2, 8);
  let counter = 0;
  return () => `${prefix}-${++counter}`;
}
