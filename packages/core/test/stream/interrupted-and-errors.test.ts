/**
 * Faults that end a stream: a connection dropped before the terminal event, non-2xx responses,
 * in-band provider errors and invalid JSON. Each throws its `StreamError` code after every text
 * delta received before it was yielded.
 */

import { type BuiltInFormat, StreamError } from '@rivulet/core';
import { describe, expect, it } from 'vitest';
import { bytesOf, fixtureText, read, responseOf, splitEvery, streamOf } from './helpers';
import { transcripts } from './transcripts';

/** Where each provider's terminal event starts in its transcript. */
const TERMINAL_MARKERS: Record<string, string> = {
  'openai-chat.sse': 'data: [DONE]',
  'openai-tools.sse': 'data: [DONE]',
  'openai-reasoning.sse': 'data: [DONE]',
  'openai-responses.sse': 'event: response.completed',
  'anthropic.sse': 'event: message_stop',
  'ai-sdk.sse': 'data: {"type":"finish"}',
  'gemini.sse': 'data: {"candidates":[{"content":{"parts":[{"functionCall"',
  'cohere.sse': 'event: message-end',
  'cohere-tools.sse': 'event: message-end',
  'ollama.ndjson': '{"model":"qwen3:8b","created_at":"2025-06-12T08:52:20.1Z"',
  'ollama-tools.ndjson': '{"model":"llama3.2","created_at":"2025-06-12T09:00:01Z"',
};

function expectStreamError(error: unknown, code: StreamError['code']): StreamError {
  expect(error).toBeInstanceOf(StreamError);
  expect((error as StreamError).code).toBe(code);
  return error as StreamError;
}

describe('a stream that ends without its terminal event', () => {
  const providers = transcripts.filter((transcript) => transcript.fixture in TERMINAL_MARKERS);

  it.each(providers)(
    'throws interrupted for $fixture after yielding all its text',
    async ({ fixture, format, expected }) => {
      const text = fixtureText(fixture);
      const cut = text.indexOf(TERMINAL_MARKERS[fixture] ?? '\u0000');
      expect(cut).toBeGreaterThan(0);
      const result = await read(responseOf(splitEvery(bytesOf(text.slice(0, cut)), 11)), { format });
      const error = expectStreamError(result.error, 'interrupted');
      expect(error.message).toContain(format);
      expect(result.text).toBe(expected.text);
      expect(result.reasoning).toBe(expected.reasoning);
      expect(result.done).toEqual([]);
    },
  );

  it('throws interrupted, not parse, when the connection drops in the middle of an event', async () => {
    const text = fixtureText('openai-chat.sse');
    const cut = text.indexOf('" 你好"') + 3;
    const result = await read(responseOf([bytesOf(text.slice(0, cut))]), { format: 'openai' });
    expectStreamError(result.error, 'interrupted');
    expect(result.text).toBe('Hello! 👋 How can I help you today?');
  });

  it('throws interrupted for an unterminated last line in auto-detected JSON lines', async () => {
    const body = '{"model":"m","message":{"role":"assistant","content":"Hi"},"done":false}\n{"model":"m","mess';
    const result = await read(streamOf([bytesOf(body)]).stream);
    expectStreamError(result.error, 'interrupted');
    expect(result.text).toBe('Hi');
  });

  it('throws interrupted when the connection fails, keeping the text received', async () => {
    const chunks = [bytesOf('Partial ans'), bytesOf('wer é')];
    const result = await read(streamOf(chunks, { failWith: new TypeError('terminated') }).stream, { format: 'text' });
    const error = expectStreamError(result.error, 'interrupted');
    expect(error.message).toContain('terminated');
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(result.text).toBe('Partial answer é');
  });

  it('delivers the last generic SSE event when the connection fails before its blank line', async () => {
    const chunks = [bytesOf('data: one\n\ndata: two')];
    const result = await read(streamOf(chunks, { failWith: new Error('reset') }).stream, { format: 'sse' });
    expectStreamError(result.error, 'interrupted');
    expect(result.text).toBe('onetwo');
  });

  it('accepts a final event whose blank line never came when the stream closes cleanly', async () => {
    const result = await read(new Response('data: {"type":"message_stop"}'), { format: 'anthropic' });
    expect(result.error).toBeUndefined();
    expect(result.done).toEqual([undefined]);
  });

  it('does not require a terminal event for text, sse and ndjson', async () => {
    for (const format of ['text', 'sse', 'ndjson'] as const) {
      const body = format === 'ndjson' ? '"a"\n' : format === 'sse' ? 'data: a\n\n' : 'a';
      const result = await read(new Response(body), { format });
      expect(result.error).toBeUndefined();
      expect(result.text).toBe('a');
    }
  });
});

