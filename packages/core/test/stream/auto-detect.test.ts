/**
 * `format: 'auto'` recognises every format from its Content-Type and first event, and from the
 * first bytes when there is no Content-Type.
 */

import { describe, expect, it } from 'vitest';
import { bytesOf, fixtureBytes, read, responseOf, splitEvery, streamOf } from './helpers';
import { transcripts } from './transcripts';

describe("readStream format 'auto'", () => {
  describe.each(transcripts)('$fixture', ({ fixture, contentType, expected }) => {
    it('detects the format from the Content-Type and the first event', async () => {
      const result = await read(responseOf(splitEvery(fixtureBytes(fixture), 5), { contentType }));
      expect(result.error).toBeUndefined();
      expect({
        text: result.text,
        reasoning: result.reasoning,
        toolCalls: result.toolCalls,
        usage: result.usage,
      }).toEqual({
        text: expected.text,
        reasoning: expected.reasoning,
        toolCalls: expected.toolCalls,
        usage: expected.usage,
      });
      expect(result.done).toEqual([expected.finishReason]);
    });

    it('detects the format from the first bytes of a stream without headers', async () => {
      const result = await read(streamOf(splitEvery(fixtureBytes(fixture), 3)).stream);
      expect(result.error).toBeUndefined();
      expect(result.text).toBe(expected.text);
      expect(result.reasoning).toBe(expected.reasoning);
      expect(result.toolCalls).toEqual(expected.toolCalls);
      expect(result.done).toEqual([expected.finishReason]);
    });
  });

  it('reads an AI SDK response by its protocol header', async () => {
    const body = 'data: {"type":"text-delta","id":"0","delta":"Hi"}\n\ndata: {"type":"finish"}\n\n';
    const response = responseOf([bytesOf(body)], {
      contentType: 'text/event-stream',
      headers: { 'x-vercel-ai-ui-message-stream': 'v1' },
    });
    const result = await read(response);
    expect(result).toMatchObject({ text: 'Hi', done: [undefined], error: undefined });
  });

  it('trusts a text/plain Content-Type over SSE-looking content', async () => {
    const result = await read(responseOf([bytesOf('data: not an event\n\n')], { contentType: 'text/plain' }));
    expect(result.text).toBe('data: not an event\n\n');
  });

  it.each([
    ['a word starting like an SSE field', ['da', 'tabase ready'], 'database ready'],
    ['an identifier starting with id', ['i', 'dle'], 'idle'],
    ['leading blank lines', ['\n\n', 'Hello'], '\n\nHello'],
    ['a lone prefix of a field name at the end', ['ev'], 'ev'],
  ])('reads %s as text', async (_label, chunks, text) => {
    const result = await read(streamOf(chunks).stream);
    expect(result.error).toBeUndefined();
    expect(result.text).toBe(text);
  });

  it('reads SSE whose first line is a comment, split before the colon', async () => {
    const result = await read(streamOf(['', ': hi\n\nda', 'ta: x\n\n']).stream);
    expect(result.text).toBe('x');
  });

  it('reads generic SSE text with an unknown JSON shape as raw text, not guessed', async () => {
    const result = await read(responseOf([bytesOf('data: {"token":"a"}\n\n')], { contentType: 'text/event-stream' }));
    expect(result.text).toBe('{"token":"a"}');
  });

  it('throws provider when the very first event is an error', async () => {
    const body = 'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n';
    const result = await read(responseOf([bytesOf(body)], { contentType: 'text/event-stream' }));
    expect(result.error).toMatchObject({ name: 'StreamError', code: 'provider' });
    expect((result.error as Error).message).toContain('Overloaded');
  });

  it('ends an empty stream with a lone done event', async () => {
    const result = await read(streamOf<Uint8Array>([]).stream);
    expect(result.events).toEqual([{ type: 'done' }]);
  });

  it('sniffs the bytes when the Content-Type names no stream format', async () => {
    const body = '{"model":"llama3.2","created_at":"x","message":{"role":"assistant","content":"Yo"},"done":true}\n';
    const result = await read(responseOf([bytesOf(body)], { contentType: 'application/json' }));
    expect(result.text).toBe('Yo');
  });
});
