/**
 * Ollama `/api/chat` variant: a thinking model that answers, then calls two tools in one line
 * (arguments as objects, each call with its `function.index`).
 */

import { call, done, reasoning, text, usage, type Variant } from './events';

export const ollamaVariants: Variant[] = [
  {
    fixture: 'ollama-thinking-tools.ndjson',
    format: 'ollama',
    events: [
      reasoning('Beide Städte'),
      reasoning(' brauchen das Wetter.'),
      text('Ich frage beide Städte ab.'),
      call('call_0', 'get_weather', '{"city":"München"}'),
      call('call_1', 'get_weather', '{"city":"Köln","unit":"celsius"}'),
      usage(212, 71, 283),
      done('stop'),
    ],
  },
];
