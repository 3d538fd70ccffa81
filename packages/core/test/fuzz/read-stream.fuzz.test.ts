/**
 * Fuzz: whatever bytes arrive, `readStream` ends (never hangs), fails only with `StreamError`,
 * yields well-formed events ending in exactly one `done` on success, and gives the same result
 * however the bytes are chunked. Run for every built-in format on random bytes, random SSE and
 * random NDJSON, from `ReadableStream`s and `Response`s, and with stalls and aborts.
 */

import { type BuiltInFormat, isStreamError, StreamError } from '@rivulet/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createCaseCounter, runs, timeoutFor } from './budget';
import { eventProblems, merged, readBounded, sourceOf } from './read';
import { cut, cutPoints, ndjsonDocument, sseDocument } from './wire';

const FORMATS: BuiltInFormat[] = [
  'text',
  'sse',
  'ndjson',
  'openai',
  'openai-responses',
  'anthropic',
  'ai-sdk',
  'gemini',
  'cohere',
  'ollama',
  'auto',
];

const CODES = new Set(['aborted', 'timeout', 'interrupted', 'http', 'parse', 'provider']);

const counter = createCaseCounter('readStream fuzz');
afterAll(() => {
  console.log(counter.report());
});

const encoder = new TextEncoder();

/** The failure's code, after checking it is a proper `StreamError`. */
function failureCode(error: unknown): string | null {
  if (error === undefined) return null;
  if (!(error instanceof StreamError) || !isStreamError(error)) {
    throw new Error(`readStream threw something other than a StreamError: ${String(error)}`, { cause: error });
  }
  expect(CODES).toContain(error.code);
  expect(typeof error.message).toBe('string');
  return error.code;
}

/** Reads `chunks`, checks the contract, and returns what a UI would show. */
async function readChecked(chunks: Uint8Array[], format: BuiltInFormat) {
  const result = await readBounded(sourceOf(chunks).stream, { format });
  expect(result.hung, 'the read hung').toBe(false);
  const code = failureCode(result.error);
  expect(eventProblems(result.events, code === null ? 'done' : 'error')).toEqual([]);
  return { events: merged(result.events), code };
}

describe.each(FORMATS)('readStream fuzz, format %s', (format) => {
  it(
    'random bytes, randomly chunked: ends, fails only with StreamError, events well-formed',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), cutPoints, async (bytes, cuts) => {
          counter.hit(`bytes / ${format}`);
          await readChecked(cut(bytes, cuts), format);
        }),
        { numRuns: runs(60) },
      );
    },
    timeoutFor(60),
  );

  for (const [name, documents] of [
    ['SSE', sseDocument(format)],
    ['NDJSON', ndjsonDocument(format)],
  ] as const) {
    it(
      `random ${name}, randomly chunked: same result as one chunk, no U+FFFD invented`,
      async () => {
        await fc.assert(
          fc.asyncProperty(documents, cutPoints, async (document, cuts) => {
            counter.hit(`${name} / ${format}`);
            const bytes = encoder.encode(document);
            const whole = await readChecked([bytes], format);
            const chunked = await readChecked(cut(bytes, cuts), format);
            expect(chunked).toEqual(whole);
            // A lone surrogate in the generated text is sent as U+FFFD by the encoder: then it was sent.
            const sent = new TextDecoder().decode(bytes);
            if (!sent.includes('\uFFFD')) expect(JSON.stringify(chunked.events)).not.toContain('\uFFFD');
          }),
          { numRuns: runs(60) },
        );
      },
      timeoutFor(60),
    );
  }
});

