/**
 * The reasoning and text of one Chat Completions `delta`, in the shapes OpenAI-compatible servers
 * send (tool calls are read apart).
 *
 * - Reasoning: `reasoning_content` (DeepSeek, older vLLM, many servers) or `reasoning` (OpenRouter,
 *   Groq, newer vLLM, Ollama's `/v1`). Servers in transition send both with the same text, so the
 *   first non-empty one is taken, never both. Only when neither is there, `reasoning_details`
 *   (MiniMax, some OpenRouter models) gives its `reasoning.text` and `reasoning.summary` entries;
 *   `reasoning.encrypted` entries carry nothing readable.
 * - Text: `content` as a string, or as an array of content chunks (Mistral's reasoning models):
 *   `text` chunks are text, `thinking` chunks (themselves a list of text chunks) are reasoning, in
 *   the order sent; other chunks (references, images) carry no text to show.
 * - `refusal` (OpenAI, structured outputs) is what the model says instead of an answer: text.
 *
 * Within one delta, reasoning fields come before `content`, as a model thinks before it answers.
 */

import { asRecord, asString, type Emit, emitReasoning, emitText } from './shared';

/** Emits the reasoning and text of one `delta`. */
export function decodeDeltaText(delta: Record<string, unknown>, emit: Emit): void {
  const reasoning = firstText(delta.reasoning_content, delta.reasoning);
  if (reasoning !== undefined) emitReasoning(emit, reasoning);
  else if (Array.isArray(delta.reasoning_details)) {
    for (const detail of delta.reasoning_details) emitReasoningDetail(asRecord(detail), emit);
  }
  if (Array.isArray(delta.content)) {
    for (const chunk of delta.content) emitContentChunk(asRecord(chunk), emit);
  } else emitText(emit, delta.content);
  emitText(emit, delta.refusal);
}

function firstText(...values: unknown[]): string | undefined {
  for (const value of values) if (typeof value === 'string' && value !== '') return value;
  return undefined;
}

function emitReasoningDetail(detail: Record<string, unknown> | undefined, emit: Emit): void {
  if (detail?.type === 'reasoning.text') emitReasoning(emit, detail.text);
  else if (detail?.type === 'reasoning.summary') emitReasoning(emit, detail.summary);
}

function emitContentChunk(chunk: Record<string, unknown> | undefined, emit: Emit): void {
  if (chunk?.type === 'text') emitText(emit, chunk.text);
  else if (chunk?.type === 'thinking') {
    const thinking = chunk.thinking;
    if (!Array.isArray(thinking)) emitReasoning(emit, thinking);
    else for (const part of thinking) emitReasoning(emit, asString(asRecord(part)?.text));
  }
}
