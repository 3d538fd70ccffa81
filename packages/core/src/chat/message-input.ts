/**
 * Messages as users give them (`initialMessages`, `setMessages`) made into the chat's own: frozen,
 * with `parts`, and with the deprecated fields (`content`, `reasoning`, `toolCalls`) derived from
 * the parts. A message written the old way (only `content`, maybe `reasoning` and `toolCalls`) gets
 * the parts it describes; a message whose `content` was changed beside its parts (an old-style edit)
 * gets that text as its text.
 */
import type { ToolCallState } from '../controller/types';
import { getMessageText } from '../message/message-text';
import type { MessagePart, ToolCallPart } from '../message/parts';
import type { ChatMessage, ChatMessageInput } from './types';

const legacyCalls = new WeakMap<ToolCallPart, ToolCallState>();

/** The old `toolCalls` view of a tool-call part (the same object for the same part). */
function legacyCallOf(part: ToolCallPart): ToolCallState {
  let call = legacyCalls.get(part);
  if (call === undefined) {
    call = Object.freeze({ id: part.toolCallId, name: part.toolName, argsText: part.inputText, args: part.input });
    legacyCalls.set(part, call);
  }
  return call;
}

/** Sets `content`, and `reasoning` / `toolCalls` when the parts have any, on a message being built. */
export function setDerivedFields(message: ChatMessage, parts: readonly MessagePart[]): void {
  message.content = getMessageText(parts);
  let reasoning = '';
  const toolCalls: ToolCallState[] = [];
  for (const part of parts) {
    if (part.type === 'reasoning') reasoning += part.text;
    else if (part.type === 'tool-call') toolCalls.push(legacyCallOf(part));
  }
  if (reasoning !== '') message.reasoning = reasoning;
  else delete message.reasoning;
  if (toolCalls.length > 0) message.toolCalls = Object.freeze(toolCalls) as ToolCallState[];
  else delete message.toolCalls;
}

function frozenParts(parts: readonly MessagePart[]): MessagePart[] {
  return Object.freeze(
    parts.map((part) => (Object.isFrozen(part) ? part : Object.freeze({ ...part }))),
  ) as MessagePart[];
}

/** The parts an old-style message describes: reasoning, text, tool calls. */
function partsOfLegacy(input: ChatMessageInput): MessagePart[] {
  const parts: MessagePart[] = [];
  if (input.reasoning) parts.push({ type: 'reasoning', text: input.reasoning });
  if (input.content) parts.push({ type: 'text', text: input.content });
  for (const call of input.toolCalls ?? []) {
    parts.push({
      type: 'tool-call',
      toolCallId: call.id,
      toolName: call.name,
      inputText: call.argsText,
      input: call.args,
      state: 'input-available',
    });
  }
  return parts;
}

/** `parts` with its text replaced by `content` (one text part where the first one was). */
function withText(parts: readonly MessagePart[], content: string): MessagePart[] {
  const next: MessagePart[] = [];
  let placed = false;
  for (const part of parts) {
    if (part.type !== 'text') next.push(part);
    else if (!placed) {
      placed = true;
      if (content !== '') next.push({ type: 'text', text: content });
    }
  }
  if (!placed && content !== '') next.push({ type: 'text', text: content });
  return next;
}

/** The chat's message for `input` (`input` itself when it already is one). */
export function toChatMessage(input: ChatMessageInput & { id: string }): ChatMessage {
  const { parts: givenParts, content } = input;
  if (givenParts !== undefined && Object.isFrozen(input) && Object.isFrozen(givenParts)) {
    if (content === getMessageText(givenParts)) return input as ChatMessage;
  }
  let parts: MessagePart[];
  if (givenParts === undefined) parts = partsOfLegacy(input);
  else if (content !== undefined && content !== getMessageText(givenParts)) parts = withText(givenParts, content);
  else parts = [...givenParts];
  const message = { ...input, parts: frozenParts(parts) } as ChatMessage;
  setDerivedFields(message, message.parts);
  return Object.freeze(message);
}
