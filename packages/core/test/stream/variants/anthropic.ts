/**
 * Anthropic variants: a tool without parameters, a server-side web search with cited text, and
 * thinking with a signature and a redacted block.
 */

import { args, call, done, reasoning, source, text, usage, type Variant } from './events';

const TIME_CALL = 'toolu_01VbN8xQ3rT6yU2iO9pA5sDf';
const SEARCH_CALL = 'srvtoolu_01Kd7fR2tY9uI4oP6aS3dF8g';

export const anthropicVariants: Variant[] = [
  {
    // The only `partial_json` is empty: the arguments are the block's `input`, `{}`, at its stop.
    fixture: 'anthropic-tool-no-args.sse',
    format: 'anthropic',
    events: [
      text('Je regarde l’heure'),
      text(' tout de suite.'),
      call(TIME_CALL, 'current_time'),
      args(TIME_CALL, '{}'),
      usage(548, 41, 589),
      done('tool_use'),
    ],
  },
  {
    // `server_tool_use` is a call; its `web_search_tool_result` is not text; a cited web page is a source.
    fixture: 'anthropic-web-search.sse',
    format: 'anthropic',
    events: [
      call(SEARCH_CALL, 'web_search'),
      args(SEARCH_CALL, '{"query": "Tōkyō Skytree'),
      args(SEARCH_CALL, ' height"}'),
      text('According to the tower’s operator, '),
      source('https://www.tokyo-skytree.jp/en/', 'Tokyo Skytree | Official site'),
      text('Tokyo Skytree is 634 m'),
      text(' (2,080 ft) tall.'),
      usage(9873, 187, 10060),
      done('end_turn'),
    ],
  },
  {
    // The signature and the redacted block are opaque: only the readable thinking is reasoning.
    fixture: 'anthropic-redacted-thinking.sse',
    format: 'anthropic',
    events: [
      reasoning('Zwei Sätze reichen'),
      reasoning(' für die Antwort.'),
      text('Gern – hier sind zwei Sätze.'),
      usage(96, 152, 248),
      done('end_turn'),
    ],
  },
];
