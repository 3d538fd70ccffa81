/**
 * `'gemini'`: Google Gemini `streamGenerateContent?alt=sse` (also Vertex AI).
 *
 * Each chunk is a `GenerateContentResponse`. Of candidate 0, `parts[].text` is text and parts
 * marked `thought: true` are reasoning; `functionCall` parts are tool calls, whole or streamed by
 * JSON path on Vertex AI (see `GeminiFunctionCalls`; id from `functionCall.id`, else `call_<n>`).
 * `usageMetadata` is remembered (output counts thought tokens). The stream just ends after the chunk
 * carrying `finishReason`, so that chunk is the terminal event; a `promptFeedback.blockReason`
 * without candidates ends it too. `{error: {message}}` throws `'provider'`.
 *
 * The web pages of `groundingMetadata.groundingChunks` and the `citationMetadata.citationSources`
 * with a URI are sources (after the chunk's text).
 *
 * Skipped on purpose: `thoughtSignature` (opaque, for sending the turn back), the rest of the
 * grounding metadata (search queries, the search entry point's HTML, which text each chunk
 * supports), and parts that are neither text nor calls (`executableCode`, `codeExecutionResult`,
 * `inlineData`).
 */

import { GeminiFunctionCalls } from './gemini-function-calls';
import {
  asNumber,
  asRecord,
  asString,
  type Emit,
  emitDone,
  emitReasoning,
  emitSource,
  emitText,
  type FormatDecoder,
  parseObject,
  throwProviderError,
  UsageAccumulator,
} from './shared';

const NAME = 'gemini';

export function createGeminiDecoder(): FormatDecoder {
  const usage = new UsageAccumulator();
  const calls = new GeminiFunctionCalls();

  function decodePart(part: Record<string, unknown>, emit: Emit): void {
    const call = asRecord(part.functionCall);
    if (call) {
      calls.decode(call, emit);
      return;
    }
    if (part.thought === true) emitReasoning(emit, part.text);
    else emitText(emit, part.text);
  }

  return {
    name: NAME,
    framing: undefined,
    terminal: 'finishReason',
    decode(event, emit) {
      const chunk = parseObject(event.data, NAME);
      if (chunk.error !== undefined && chunk.error !== null) throwProviderError(NAME, chunk);
      const metadata = asRecord(chunk.usageMetadata);
      if (metadata) {
        const candidates = asNumber(metadata.candidatesTokenCount);
        const thoughts = asNumber(metadata.thoughtsTokenCount);
        usage.set({
          inputTokens: asNumber(metadata.promptTokenCount),
          outputTokens:
            candidates === undefined && thoughts === undefined ? undefined : (candidates ?? 0) + (thoughts ?? 0),
          totalTokens: asNumber(metadata.totalTokenCount),
        });
      }
      const candidate = Array.isArray(chunk.candidates) ? asRecord(chunk.candidates[0]) : undefined;
      const parts = asRecord(candidate?.content)?.parts;
      if (Array.isArray(parts)) {
        for (const part of parts) {
          const record = asRecord(part);
          if (record) decodePart(record, emit);
        }
      }
      const grounding = asRecord(candidate?.groundingMetadata)?.groundingChunks;
      for (const chunk of Array.isArray(grounding) ? grounding : []) {
        const web = asRecord(asRecord(chunk)?.web);
        emitSource(emit, web?.uri, web?.title);
      }
      const cited = asRecord(candidate?.citationMetadata)?.citationSources;
      for (const source of Array.isArray(cited) ? cited : []) emitSource(emit, asRecord(source)?.uri);
      const finishReason =
        asString(candidate?.finishReason) ??
        (candidate ? undefined : asString(asRecord(chunk.promptFeedback)?.blockReason));
      if (finishReason !== undefined) {
        calls.finish(emit);
        usage.flush(emit);
        emitDone(emit, finishReason);
      }
    },
  };
}