describe('readStream fuzz, all formats', () => {
  /** A format, and a body mostly made of its own events. */
  const formatAndBody = fc
    .constantFrom(...FORMATS)
    .chain((format) => fc.tuple(fc.constant(format), fc.oneof(sseDocument(format), ndjsonDocument(format))));

  it(
    'a Response with any status and Content-Type: non-2xx fails with http and its status',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          formatAndBody,
          fc.constantFrom(200, 200, 201, 204, 400, 401, 429, 500, 503),
          fc.constantFrom(
            undefined,
            'text/event-stream',
            'application/x-ndjson',
            'text/plain',
            'application/json',
            'text/html',
          ),
          cutPoints,
          async ([chosen, document], status, contentType, cuts) => {
            counter.hit('Response / any format');
            const headers = contentType ? { 'content-type': contentType } : undefined;
            const payload = status === 204 ? null : sourceOf(cut(encoder.encode(document), cuts)).stream;
            const result = await readBounded(new Response(payload, { status, headers }), { format: chosen });
            expect(result.hung, 'the read hung').toBe(false);
            const code = failureCode(result.error);
            expect(eventProblems(result.events, code === null ? 'done' : 'error')).toEqual([]);
            if (status >= 300) {
              expect(code).toBe('http');
              expect((result.error as StreamError).status).toBe(status);
              expect(result.events).toEqual([]);
            }
          },
        ),
        { numRuns: runs(200) },
      );
    },
    timeoutFor(200),
  );

  it(
    'a source that stalls: idleTimeoutMs ends the read with timeout (or done, if it came first), source cancelled',
    async () => {
      await fc.assert(
        fc.asyncProperty(formatAndBody, cutPoints, async ([chosen, document], cuts) => {
          counter.hit('stall / any format');
          const source = sourceOf(cut(encoder.encode(document), cuts), { hang: true });
          const result = await readBounded(source.stream, { format: chosen, idleTimeoutMs: 5 });
          expect(result.hung, 'the read hung past its idle timeout').toBe(false);
          const code = failureCode(result.error);
          expect(eventProblems(result.events, code === null ? 'done' : 'error')).toEqual([]);
          if (code === null) return;
          expect(['timeout', 'parse', 'provider']).toContain(code);
          expect(source.wasCancelled()).toBe(true);
        }),
        { numRuns: runs(100) },
      );
    },
    timeoutFor(100, 40),
  );

  it(
    'a connection that drops: fails with a StreamError, never hangs, keeps what came before',
    async () => {
      await fc.assert(
        fc.asyncProperty(formatAndBody, cutPoints, async ([chosen, document], cuts) => {
          counter.hit('drop / any format');
          const chunks = cut(encoder.encode(document), cuts);
          const dropped = await readBounded(sourceOf(chunks, { failWith: new TypeError('network error') }).stream, {
            format: chosen,
          });
          expect(dropped.hung, 'the read hung').toBe(false);
          const code = failureCode(dropped.error);
          expect(eventProblems(dropped.events, code === null ? 'done' : 'error')).toEqual([]);
          // Nothing received before the drop is lost: the same events as when the same bytes end
          // cleanly, but for the closing `done` a clean end of a non-provider format adds.
          const clean = await readBounded(sourceOf(chunks).stream, { format: chosen });
          const content = (events: typeof clean.events) => merged(events).filter((event) => event.type !== 'done');
          expect(content(dropped.events)).toEqual(content(clean.events));
          // A drop is reported as such unless the answer was already complete or already broken.
          if (clean.error === undefined && code !== null) expect(code).toBe('interrupted');
          if (clean.error !== undefined) expect(code).not.toBeNull();
        }),
        { numRuns: runs(200) },
      );
    },
    timeoutFor(200),
  );

  it(
    'aborting at a random point ends the read with aborted (or its earlier end) and cancels the source',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          formatAndBody,
          cutPoints,
          fc.nat({ max: 12 }),
          async ([chosen, document], cuts, abortAfter) => {
            counter.hit('abort / any format');
            const chunks = cut(encoder.encode(document), cuts);
            const source = sourceOf(chunks, { hang: true });
            const controller = new AbortController();
            let seen = 0;
            const stream = source.stream.pipeThrough(
              new TransformStream<Uint8Array, Uint8Array>({
                transform(chunk, sink) {
                  if (seen++ === abortAfter) controller.abort();
                  sink.enqueue(chunk);
                },
              }),
            );
            const aborter = setTimeout(() => controller.abort(), 5);
            const result = await readBounded(stream, { format: chosen, signal: controller.signal });
            clearTimeout(aborter);
            expect(result.hung, 'the read hung after abort').toBe(false);
            const code = failureCode(result.error);
            expect(eventProblems(result.events, code === null ? 'done' : 'error')).toEqual([]);
            if (controller.signal.aborted && code !== null) expect(['aborted', 'parse', 'provider']).toContain(code);
            if (code === 'aborted') expect(source.wasCancelled()).toBe(true);
          },
        ),
        { numRuns: runs(100) },
      );
    },
    timeoutFor(100, 60),
  );
});
