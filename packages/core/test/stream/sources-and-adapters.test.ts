/**
 * The source kinds `readStream` accepts besides Response and WebSocket, user-defined format
 * adapters, and the errors it raises for misuse.
 */

import { Readable } from 'node:stream';
import { type FormatAdapter, type RawEvent, readStream, type StreamEvent } from '@rivulet/core';
import { describe, expect, it } from 'vitest';
import { bytesOf, read, streamOf } from './helpers';

describe('sources', () => {
  it('passes StreamEvent objects from an async iterable straight through', async () => {
    async function* events(): AsyncGenerator<StreamEvent> {
      yield { type: 'reasoning', delta: 'hmm' };
      yield { type: 'text', delta: 'Hi' };
      yield { type: 'tool-call', id: 't1', name: 'search', argsDelta: '{}' };
      yield { type: 'usage', usage: { inputTokens: 1, outputTokens: 2 } };
    }
    const result = await read(events());
    expect(result.events).toEqual([
      { type: 'reasoning', delta: 'hmm' },
      { type: 'text', delta: 'Hi' },
      { type: 'tool-call', id: 't1', name: 'search', argsDelta: '{}' },
      { type: 'usage', usage: { inputTokens: 1, outputTokens: 2 } },
      { type: 'done' },
    ]);
  });

  it('stops at a passed-through done event', async () => {
    async function* events() {
      yield { type: 'text', delta: 'a' } as const;
      yield { type: 'done', finishReason: 'stop' } as const;
      yield { type: 'text', delta: 'late' } as const;
    }
    const result = await read(events());
    expect(result.text).toBe('a');
    expect(result.done).toEqual(['stop']);
  });

  it('reads an async iterable of strings and one of bytes', async () => {
    async function* strings() {
      yield 'data: {"choices":[{"delta":{"content":"x"}}]}\n';
      yield '\ndata: [DONE]\n\n';
    }
    expect((await read(strings(), { format: 'openai' })).text).toBe('x');
    const bytes = bytesOf('é');
    async function* split() {
      yield bytes.subarray(0, 1);
      yield bytes.subarray(1);
    }
    expect((await read(split(), { format: 'text' })).text).toBe('é');
  });

  it('reads a ReadableStream of strings', async () => {
    const result = await read(streamOf(['{"text":"a"}\n{"te', 'xt":"b"}']).stream, { format: 'ndjson' });
    expect(result.text).toBe('ab');
  });

  it('reads a Node Readable (an async iterable of Buffers)', async () => {
    const bytes = bytesOf('data: Grüß\n\ndata: e\n\n');
    const node = Readable.from([Buffer.from(bytes.subarray(0, 10)), Buffer.from(bytes.subarray(10))]);
    const result = await read(node, { format: 'sse' });
    expect(result.text).toBe('Grüße');
  });

  it('throws parse for a chunk that is neither bytes, text nor an event', async () => {
    async function* odd() {
      yield 42;
    }
    const result = await read(odd() as unknown as AsyncIterable<string>);
    expect(result.error).toMatchObject({ code: 'parse' });
  });

  it('throws interrupted when an async iterable source throws, after its text', async () => {
    async function* failing() {
      yield 'kept';
      throw new Error('socket hang up');
    }
    const result = await read(failing(), { format: 'text' });
    expect(result.error).toMatchObject({ code: 'interrupted' });
    expect(result.text).toBe('kept');
  });

  it('rejects what is not a source, naming the call', () => {
    expect(() => readStream({} as unknown as Response)).toThrow(/\[rivulet\] readStream: expected a Response/);
  });

  it('rejects an unknown format, naming the valid ones', () => {
    expect(() => readStream(new Response(''), { format: 'openia' as 'openai' })).toThrow(
      /unknown format "openia".*'openai'/,
    );
  });

  it('rejects a Response whose body was already read', async () => {
    const response = new Response('used');
    await response.text();
    expect(() => readStream(response)).toThrow(/body was already read/);
  });

  it('does not lock a stream before iteration starts', () => {
    const { stream } = streamOf(['a']);
    readStream(stream);
    expect(stream.locked).toBe(false);
  });
});

describe('user-defined format adapters', () => {
  it('maps CRLF-terminated NDJSON lines with a custom adapter and lets the stream end the answer', async () => {
    const seen: RawEvent[] = [];
    const tokens: FormatAdapter = Object.assign(
      (event: RawEvent): StreamEvent[] => {
        seen.push(event);
        return [{ type: 'text', delta: (JSON.parse(event.data) as { token: string }).token }];
      },
      { framing: 'ndjson' as const },
    );
    const result = await read(new Response('{"token":"Hel"}\r\n{"token":"lo"}\r\n'), { format: tokens });
    expect(result.text).toBe('Hello');
    expect(result.done).toEqual([undefined]);
    expect(seen).toEqual([{ data: '{"token":"Hel"}' }, { data: '{"token":"lo"}' }]);
  });

  it('hands SSE events with their event name and id to an adapter (SSE is the default framing)', async () => {
    const seen: RawEvent[] = [];
    const adapter: FormatAdapter = (event) => {
      seen.push(event);
      return event.event === 'end' ? [{ type: 'done', finishReason: 'end' }] : [{ type: 'text', delta: event.data }];
    };
    const result = await read(new Response('id: 7\nevent: token\ndata: a\n\nevent: end\ndata: {}\n\n'), {
      format: adapter,
    });
    expect(seen[0]).toEqual({ data: 'a', event: 'token', id: '7' });
    expect(result.text).toBe('a');
    expect(result.done).toEqual(['end']);
  });

  it('throws interrupted when an adapter marked terminal never produced done', async () => {
    const adapter: FormatAdapter = Object.assign(
      (event: RawEvent): StreamEvent[] => [{ type: 'text', delta: event.data }],
      {
        terminal: true,
      },
    );
    const result = await read(new Response('data: a\n\n'), { format: adapter });
    expect(result.error).toMatchObject({ code: 'interrupted' });
    expect(result.text).toBe('a');
  });

  it('turns an adapter exception into parse quoting the event', async () => {
    const adapter: FormatAdapter = Object.assign((event: RawEvent): StreamEvent[] => JSON.parse(event.data), {
      framing: 'ndjson' as const,
    });
    const result = await read(new Response('not json\n'), { format: adapter });
    expect(result.error).toMatchObject({ code: 'parse' });
    expect((result.error as Error).message).toContain('not json');
  });
});
