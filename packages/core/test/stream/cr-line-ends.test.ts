/**
 * SSE with CR line ends (which the standard allows, alone or mixed with LF and CRLF): a CR ends its
 * line as soon as it arrives, so where the chunks are cut never changes the events, the error
 * code, or when an event is delivered.
 */

import { type BuiltInFormat, readStream, StreamError } from '@rivulet/core';
import { describe, expect, it } from 'vitest';
import { bytesOf, read, splitAt, streamOf } from './helpers';

/** The error code of a read, after checking it is a `StreamError`. */
function codeOf(error: unknown): string | undefined {
  if (error === undefined) return undefined;
  expect(error).toBeInstanceOf(StreamError);
  return (error as StreamError).code;
}

async function readWholeAndCut(body: string, cuts: number[], format: BuiltInFormat) {
  const bytes = bytesOf(body);
  const whole = await read(streamOf([bytes]).stream, { format });
  const cut = await read(streamOf(splitAt(bytes, cuts)).stream, { format });
  return {
    whole: { code: codeOf(whole.error), events: whole.events },
    cut: { code: codeOf(cut.error), events: cut.events },
  };
}

describe('an invalid event ended by CR CR, with a chunk cut right after the second CR', () => {
  // Shrunk fuzz counterexamples: the blank line that dispatches the event is the CR ending a
  // chunk, and the next chunk has no line end of its own.
  const cases: Array<[BuiltInFormat, string, number]> = [
    ['openai', 'data:  [DONE]\r\r:4NlS', 15],
    ['cohere', 'id:  x\rdata:[DONE]\r\rretry:y', 20],
    ['gemini', 'data: {"candidates":[\r\r: ping', 23],
    ['ai-sdk', 'data: {"type":"text-del\r\r: ping', 25],
  ];

  it.each(cases)('%s: parse, as when the same bytes arrive in one chunk', async (format, body, cutAt) => {
    expect(body.slice(cutAt - 2, cutAt)).toBe('\r\r');
    const { whole, cut } = await readWholeAndCut(body, [cutAt], format);
    // The event was complete (its blank line came) and is not JSON: a parse error, not a cut stream.
    expect(whole).toEqual({ code: 'parse', events: [] });
    expect(cut).toEqual(whole);
  });
});

describe('CR line ends', () => {
  it('delivers an event ended by CR CR at the end of a chunk without waiting for more data', async () => {
    const body = 'data: {"type":"text-delta","id":"0","delta":"Hi"}\r\r';
    const source = streamOf([bytesOf(body)], { hang: true });
    const controller = new AbortController();
    const iterator = readStream(source.stream, { format: 'ai-sdk', signal: controller.signal })[Symbol.asyncIterator]();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<'still waiting'>((resolve) => {
      timer = setTimeout(() => resolve('still waiting'), 200);
    });
    try {
      const first = await Promise.race([iterator.next(), waited]);
      expect(first).toEqual({ done: false, value: { type: 'text', delta: 'Hi' } });
    } finally {
      clearTimeout(timer);
      // The source never ends: aborting stops the read (and any read still pending) at once.
      controller.abort();
    }
    await expect(iterator.next()).rejects.toMatchObject({ code: 'aborted' });
    expect(source.isCancelled()).toBe(true);
  });

  it('reads a CRLF split between chunks as one line end, not a CR and a blank line', async () => {
    const body = 'data: one\r\ndata: two\r\n\r\n';
    const bytes = bytesOf(body);
    for (let cutAt = 1; cutAt < bytes.length; cutAt++) {
      const result = await read(streamOf(splitAt(bytes, [cutAt])).stream, { format: 'sse' });
      expect(codeOf(result.error), `cut at ${cutAt}`).toBeUndefined();
      expect(result.events, `cut at ${cutAt}`).toEqual([{ type: 'text', delta: 'one\ntwo' }, { type: 'done' }]);
    }
  });

  it('an event ended by a lone CR at the very end of the stream is complete: parse, not interrupted', async () => {
    for (const ends of ['\n\n', '\r\r', '\r\n\r\n', '\n\r']) {
      const result = await read(streamOf([bytesOf(`data: {"candidates":[${ends}`)]).stream, { format: 'gemini' });
      expect(codeOf(result.error), JSON.stringify(ends)).toBe('parse');
    }
  });

  it('an unterminated last event is a cut stream: interrupted', async () => {
    for (const tail of ['', '\r', '\n', '\r\n']) {
      const result = await read(streamOf([bytesOf(`data: {"candidates":[${tail}`)]).stream, { format: 'gemini' });
      expect(codeOf(result.error), JSON.stringify(tail)).toBe('interrupted');
    }
  });

  it('does not strip a leading "ï»¿" only when it arrives in one chunk', async () => {
    const bytes = bytesOf('ï»¿data: x\n\ndata: y\n\n');
    const whole = await read(streamOf([bytes]).stream, { format: 'sse' });
    for (let cutAt = 1; cutAt < 8; cutAt++) {
      const cut = await read(streamOf(splitAt(bytes, [cutAt])).stream, { format: 'sse' });
      expect(cut.events, `cut at ${cutAt}`).toEqual(whole.events);
    }
    expect(whole.text).toBe('y');
  });
});
