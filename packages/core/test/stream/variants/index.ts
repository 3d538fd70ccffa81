/**
 * Every provider variant, for the tests that read them all.
 */

import { anthropicVariants } from './anthropic';
import { cohereVariants } from './cohere';
import type { Variant } from './events';
import { geminiVariants } from './gemini';
import { ollamaVariants } from './ollama';
import { openaiVariants } from './openai';
import { openaiResponsesVariants } from './openai-responses';

export type { Variant } from './events';

export const variants: Variant[] = [
  ...openaiVariants,
  ...openaiResponsesVariants,
  ...anthropicVariants,
  ...geminiVariants,
  ...cohereVariants,
  ...ollamaVariants,
];
