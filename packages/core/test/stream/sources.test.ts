/**
 * Sources and files each reader maps: Anthropic web-search citations, Gemini grounding chunks and
 * citation sources, OpenAI Responses `url_citation` annotations, AI SDK `source-url` and `file`
 * parts. Each arrives where the provider sent it, among the ordinary events; sources without a URL
 * (document citations) are not events.
 */

import type { StreamEvent, StreamFormat } from '@rivulet/core';
import { describe, expect, it } from 'vitest';
import { read } from './helpers';
import { done, source, text } from './variants/events';

interface Mapped {
  shape: string;
  format: StreamFormat;
  payloads: string[];
  events: StreamEvent[];
}

const sse = (payloads: string[]) => payloads.map((payload) => `data: ${payload}\n\n`).join('');

const anthropicEnd = ['{"type":"message_delta","delta":{"stop_reason":"end_turn"}}', '{"type":"message_stop"}'];

const MAPPED: Mapped[] = [
  {
    shape: 'Anthropic citations_delta with a URL is a source; a document location is not',
    format: 'anthropic',
    payloads: [
      '{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}',
      '{"type":"content_block_delta","index":0,"delta":{"type":"citations_delta","citation":{"type":"web_search_result_location","cited_text":"634 m tall","url":"https://example.com","title":"Example"}}}',
      '{"type":"content_block_delta","index":0,"delta":{"type":"citations_delta","citation":{"type":"char_location","cited_text":"634","document_index":0,"start_char_index":0,"end_char_index":3}}}',
      '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"It is 634 m tall."}}',
      ...anthropicEnd,
    ],
    events: [source('https://example.com', 'Example'), text('It is 634 m tall.'), done('end_turn')],
  },
  {
    shape: 'Gemini grounding chunks and citation sources are sources, after the chunk text',
    format: 'gemini',
    payloads: [
      '{"candidates":[{"content":{"role":"model","parts":[{"text":"Hi"}]},"citationMetadata":{"citationSources":[{"startIndex":0,"endIndex":2,"uri":"https://cited.example"}]},"groundingMetadata":{"webSearchQueries":["hi"],"groundingChunks":[{"web":{"uri":"https://example.com","title":"Example"}}]},"finishReason":"STOP"}]}',
    ],
    events: [text('Hi'), source('https://example.com', 'Example'), source('https://cited.example'), done('STOP')],
  },
  {
    shape: 'Responses url_citation annotations are sources; file citations are not',
    format: 'openai-responses',
    payloads: [
      '{"type":"response.output_text.delta","item_id":"msg_1","delta":"Sunny."}',
      '{"type":"response.output_text.annotation.added","item_id":"msg_1","annotation_index":0,"annotation":{"type":"url_citation","url":"https://example.com","title":"Example","start_index":0,"end_index":6}}',
      '{"type":"response.output_text.annotation.added","item_id":"msg_1","annotation_index":1,"annotation":{"type":"file_citation","file_id":"file_1","index":3}}',
      '{"type":"response.completed","response":{"status":"completed"}}',
    ],
    events: [text('Sunny.'), source('https://example.com', 'Example'), done('completed')],
  },
  {
    shape: 'AI SDK source-url is a source and file a file; source-document has no URL',
    format: 'ai-sdk',
    payloads: [
      '{"type":"text-delta","id":"t1","delta":"See "}',
      '{"type":"source-url","sourceId":"s1","url":"https://example.com","title":"Example"}',
      '{"type":"source-document","sourceId":"s2","mediaType":"application/pdf","title":"Report"}',
      '{"type":"file","url":"data:image/png;base64,AAAA","mediaType":"image/png"}',
      '{"type":"finish"}',
    ],
    events: [
      text('See '),
      source('https://example.com', 'Example', 's1'),
      { type: 'file', mediaType: 'image/png', url: 'data:image/png;base64,AAAA' },
      done(),
    ],
  },
];

describe('sources and files', () => {
  it.each(MAPPED)('$shape', async ({ format, payloads, events }) => {
    const result = await read(new Response(sse(payloads)), { format });
    expect(result.error).toBeUndefined();
    expect(result.events).toEqual(events);
  });
});
