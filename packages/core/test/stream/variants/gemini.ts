/**
 * Gemini variants: function-call arguments streamed by JSON path on Vertex AI (closed by an empty
 * `functionCall`, or by a last piece without `willContinue`), and grounded answers whose sources
 * are not text.
 */

import { args, call, done, reasoning, source, text, usage, type Variant } from './events';

export const geminiVariants: Variant[] = [
  {
    fixture: 'gemini-vertex-streamed-args.sse',
    format: 'gemini',
    events: [
      reasoning('**Planning the calls**\n\nWeather first, then a recipe.'),
      text('Ich schaue nach – einen Moment.'),
      call('call_0', 'get_weather'),
      args('call_0', '{"location":"São '),
      args('call_0', 'Paulo'),
      args('call_0', '"'),
      args('call_0', ',"unit":"celsius'),
      args('call_0', '"'),
      args('call_0', '}'),
      call('call_1', 'cook_recipe'),
      args('call_1', '{"recipe":{"ingredients":[{"name":"Feijão'),
      args('call_1', '"'),
      args('call_1', ',"grams":500'),
      args('call_1', '},{"name":"Farofa'),
      args('call_1', '"'),
      args('call_1', ',"grams":120.5'),
      args('call_1', '}],"vegetarian":false'),
      args('call_1', ',"notes":null'),
      args('call_1', ',"steps":["Cozinhe '),
      args('call_1', 'o feijão.'),
      args('call_1', '"'),
      args('call_1', ']}}'),
      usage(40, 306, 346),
      done('STOP'),
    ],
  },
  {
    // A call without parameters arrives whole; the streamed one ends with its last piece.
    fixture: 'gemini-vertex-args-closed-by-last-piece.sse',
    format: 'gemini',
    events: [
      reasoning('**Updating the list**\n\nRead the theme, then add two items.'),
      call('call_0', 'read_theme', '{}'),
      call('call_1', 'write_items'),
      args('call_1', '{"operations":[{"action":"add'),
      args('call_1', '"'),
      args('call_1', ',"item":"Äpfel'),
      args('call_1', '"'),
      args('call_1', ',"price":0.5'),
      args('call_1', '},{"action":"add'),
      args('call_1', '"'),
      args('call_1', ',"item":"Birnen'),
      args('call_1', '"'),
      args('call_1', ',"price":0.3}]}'),
      usage(54, 195, 249),
      done('STOP'),
    ],
  },
  {
    // The citation's and the grounding chunk's web pages are sources, after the text; the rest of the metadata is not an event.
    fixture: 'gemini-grounding.sse',
    format: 'gemini',
    events: [
      text('Die Zugspitze ist 2962 m hoch'),
      text(' und damit Deutschlands höchster Berg.'),
      source('https://de.wikipedia.org/wiki/Zugspitze'),
      source('https://vertexaisearch.cloud.google.com/grounding-api-redirect/AbF9wXG2kP7qL1', 'wikipedia.org'),
      usage(9, 52, 118),
      done('STOP'),
    ],
  },
];
