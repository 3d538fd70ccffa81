/**
 * `'ai-sdk'`: the Vercel AI SDK UI message stream (`x-vercel-ai-ui-message-stream: v1`), JSON parts
 * over SSE.
 *
 * `text-delta` is text, `reasoning-delta` reasoning; `tool-input-start` names a call and
 * `tool-input-delta` streams its input text. A `tool-input-available` whose input did not stream is
 * reported whole. `source-url` is a source, `file` a file. `finish` (or `data: [DONE]`) is the terminal event, with usage when its
 * `messageMetadata.usage` has one; `error` throws `'provider'` with its `errorText`.
 */

import {
  asNumber,
  asRecord,
  asString,
  emitDone,
  emitReasoning,
  emitSource,
  emitText,
  type FormatDecoder,
  parseObject,
  throwProviderError,
  UsageAccumulator,
} from './shared';

const NAME = 'ai-sdk';

export function createAiSdkDecoder(): FormatDecoder {
  /** Tool calls whose input has been reported (streamed or whole). */
  const streamedInputs = new Set<string>();
  const usage = new UsageAccumulator();

  return {
    name: NAME,
    framing: undefined,
    terminal: 'finish',
    decode(event, emit) {
      if (event.data === '[DONE]') {
        usage.flush(emit);
        emit({ type: 'done' });
        return;
      }
      const part = parseObject(event.data, NAME);
      switch (part.type) {
        case 'text-delta':
          emitText(emit, part.delta);
          break;
        case 'reasoning-delta':
          emitReasoning(emit, part.delta);
          break;
        case 'tool-input-start': {
          const id = asString(part.toolCallId) ?? '';
          emit({ type: 'tool-call', id, name: asString(part.toolName) ?? '', argsDelta: '' });
          break;
        }
        case 'tool-input-delta': {
          const id = asString(part.toolCallId) ?? '';
          const argsDelta = asString(part.inputTextDelta) ?? '';
          streamedInputs.add(id);
          if (argsDelta !== '') emit({ type: 'tool-call', id, argsDelta });
          break;
        }
        case 'tool-input-available': {
          const id = asString(part.toolCallId) ?? '';
          if (streamedInputs.has(id)) break;
          streamedInputs.add(id);
          const name = asString(part.toolName) ?? '';
          emit({ type: 'tool-call', id, name, argsDelta: JSON.stringify(part.input ?? {}) });
          break;
        }
        case 'source-url':
          emitSource(emit, part.url, part.title, part.sourceId);
          break;
        case 'file': {
          const url = asString(part.url);
          const mediaType = asString(part.mediaType);
          if (url && mediaType) emit({ type: 'file', mediaType, url });
          break;
        }
        case 'finish': {
          const reported = asRecord(asRecord(part.messageMetadata)?.usage);
          if (reported) {
            usage.set({
              inputTokens: asNumber(reported.inputTokens),
              outputTokens: asNumber(reported.outputTokens),
              totalTokens: asNumber(reported.totalTokens),
            });
          }
          usage.flush(emit);
          emitDone(emit, asString(part.finishReason));
          break;
        }
        case 'error':
          throwProviderError(NAME, part);
          break;
        default:
        // start, *-start/*-end, start-step/finish-step, source-document, data-* parts: nothing to show.
      }
    },
  };
}
