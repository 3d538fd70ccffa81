/**
 * A tool the client runs: the mock asks for `get_local_time` (no text), and once the request
 * carries the call's result (an assistant message whose `parts` hold the call with `output` or
 * `errorText`, as Rivulet's chat sends it after `onToolCall` or `addToolResult`), it answers with
 * text that uses the result. The demo and the e2e tests drive a whole client tool loop with it.
 */
import type { MockAnswer } from './types.js';

export const CLIENT_TOOL_NAME = 'get_local_time';

/** The first step: a call of the client's tool. */
export const clientTool: MockAnswer = {
  id: 'client-tool',
  title: 'A tool the client runs (get_local_time), then an answer using its result',
  parts: [{ type: 'tool-call', id: 'call_time_1', name: CLIENT_TOOL_NAME, args: { timezone: 'Europe/Lisbon' } }],
};

interface SentToolCall {
  type: 'tool-call';
  toolName?: unknown;
  state?: unknown;
  output?: unknown;
  errorText?: unknown;
}

/** A message as a request body carries it; `parts` only on messages with tool calls or files. */
interface SentMessage {
  role: string;
  parts?: unknown;
}

function isResultOfClientTool(part: unknown): part is SentToolCall {
  const call = part as SentToolCall | null;
  return (
    typeof call === 'object' &&
    call !== null &&
    call.type === 'tool-call' &&
    call.toolName === CLIENT_TOOL_NAME &&
    (call.state === 'output-available' || call.state === 'output-error')
  );
}

/** The answer that continues after the client tool's result, when the last message carries one. */
export function answerAfterClientTool(messages: readonly SentMessage[]): MockAnswer | undefined {
  const last = messages.at(-1);
  if (last?.role !== 'assistant' || !Array.isArray(last.parts)) return undefined;
  const result = last.parts.findLast(isResultOfClientTool);
  if (result === undefined) return undefined;
  const text =
    result.state === 'output-error'
      ? `The clock could not be read (${String(result.errorText)}), so I cannot tell the time.`
      : `Your clock says **${JSON.stringify(result.output)}**: that is the local time in Lisbon.`;
  return { id: 'client-tool-result', title: 'The answer after the client tool ran', parts: [{ type: 'text', text }] };
}
