/**
 * Property: however the bytes of a stream are cut into chunks (inside multi-byte UTF-8 characters,
 * between `\r` and `\n`, inside JSON values, one byte at a time), reading yields the same events,
 * ends the same way, and never shows a U+FFFD the server did not send. Plain text is the one
 * exception by nature: each chunk is a delta, so there the text, not the list of deltas, is compared.
 */

import type { StreamFormat } from '@rivulet/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureBytes, read, splitAt, splitEvery, streamOf, trickyOffsets } from './helpers';
import { transcripts } from './transcripts';

const ERROR_FIXTURES: Array<[string, StreamFormat]> = [
  ['anthropic-error.sse', 'anthropic'],
  ['openai-responses-error.sse', 'openai-responses'],
  ['ai-sdk-error.sse', 'ai-sdk'],
  ['gemini-error.sse', 'gemini'],
  ['ollama-error.ndjson', 'ollama'],
];

const CASES: Array<[string, StreamFormat]> = [
  ...transcripts.map((transcript): [string, StreamFormat] => [transcript.fixture, transcript.format]),
  ...transcripts.map((transcript): [string, StreamFormat] => [transcript.fixture, 'auto']),
  ...ERROR_FIXTURES,
];

const PLAIN_TEXT = new Set(['text.txt']);

async function outcome(fixture: string, chunks: Uint8Array[], format: StreamFormat) {
  const result = await read(streamOf(chunks).stream, { format });
  const error = (result.error as { code?: string } | undefined)?.code ?? null;
  if (PLAIN_TEXT.has(fixture)) return { text: result.text, done: result.done, error };
  return { events: result.events, error };
}

describe('re-chunking the bytes of a stream', () => {
  it.each(CASES)('%s read as %s gives the same events for any chunking', async (fixture, format) => {
    const bytes = fixtureBytes(fixture);
    const tricky = trickyOffsets(bytes);
    const reference = await outcome(fixture, [bytes], format);
    expect(JSON.stringify(reference)).not.toContain('\uFFFD');

    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 30 }),
        fc.subarray(tricky),
        async (randomCuts, trickyCuts) => {
          const chunked = await outcome(fixture, splitAt(bytes, [...randomCuts, ...trickyCuts]), format);
          expect(chunked).toEqual(reference);
        },
      ),
      { numRuns: 40 },
    );
  });

  it.each(CASES)('%s read as %s gives the same events one byte at a time', async (fixture, format) => {
    const bytes = fixtureBytes(fixture);
    expect(await outcome(fixture, splitEvery(bytes, 1), format)).toEqual(await outcome(fixture, [bytes], format));
  });

  it('has, for every format, a transcript with multi-byte characters to split', () => {
    const formats = new Set(
      transcripts
        .filter(({ fixture }) => fixtureBytes(fixture).some((byte) => (byte & 0xc0) === 0x80))
        .map(({ format }) => format),
    );
    expect([...formats].sort()).toEqual([...new Set(transcripts.map(({ format }) => format))].sort());
    expect(
      trickyOffsets(fixtureBytes('gemini.sse')).some((offset) => fixtureBytes('gemini.sse')[offset] === 0x0a),
    ).toBe(true);
  });

  it('gives the same events when text chunks split a surrogate-free string anywhere', async () => {
    const text = new TextDecoder().decode(fixtureBytes('sse-generic.sse'));
    const reference = await read(streamOf([text]).stream, { format: 'sse' });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 20 }), async (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const pieces = [0, ...points].map((start, index) => text.slice(start, points[index] ?? text.length));
        const result = await read(streamOf(pieces).stream, { format: 'sse' });
        expect(result.events).toEqual(reference.events);
      }),
      { numRuns: 60 },
    );
  });
});
