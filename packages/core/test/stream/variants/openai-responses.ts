/**
 * OpenAI Responses variants: reasoning summaries in several parts, refusals, an in-band error, and
 * an answer cut short by `response.incomplete`.
 */

import { done, reasoning, text, usage, type Variant } from './events';

export const openaiResponsesVariants: Variant[] = [
  {
    fixture: 'openai-responses-reasoning-summaries.sse',
    format: 'openai-responses',
    events: [
      reasoning('**Reading the question**\n\n'),
      reasoning('They ask how far Zürich is from Genève.'),
      // The second summary part starts a new paragraph.
      reasoning('\n\n'),
      reasoning('**Estimating the distance**\n\nAbout 224 km by road.'),
      text('About 224 km'),
      text(' (≈ 2 h 45 by car).'),
      usage(24, 310, 334),
      done('completed'),
    ],
  },
  {
    fixture: 'openai-responses-refusal.sse',
    format: 'openai-responses',
    events: [text('I’m sorry, but'), text(' I can’t help with that.'), usage(61, 12, 73), done('completed')],
  },
  {
    fixture: 'openai-responses-error-event.sse',
    format: 'openai-responses',
    events: [text('Voilà le début…')],
    error: {
      code: 'provider',
      message: 'openai-responses error: You exceeded your current quota, please check your plan and billing details.',
    },
  },
  {
    fixture: 'openai-responses-incomplete.sse',
    format: 'openai-responses',
    events: [
      text('Les cinq plus longs fleuves : le Nil,'),
      text(' l’Amazone, le Yangzi'),
      usage(19, 16, 35),
      done('max_output_tokens'),
    ],
  },
];
