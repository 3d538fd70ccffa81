/**
 * Provider shapes each reader skips on purpose, one test per shape saying why: each stream holds
 * the shape among ordinary events, and reading it yields only the ordinary events. If a future
 * change starts mapping one of these, its test fails and the docs' list must change with it.
 */

import type { StreamEvent, StreamFormat } from '@rivulet/core';
import { describe, expect, it } from 'vitest';
import { read } from './helpers';
import { done, source, text } from './variants/events';

interface Skipped {
  /** The shape, and why it is not an event. */
  shape: string;
  format: StreamFormat;
  /** The stream: SSE `data` payloads (or NDJSON lines), the skipped shape among them. */
  payloads: string[];
  events: StreamEvent[];
}

const sse = (payloads: string[]) => payloads.map((payload) => `data: ${payload}\n\n`).join('');

const openaiChunk = (delta: string, finish = 'null') =>
  `{"object":"chat.completion.chunk","choices":[{"index":0,"delta":${delta},"finish_reason":${finish}}]}`;

const anthropicStart = '{"type":"message_start","message":{"id":"msg_1","usage":{"input_tokens":5,"output_tokens":1}}}';
const anthropicText = (index: number) =>
  `{"type":"content_block_start","index":${index},"content_block":{"type":"text","text":""}}`;
const anthropicEnd = ['{"type":"message_delta","delta":{"stop_reason":"end_turn"}}', '{"type":"message_stop"}'];

const geminiChunk = (candidate: string) => `{"candidates":[{"content":{"role":"model",${candidate}}]}`;

const cohereEnd = '{"type":"message-end","delta":{"finish_reason":"COMPLETE"}}';

const responsesEnd = '{"type":"response.completed","response":{"status":"completed"}}';

