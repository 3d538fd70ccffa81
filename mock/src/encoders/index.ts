import { createAISDKEncoder } from './ai-sdk.js';
import { createAnthropicEncoder } from './anthropic.js';
import { createOpenAIEncoder } from './openai.js';
import { createTextEncoder } from './text.js';
import type { EncoderContext, MockFormat, WireEncoder } from './types.js';

export type { EncoderContext, MockDelta, MockFormat, MockUsage, WireEncoder } from './types.js';

/** Every wire format the mock can speak. */
export const MOCK_FORMATS: readonly MockFormat[] = ['openai', 'anthropic', 'ai-sdk', 'text'];

/** Creates a fresh (stateful) encoder for one response in `format`. */
export function createEncoder(format: MockFormat, context: EncoderContext): WireEncoder {
  switch (format) {
    case 'openai':
      return createOpenAIEncoder(context);
    case 'anthropic':
      return createAnthropicEncoder(context);
    case 'ai-sdk':
      return createAISDKEncoder(context);
    case 'text':
      return createTextEncoder();
  }
}
