/**
 * Chat Completions variants of OpenAI-compatible servers: content as an array of chunks (Mistral's
 * reasoning models), reasoning under each server's field name, and refusals.
 */

import { done, reasoning, text, usage, type Variant } from './events';

export const openaiVariants: Variant[] = [
  {
    // Magistral: `delta.content` is a list of `thinking` and `text` chunks, at times a plain string.
    fixture: 'openai-mistral-content-chunks.sse',
    format: 'openai',
    events: [
      reasoning('Die Frage: 17 × 23.'),
      reasoning(' 17 × 20 = 340, 17 × 3 = 51, zusammen 391.'),
      reasoning(' Fertig.'),
      text('17 × 23 = '),
      text('**391**'),
      text(' ✓'),
      usage(14, 81, 95),
      done('stop'),
    ],
  },
  {
    // Groq: `delta.reasoning`, and the usage in `x_groq.usage` of the finishing chunk.
    fixture: 'openai-groq-reasoning.sse',
    format: 'openai',
    events: [
      reasoning('Okay, "Straße"'),
      reasoning(' has one ß.'),
      text('„Straße“ has'),
      text(' one ß.'),
      usage(21, 38, 59),
      done('stop'),
    ],
  },
  {
    // OpenRouter: `delta.reasoning` with the same text again in `reasoning_details`, keep-alive comments.
    fixture: 'openai-openrouter-reasoning.sse',
    format: 'openai',
    events: [
      reasoning('Le mot « été »'),
      reasoning(' a deux accents.'),
      text('« Été » prend'),
      text(' deux accents aigus.'),
      usage(18, 47, 65),
      done('stop'),
    ],
  },
  {
    // MiniMax: reasoning only in `reasoning_details` (text entries, then an encrypted one).
    fixture: 'openai-minimax-reasoning-details.sse',
    format: 'openai',
    events: [reasoning('用户问的是'), reasoning('首都。'), text('北京是中国的首都。'), usage(25, 19, 44), done('stop')],
  },
  {
    // vLLM between the two names: `reasoning` and `reasoning_content` carry the same text.
    fixture: 'openai-vllm-both-reasoning-fields.sse',
    format: 'openai',
    events: [reasoning('Two plus two'), reasoning(' is four — easy.'), text('2 + 2 = 4'), done('stop')],
  },
  {
    // OpenAI structured outputs: the model refuses in `delta.refusal`, `content` stays null.
    fixture: 'openai-refusal.sse',
    format: 'openai',
    events: [text('I’m sorry,'), text(' I can’t help with that.'), usage(52, 11, 63), done('stop')],
  },
];
