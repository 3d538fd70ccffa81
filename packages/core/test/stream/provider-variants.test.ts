/**
 * Provider variants seen in recorded traffic (fixtures in `fixtures/`, expected events in
 * `variants/`): each format reader yields exactly the expected events, and ends the same way,
 * whether the bytes arrive whole, cut at random offsets (inside multi-byte characters and CRLFs
 * too), or with the format left to detection. Every tool call's arguments join into valid JSON.
 */

import { StreamError, type StreamFormat } from '@rivulet/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { read, splitAt, streamOf, summarize, trickyOffsets, variantFixtureBytes } from './helpers';
import { variants } from './variants';
import { args, call, done } from './variants/events';

/** The events read, and the failure's code and message when the read failed. */
async function outcome(chunks: Uint8Array[], format: StreamFormat) {
  const result = await read(streamOf(chunks).stream, { format });
  if (result.error !== undefined && !(result.error instanceof StreamError)) throw result.error;
  const error = result.error && { code: result.error.code, message: result.error.message };
  return { events: result.events, error };
}

describe.each(variants)('$fixture', ({ fixture, format, events, error }) => {
  const bytes = variantFixtureBytes(fixture);
  const expected = { events, error };

  it(`reads the exact events as '${format}'`, async () => {
    expect(await outcome([bytes], format)).toEqual(expected);
  });

  it('reads the same events however the bytes are cut', async () => {
    const tricky = trickyOffsets(bytes);
    expect(tricky.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }),
        fc.subarray(tricky),
        async (randomCuts, trickyCuts) => {
          expect(await outcome(splitAt(bytes, [...randomCuts, ...trickyCuts]), format)).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("reads the same events when the format is left to 'auto'", async () => {
    expect(await outcome([bytes], 'auto')).toEqual(expected);
  });

  it('joins every tool call it reads into arguments that parse as JSON', async () => {
    const { events: read } = await outcome([bytes], format);
    for (const call of summarize(read).toolCalls) {
      expect(() => JSON.parse(call.args), `${call.id}: ${call.args}`).not.toThrow();
    }
  });
});

describe('streamed Vertex AI arguments', () => {
  const part = (functionCall: string, finish = '') =>
    `data: {"candidates":[{"content":{"role":"model","parts":[{"functionCall":${functionCall}}]}${finish}}]}\r\n\r\n`;
  const piece = (jsonPath: string, value: string, continues: boolean) =>
    part(
      `{"partialArgs":[{"jsonPath":"${jsonPath}",${value}${continues ? ',"willContinue":true' : ''}}],"willContinue":true}`,
    );
  const finish = ',"finishReason":"STOP"';

  it.each([
    [
      'closes a call left open when the candidate finishes',
      [
        part('{"name":"search","willContinue":true}'),
        piece('$.query', '"stringValue":"caf"', true),
        part('{"willContinue":true}', finish),
      ],
      [call('call_0', 'search'), args('call_0', '{"query":"caf'), args('call_0', '"}'), done('STOP')],
    ],
    [
      'closes the open call when the next one starts',
      [
        part('{"name":"a","willContinue":true}'),
        piece('$.n', '"numberValue":1', false),
        part('{"name":"b","args":{"x":true}}', finish),
      ],
      [
        call('call_0', 'a'),
        args('call_0', '{"n":1'),
        args('call_0', '}'),
        call('call_1', 'b', '{"x":true}'),
        done('STOP'),
      ],
    ],
    [
      'reports pieces whose opening part never came under a call of their own',
      [piece('$.city', '"stringValue":"Lyon"', false), part('{}', finish)],
      [call('call_0', ''), args('call_0', '{"city":"Lyon"'), args('call_0', '}'), done('STOP')],
    ],
    [
      'gives {} to a streamed call that received no arguments',
      [part('{"name":"now","willContinue":true}'), part('{}', finish)],
      [call('call_0', 'now'), args('call_0', '{}'), done('STOP')],
    ],
  ])('%s', async (_title, body, expected) => {
    const result = await read(new Response(body.join('')), { format: 'gemini' });
    expect(result.error).toBeUndefined();
    expect(result.events).toEqual(expected);
  });

  it('assemble into the full arguments of each call', async () => {
    const fixtures = ['gemini-vertex-streamed-args.sse', 'gemini-vertex-args-closed-by-last-piece.sse'];
    const reads = await Promise.all(fixtures.map((fixture) => outcome([variantFixtureBytes(fixture)], 'gemini')));
    const calls = reads
      .flatMap(({ events }) => summarize(events).toolCalls)
      .map(({ name, args }) => ({ name, args: JSON.parse(args) }));
    expect(calls).toEqual([
      { name: 'get_weather', args: { location: 'São Paulo', unit: 'celsius' } },
      {
        name: 'cook_recipe',
        args: {
          recipe: {
            ingredients: [
              { name: 'Feijão', grams: 500 },
              { name: 'Farofa', grams: 120.5 },
            ],
            vegetarian: false,
            notes: null,
            steps: ['Cozinhe o feijão.'],
          },
        },
      },
      { name: 'read_theme', args: {} },
      {
        name: 'write_items',
        args: {
          operations: [
            { action: 'add', item: 'Äpfel', price: 0.5 },
            { action: 'add', item: 'Birnen', price: 0.3 },
          ],
        },
      },
    ]);
  });
});
