/**
 * The built-in decoders by format name.
 */

import type { BuiltInFormat } from '../types';
import { createAiSdkDecoder } from './ai-sdk';
import { createAnthropicDecoder } from './anthropic';
import { createCohereDecoder } from './cohere';
import { createGeminiDecoder } from './gemini';
import { createNdjsonDecoder } from './ndjson';
import { createOllamaDecoder } from './ollama';
import { createOpenAIDecoder } from './openai';
import { createOpenAIResponsesDecoder } from './openai-responses';
import type { FormatDecoder } from './shared';
import { createSseDecoder } from './sse';
import { createTextDecoder } from './text';

export type ConcreteFormat = Exclude<BuiltInFormat, 'auto'>;

export const FACTORIES: Record<ConcreteFormat, () => FormatDecoder> = {
  text: createTextDecoder,
  sse: createSseDecoder,
  ndjson: createNdjsonDecoder,
  openai: createOpenAIDecoder,
  'openai-responses': createOpenAIResponsesDecoder,
  anthropic: createAnthropicDecoder,
  'ai-sdk': createAiSdkDecoder,
  gemini: createGeminiDecoder,
  cohere: createCohereDecoder,
  ollama: createOllamaDecoder,
};

export function createBuiltInDecoder(format: ConcreteFormat): FormatDecoder {
  return FACTORIES[format]();
}
