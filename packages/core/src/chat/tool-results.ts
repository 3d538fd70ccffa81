/**
 * Tool results on messages, as pure functions: which calls of an answer wait for a result, the
 * answer with one more result, and whether the answer can continue (every call has one).
 */
import type { ToolCallPart } from '../message/parts';
import { setDerivedFields } from './message-input';
import type { ChatMessage, ChatToolResult } from './types';

/** The calls of `message` whose input is complete and that have no result yet. */
export function awaitingCalls(message: ChatMessage): ToolCallPart[] {
  return message.parts.filter((p): p is ToolCallPart => p.type === 'tool-call' && p.state === 'input-available');
}

/** Whether `message` has tool calls and each has a result (output or error). */
export function hasEveryResult(message: ChatMessage): boolean {
  const calls = message.parts.filter((p) => p.type === 'tool-call');
  return calls.length > 0 && calls.every((p) => p.state === 'output-available' || p.state === 'output-error');
}

/** `message` with `result` on its call, or undefined when it has no such call awaiting one. */
export function withToolResult(message: ChatMessage, result: ChatToolResult): ChatMessage | undefined {
  const index = message.parts.findIndex(
    (p) => p.type === 'tool-call' && p.toolCallId === result.toolCallId && p.state === 'input-available',
  );
  if (index < 0) return undefined;
  const call = message.parts[index] as ToolCallPart;
  const settled: ToolCallPart =
    result.errorText !== undefined
      ? { ...call, state: 'output-error', errorText: result.errorText }
      : { ...call, state: 'output-available', output: result.output };
  const parts = message.parts.slice();
  parts[index] = Object.freeze(settled);
  const next = { ...message, parts: Object.freeze(parts) } as ChatMessage;
  setDerivedFields(next, next.parts);
  return Object.freeze(next);
}

/** The text of a thrown value, for an `'output-error'`. */
export function errorTextOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : String(error);
}
