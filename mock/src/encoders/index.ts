import { createAISDKEncoder } from './ai-sdk.js';
import { createAnthropicEncoder } from './anthropic.js';
import { createOpenAIEncoder } from './openai.js';
import { createTextEncoder } from './text.js';
import { type EncoderContext, type MockFormat, truncateLastEvent, type WireEncoder } from './types.js';

export type { EncoderContext, MockDelta, MockFormat, MockUsage, WireEncoder } from './types.js';

/** Every wire format the mock can speak. */
export const MOCK_FORMATS: readonly MockFormat[] = ['openai', 'anthropic', 'ai-sdk', 'text'];

/** Creates a fresh (stateful) encoder for one response in `format`. */
export function createEncoder(format: MockFormat, context: EncoderContext): WireEncoder {
  switch (format) {
    case 'openai':
      return withMalformed(createOpenAIEncoder(context));
    case 'anthropic':
      return withMalformed(createAnthropicEncoder(context));
    case 'ai-sdk':
      return withMalformed(createAISDKEncoder(context));
    case 'text':
      return createTextEncoder();
  }
}

/** The JSON-over-SSE formats break the same way: the delta's last event cut off inside its JSON. */
function withMalformed(encoder: WireEncoder): WireEncoder {
  return { ...encoder, malformed: (delta) => truncateLastEvent(encoder.delta(delta)) };
}