const SKIPPED: Skipped[] = [
  {
    shape: 'OpenAI-compatible content chunks other than text and thinking (Mistral references, images) carry no text',
    format: 'openai',
    payloads: [
      openaiChunk('{"content":[{"type":"text","text":"See the source."},{"type":"reference","reference_ids":[0]}]}'),
      openaiChunk('{"content":[{"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]}', '"stop"'),
      '[DONE]',
    ],
    events: [text('See the source.'), done('stop')],
  },
  {
    shape: 'OpenAI-compatible encrypted reasoning_details carry nothing readable',
    format: 'openai',
    payloads: [
      openaiChunk('{"reasoning_details":[{"type":"reasoning.encrypted","data":"gAAAAB","index":0}]}'),
      openaiChunk('{"content":"Hi"}', '"stop"'),
      '[DONE]',
    ],
    events: [text('Hi'), done('stop')],
  },
  {
    shape: 'Responses *.done events repeat what their deltas said',
    format: 'openai-responses',
    payloads: [
      '{"type":"response.output_text.delta","item_id":"msg_1","delta":"Hi"}',
      '{"type":"response.output_text.done","item_id":"msg_1","text":"Hi"}',
      '{"type":"response.reasoning_summary_text.done","item_id":"rs_1","summary_index":0,"text":"Hmm"}',
      '{"type":"response.refusal.done","item_id":"msg_1","refusal":"No"}',
      '{"type":"response.function_call_arguments.done","item_id":"fc_1","arguments":"{}"}',
      responsesEnd,
    ],
    events: [text('Hi'), done('completed')],
  },
  {
    shape:
      'Responses items of tools the server runs (web search) are its work, not the answer or a call to make (the url_citation annotation is a source)',
    format: 'openai-responses',
    payloads: [
      '{"type":"response.output_item.added","output_index":0,"item":{"id":"ws_1","type":"web_search_call","status":"in_progress"}}',
      '{"type":"response.web_search_call.searching","output_index":0,"item_id":"ws_1"}',
      '{"type":"response.output_item.done","output_index":0,"item":{"id":"ws_1","type":"web_search_call","status":"completed","action":{"type":"search","query":"weather"}}}',
      '{"type":"response.output_text.delta","item_id":"msg_1","delta":"Sunny."}',
      '{"type":"response.output_text.annotation.added","item_id":"msg_1","annotation_index":0,"annotation":{"type":"url_citation","url":"https://example.com","title":"Example","start_index":0,"end_index":6}}',
      responsesEnd,
    ],
    events: [text('Sunny.'), source('https://example.com', 'Example'), done('completed')],
  },
  {
    shape: 'Responses custom tool calls take free text, not JSON arguments',
    format: 'openai-responses',
    payloads: [
      '{"type":"response.output_item.added","output_index":0,"item":{"id":"ctc_1","type":"custom_tool_call","call_id":"call_1","name":"apply_patch","input":""}}',
      '{"type":"response.custom_tool_call_input.delta","output_index":0,"item_id":"ctc_1","delta":"*** Begin Patch"}',
      responsesEnd,
    ],
    events: [done('completed')],
  },
  {
    shape: 'Anthropic signature_delta is opaque, kept only to send the turn back',
    format: 'anthropic',
    payloads: [
      anthropicStart,
      anthropicText(0),
      '{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"ErUBCkYIBRgC"}}',
      '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}',
      ...anthropicEnd,
    ],
    events: [
      text('Hi'),
      { type: 'usage', usage: { inputTokens: 5, outputTokens: 1, totalTokens: 6 } },
      done('end_turn'),
    ],
  },
  {
    shape: 'Anthropic redacted_thinking blocks are encrypted reasoning, unreadable',
    format: 'anthropic',
    payloads: [
      '{"type":"content_block_start","index":0,"content_block":{"type":"redacted_thinking","data":"EmwKAhgBEgy3"}}',
      '{"type":"content_block_stop","index":0}',
      anthropicText(1),
      '{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Hi"}}',
      ...anthropicEnd,
    ],
    events: [text('Hi'), done('end_turn')],
  },
  {
    shape: 'Anthropic web_search_tool_result blocks hold search results, not the answer',
    format: 'anthropic',
    payloads: [
      '{"type":"content_block_start","index":0,"content_block":{"type":"web_search_tool_result","tool_use_id":"srvtoolu_1","content":[{"type":"web_search_result","title":"Example","url":"https://example.com","encrypted_content":"Eq"}]}}',
      '{"type":"content_block_stop","index":0}',
      ...anthropicEnd,
    ],
    events: [done('end_turn')],
  },
  {
    shape: 'Gemini thoughtSignature is opaque, kept only to send the turn back',
    format: 'gemini',
    payloads: [
      geminiChunk('"parts":[{"text":"","thoughtSignature":"CiMBjz1rX6tV"},{"text":"Hi"}]},"finishReason":"STOP"'),
    ],
    events: [text('Hi'), done('STOP')],
  },
  {
    shape: 'Gemini code execution parts are code and its output, not prose',
    format: 'gemini',
    payloads: [
      geminiChunk(
        '"parts":[{"executableCode":{"language":"PYTHON","code":"print(2+2)"}},{"codeExecutionResult":{"outcome":"OUTCOME_OK","output":"4\\n"}},{"text":"4"}]},"finishReason":"STOP"',
      ),
    ],
    events: [text('4'), done('STOP')],
  },
  {
    shape: 'Gemini empty functionCall with no call open closes nothing',
    format: 'gemini',
    payloads: [geminiChunk('"parts":[{"functionCall":{}},{"text":"Hi"}]},"finishReason":"STOP"')],
    events: [text('Hi'), done('STOP')],
  },
  {
    shape: 'Cohere citation-start and citation-end name sources of text already streamed',
    format: 'cohere',
    payloads: [
      '{"type":"content-delta","index":0,"delta":{"message":{"content":{"text":"Hi"}}}}',
      '{"type":"citation-start","index":0,"delta":{"message":{"citations":{"start":0,"end":2,"text":"Hi","sources":[]}}}}',
      '{"type":"citation-end","index":0}',
      cohereEnd,
    ],
    events: [text('Hi'), done('COMPLETE')],
  },
];

describe('shapes skipped on purpose', () => {
  it.each(SKIPPED)('$shape', async ({ format, payloads, events }) => {
    const result = await read(new Response(sse(payloads)), { format });
    expect(result.error).toBeUndefined();
    expect(result.events).toEqual(events);
  });
});
