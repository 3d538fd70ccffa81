import { createAISDKEncoder } from './ai-sdk';
import { createAnthropicEncoder } from './anthropic';
import { createOpenAIEncoder } from './openai';
import { createTextEncoder } from './text';
import type { EncoderContext, MockFormat, WireEncoder } from './types';

export type { EncoderContext, MockDelta, MockFormat, MockUsage, WireEncoder } from './types';

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
