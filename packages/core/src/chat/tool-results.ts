/**
 * Tool results on messages: which calls of an answer wait for a result, the answer with one more
 * result, whether the answer can continue (every call has one), and running `onToolCall` for a
 * batch of calls.
 */
import type { ToolCallPart } from '../message/parts';
import { setDerivedFields } from './message-input';
import type { ChatMessage, ChatOptions, ChatToolResult } from './types';

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

/**
 * Runs `onToolCall` for each call at once and reports each result as it comes (an output, or the
 * error a tool threw; nothing for `undefined`, which leaves the call to `addToolResult`). Nothing
 * is reported once `signal` aborts. Resolves when every call has settled.
 */
export async function runToolCalls(
  calls: readonly ToolCallPart[],
  message: ChatMessage,
  onToolCall: NonNullable<ChatOptions['onToolCall']>,
  signal: AbortSignal,
  report: (result: ChatToolResult) => void,
): Promise<void> {
  const settled = calls.map(async (call) => {
    let result: ChatToolResult | undefined;
    try {
      const toolCall = { toolCallId: call.toolCallId, toolName: call.toolName, input: call.input };
      const output = await onToolCall({ toolCall, message, signal });
      if (output !== undefined) result = { toolCallId: call.toolCallId, output };
    } catch (thrown) {
      result = { toolCallId: call.toolCallId, errorText: errorTextOf(thrown) };
    }
    if (result && !signal.aborted) report(result);
  });
  await Promise.all(settled);
}
