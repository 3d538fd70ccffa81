/**
 * fast-check arbitraries for stream wire data: SSE documents with random fields, comments and
 * CR/LF/CRLF line ends, NDJSON documents, both carrying provider-shaped JSON, and random chunkings
 * of the bytes.
 */

import fc from 'fast-check';
import { payloadFor, providerPayload, text } from './provider-payloads';

/** A payload cut short or otherwise broken: invalid JSON. */
const brokenPayload = fc
  .tuple(providerPayload, fc.nat())
  .map(([json, cut]) => json.slice(0, cut % Math.max(1, json.length)))
  .filter((json) => {
    try {
      JSON.parse(json);
      return false;
    } catch {
      return true;
    }
  });

function dataPayload(format: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 30, arbitrary: payloadFor(format) },
    {
      weight: format === 'openai' || format === 'ai-sdk' || format === 'sse' ? 3 : 1,
      arbitrary: fc.constant('[DONE]'),
    },
    { weight: 1, arbitrary: text },
    { weight: 1, arbitrary: brokenPayload },
  );
}

const eventName = fc.oneof(
  fc.constantFrom(
    'error',
    'message',
    'ping',
    'content_block_delta',
    'message_stop',
    'delta',
    'done',
    'response.output_text.delta',
  ),
  text,
);

const fieldName = fc.oneof(
  fc.constantFrom('data', 'event', 'id', 'retry', 'Data', 'data ', ''),
  fc.string({ maxLength: 6 }),
);

const space = fc.constantFrom('', ' ', '  ');

/** A line that carries no event: a comment, `id:`/`retry:`, an odd or misspelt field, a stray blank. */
const sseNoise = fc.oneof(
  { weight: 2, arbitrary: text.map((comment) => `:${comment}`) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('id', 'retry'), space, text).map(([field, sp, v]) => `${field}:${sp}${v}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fieldName, fc.boolean(), text)
      .map(([name, colon, v]) => (colon ? `${name}:${v}` : `${name}${v}`)),
  },
  { weight: 1, arbitrary: fc.constant('') },
);

const dataLine = (format: string) =>
  fc.tuple(space, dataPayload(format)).map(([sp, payload]) => `data:${sp}${payload}`);

/**
 * One SSE event as lines: an optional `event:` line, one data line (sometimes two, which the
 * standard joins with a newline), and usually the blank line that dispatches it.
 */
const sseEvent = (format: string) =>
  fc
    .tuple(
      fc.option(
        fc.tuple(space, eventName).map(([sp, name]) => `event:${sp}${name}`),
        { freq: 4 },
      ),
      fc.oneof(
        { weight: 8, arbitrary: fc.tuple(dataLine(format)) },
        { weight: 1, arbitrary: fc.tuple(dataLine(format), dataLine(format)) },
      ),
      fc.option(sseNoise, { freq: 4 }),
      fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    )
    .map(([event, data, noise, isDispatched]) => [
      ...(event === null ? [] : [event]),
      ...(noise === null ? [] : [noise]),
      ...data,
      ...(isDispatched || data.length > 1 ? [''] : []),
    ]);

/** The lines of an SSE document, without their line ends. */
const sseLines = (format: string) =>
  fc
    .array(
      fc.oneof({ weight: 6, arbitrary: sseEvent(format) }, { weight: 1, arbitrary: sseNoise.map((line) => [line]) }),
      {
        maxLength: 8,
      },
    )
    .map((groups) => groups.flat());

/** CR, LF or CRLF, as the SSE standard allows (and a proxy may mix them). */
export const lineEnd = fc.constantFrom('\n', '\r', '\r\n');

/**
 * Joins lines with line ends: one style for the whole document, or (one time in four) a random mix,
 * where a CR followed by a blank line's LF merges into one CRLF, as on a real wire. Sometimes the
 * stream stops in the middle of its last line.
 */
function document(lines: fc.Arbitrary<string[]>): fc.Arbitrary<string> {
  const ends = (count: number) =>
    fc.oneof(
      { weight: 3, arbitrary: lineEnd.map((end) => Array.from({ length: count }, () => end)) },
      { weight: 1, arbitrary: fc.array(lineEnd, { minLength: count, maxLength: count }) },
    );
  return fc
    .tuple(
      lines.chain((contents) => fc.tuple(fc.constant(contents), ends(contents.length))),
      fc.boolean(),
    )
    .map(([[contents, endings], endsWithLineEnd]) => {
      const joined = contents.map((content, index) => content + endings[index]).join('');
      const last = endings[endings.length - 1];
      return endsWithLineEnd || last === undefined ? joined : joined.slice(0, -last.length);
    });
}

/**
 * An SSE-like document: data lines with JSON mostly shaped like `format`'s events (any provider's
 * for generic formats), events, comments, odd fields.
 */
export function sseDocument(format: string): fc.Arbitrary<string> {
  return document(sseLines(format));
}

/** An NDJSON-like document: one JSON (or broken JSON, or blank) line each. */
export function ndjsonDocument(format: string): fc.Arbitrary<string> {
  const line = fc.oneof(
    { weight: 30, arbitrary: payloadFor(format) },
    { weight: 1, arbitrary: brokenPayload },
    { weight: 2, arbitrary: space },
  );
  return document(fc.array(line, { maxLength: 10 }));
}

/** Offsets at which to cut a stream of `length` bytes; empty means one chunk. */
export const cutPoints: fc.Arbitrary<number[]> = fc.array(fc.nat(), { maxLength: 12 });

/** Cuts `bytes` at the given offsets (taken modulo the length). */
export function cut<T extends { slice(start: number, end?: number): T; length: number }>(
  whole: T,
  cuts: readonly number[],
): T[] {
  if (whole.length < 2) return [whole];
  const points = [...new Set(cuts.map((point) => 1 + (point % (whole.length - 1))))].sort((a, b) => a - b);
  const pieces: T[] = [];
  let start = 0;
  for (const point of points) {
    pieces.push(whole.slice(start, point));
    start = point;
  }
  pieces.push(whole.slice(start));
  return pieces;
}
