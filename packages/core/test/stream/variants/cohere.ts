/**
 * Cohere v2 variants: thinking with citations (which are not text), and a tool without parameters,
 * whose call streams no argument text at all.
 */

import { args, call, done, reasoning, text, usage, type Variant } from './events';

const TIME_CALL = 'current_time_y46ar19t5gvw';

export const cohereVariants: Variant[] = [
  {
    fixture: 'cohere-thinking-citations.sse',
    format: 'cohere',
    events: [
      reasoning('The document lists'),
      reasoning(' three benefits.'),
      text('Le principal avantage : '),
      text('l’automatisation des tâches.'),
      usage(1702, 64, 1766),
      done('COMPLETE'),
    ],
  },
  {
    fixture: 'cohere-tool-no-args.sse',
    format: 'cohere',
    events: [
      reasoning('I will use the'),
      reasoning(' current_time tool – no arguments needed.'),
      call(TIME_CALL, 'current_time'),
      args(TIME_CALL, '{}'),
      usage(1445, 43, 1488),
      done('TOOL_CALL'),
    ],
  },
];
