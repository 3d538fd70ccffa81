/**
 * `'openai'`: Chat Completions streaming (`chat.completion.chunk`), also spoken by Mistral, Groq,
 * vLLM, TGI, LM Studio, Ollama's `/v1` and other OpenAI-compatible servers.
 *
 * Only choice 0 is read (`n > 1` streams interleave choices). Its delta's reasoning and text, in
 * every shape compatible servers send, are read by `decodeDeltaText`. Tool-call fragments are keyed
 * by their `index`: the first carries the id and name, later ones only argument text, so each is
 * mapped back to its id. `finish_reason` and the usage chunk (empty `choices`; Groq puts usage in
 * `x_groq.usage` instead) are remembered and reported at `data: [DONE]`, the terminal event.
 */

import { decodeDeltaText } from './openai-delta';
import {
  asNumber,
  asRecord,
  asString,
  emitDone,
  type FormatDecoder,
  parseObject,
  throwProviderError,
  UsageAccumulator,
} from './shared';

const NAME = 'openai';

export function createOpenAIDecoder(): FormatDecoder {
  const toolIds = new Map<number, string>();
  const usage = new UsageAccumulator();
  let finishReason: string | undefined;

  return {
    name: NAME,
    framing: undefined,
    terminal: 'data: [DONE]',
    decode(event, emit) {
      if (event.data === '[DONE]') {
        usage.flush(emit);
        emitDone(emit, finishReason);
        return;
      }
      const chunk = parseObject(event.data, NAME);
      if (event.event === 'error' || (chunk.error !== undefined && chunk.error !== null)) {
        throwProviderError(NAME, chunk);
      }
      const reported = asRecord(chunk.usage) ?? asRecord(asRecord(chunk.x_groq)?.usage);
      if (reported) {
        usage.set({
          inputTokens: asNumber(reported.prompt_tokens),
          outputTokens: asNumber(reported.completion_tokens),
          totalTokens: asNumber(reported.total_tokens),
        });
      }
      const choices = Array.isArray(chunk.choices) ? chunk.choices : [];
      for (const item of choices) {
        const choice = asRecord(item);
        if (!choice || (choice.index !== undefined && choice.index !== 0)) continue;
        const delta = asRecord(choice.delta);
        if (delta) {
          decodeDeltaText(delta, emit);
          if (Array.isArray(delta.tool_calls)) {
            delta.tool_calls.forEach((call, position) => {
              const fragment = asRecord(call);
              if (fragment) decodeToolCall(fragment, position, toolIds, emit);
            });
          }
        }
        finishReason = asString(choice.finish_reason) ?? finishReason;
      }
    },
  };
}

function decodeToolCall(
  fragment: Record<string, unknown>,
  position: number,
  toolIds: Map<number, string>,
  emit: Parameters<FormatDecoder['decode']>[1],
): void {
  const index = asNumber(fragment.index) ?? position;
  const fn = asRecord(fragment.function);
  const name = asString(fn?.name);
  const args = asString(fn?.arguments) ?? '';
  const givenId = asString(fragment.id);
  const known = toolIds.get(index);
  const id = givenId ?? known ?? `call_${index}`;
  if (givenId !== undefined || known === undefined) toolIds.set(index, id);
  const isNew = known === undefined || (givenId !== undefined && givenId !== known);
  // The first fragment is reported even with empty arguments so the call shows up at once.
  if (isNew && name !== undefined) emit({ type: 'tool-call', id, name, argsDelta: args });
  else if (args !== '') emit({ type: 'tool-call', id, argsDelta: args });
}