describe('a non-2xx Response', () => {
  it.each([
    [
      429,
      '{"error":{"message":"Rate limit reached for gpt-4o","type":"requests","code":"rate_limit_exceeded"}}',
      'Rate limit reached for gpt-4o',
    ],
    [529, '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}', 'Overloaded'],
    [500, '{"error":"model not found"}', 'model not found'],
    [422, '{"detail":[{"loc":["body","messages"],"msg":"field required","type":"missing"}]}', 'field required'],
    [400, '{"message":"Invalid API key"}', 'Invalid API key'],
    [503, 'upstream connect error', 'upstream connect error'],
  ])('throws http %i with the body message', async (status, body, message) => {
    const result = await read(responseOf([bytesOf(body)], { status, contentType: 'application/json' }));
    const error = expectStreamError(result.error, 'http');
    expect(error.status).toBe(status);
    expect(error.message).toContain(`HTTP ${status}`);
    expect(error.message).toContain(message);
    expect(result.events).toEqual([]);
  });

  it('leaves an HTML error page out of the message', async () => {
    const result = await read(
      new Response('<html><body>Bad gateway</body></html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const error = expectStreamError(result.error, 'http');
    expect(error.message).toBe('HTTP 502 Bad Gateway');
  });

  it('reads a bounded part of an endless error body, then cancels it', async () => {
    const kilobyte = bytesOf('e'.repeat(1024));
    const body = streamOf(
      Array.from({ length: 100 }, () => kilobyte),
      { hang: true },
    );
    const result = await read(new Response(body.stream, { status: 500 }));
    const error = expectStreamError(result.error, 'http');
    expect(error.message.length).toBeLessThan(400);
    await body.cancelled;
  });

  it('throws http for an error response without a body', async () => {
    const result = await read(new Response(null, { status: 401, statusText: 'Unauthorized' }));
    expect(expectStreamError(result.error, 'http').message).toBe('HTTP 401 Unauthorized');
  });
});

describe('an in-band provider error', () => {
  const cases: Array<[string, BuiltInFormat, string, string, string]> = [
    [
      'openai',
      'openai',
      'data: {"choices":[{"index":0,"delta":{"content":"Hel"}}]}\n\ndata: {"choices":[{"index":0,"delta":{"content":"lo"}}]}\n\ndata: {"error":{"message":"The server had an error while processing your request.","type":"server_error"}}\n\n',
      'Hello',
      'The server had an error',
    ],
    [
      'openai-responses',
      'openai-responses',
      fixtureText('openai-responses-error.sse'),
      'Let me check the weather in Paris — one moment.',
      'The model failed to generate a response.',
    ],
    [
      'openai-responses error event',
      'openai-responses',
      'event: response.output_text.delta\ndata: {"type":"response.output_text.delta","delta":"Hi"}\n\nevent: error\ndata: {"type":"error","code":"ERR_SOMETHING","message":"Something went wrong","param":null}\n\n',
      'Hi',
      'Something went wrong',
    ],
    [
      'anthropic',
      'anthropic',
      fixtureText('anthropic-error.sse'),
      'Okay, let’s check the weather for San Francisco, CA:',
      'Overloaded',
    ],
    [
      'ai-sdk',
      'ai-sdk',
      fixtureText('ai-sdk-error.sse'),
      'Checking Zürich’s weather…',
      'Rate limit exceeded for model gpt-4o',
    ],
    [
      'gemini',
      'gemini',
      fixtureText('gemini-error.sse'),
      'I’ll look up the weather in 東京 now.',
      'The model is overloaded.',
    ],
    [
      'cohere',
      'cohere',
      'event: content-delta\ndata: {"type":"content-delta","index":0,"delta":{"message":{"content":{"text":"Sal"}}}}\n\nevent: error\ndata: {"type":"error","error":{"message":"internal server error"}}\n\n',
      'Sal',
      'internal server error',
    ],
    ['ollama', 'ollama', fixtureText('ollama-error.ndjson'), 'Hi there', 'model requires more system memory'],
    ['sse', 'sse', 'data: partial\n\nevent: error\ndata: quota exhausted\n\n', 'partial', 'quota exhausted'],
    ['ndjson', 'ndjson', '{"text":"par"}\n{"error":{"message":"boom"}}\n', 'par', 'boom'],
  ];

  it.each(cases)(
    'throws provider for %s after yielding the text before it',
    async (_label, format, body, text, message) => {
      for (const useAuto of [false, true]) {
        const result = await read(responseOf(splitEvery(bytesOf(body), 13)), useAuto ? {} : { format });
        const error = expectStreamError(result.error, 'provider');
        expect(error.message).toContain(message);
        expect(result.text).toBe(text);
      }
    },
  );
});

describe('an invalid JSON event', () => {
  const broken = '{"choices":[{"index":0,"delta":{"content":"oops"}';
  const cases: Array<[BuiltInFormat, string, string]> = [
    [
      'openai',
      `data: {"choices":[{"index":0,"delta":{"content":"Good"}}]}\n\ndata: ${broken}\n\ndata: [DONE]\n\n`,
      'Good',
    ],
    [
      'anthropic',
      `event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Good"}}\n\nevent: content_block_delta\ndata: ${broken}\n\n`,
      'Good',
    ],
    ['openai-responses', `data: {"type":"response.output_text.delta","delta":"Good"}\n\ndata: ${broken}\n\n`, 'Good'],
    ['ai-sdk', `data: {"type":"text-delta","id":"0","delta":"Good"}\n\ndata: ${broken}\n\n`, 'Good'],
    ['gemini', `data: {"candidates":[{"content":{"parts":[{"text":"Good"}]}}]}\r\n\r\ndata: ${broken}\r\n\r\n`, 'Good'],
    [
      'cohere',
      `data: {"type":"content-delta","delta":{"message":{"content":{"text":"Good"}}}}\n\ndata: ${broken}\n\n`,
      'Good',
    ],
    ['ollama', `{"model":"m","message":{"content":"Good"},"done":false}\n${broken}\n{"done":true}\n`, 'Good'],
    ['ndjson', `{"text":"Good"}\n${broken}\n`, 'Good'],
  ];

  it.each(cases)('throws parse for %s quoting the line, after the text before it', async (format, body, text) => {
    const result = await read(responseOf([bytesOf(body)]), { format });
    const error = expectStreamError(result.error, 'parse');
    expect(error.message).toContain(broken);
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(result.text).toBe(text);
  });

  it('truncates a very long offending line in the message', async () => {
    const line = `{"choices":[${'x'.repeat(50_000)}`;
    const result = await read(new Response(`data: ${line}\n\n`), { format: 'openai' });
    const error = expectStreamError(result.error, 'parse');
    expect(error.message).toContain(line.slice(0, 100));
    expect(error.message).toContain(`${line.length} characters`);
    expect(error.message.length).toBeLessThan(400);
  });
});
