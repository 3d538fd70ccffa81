/**
 * Reading stays linear in the stream's length, however its bytes are cut: every byte is decoded
 * once, every character reaches the SSE parser once, and every event's JSON is parsed once, for a
 * 1 MB transcript of small OpenAI chunks and for a single 1 MB event or line arriving in a thousand
 * pieces. The work is counted, not timed, so the checks hold on any machine, however loaded.
 */

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bytesOf, read, responseOf, splitEvery } from './helpers';

/** Characters fed to eventsource-parser, counted by the wrapper below. */
const sse = vi.hoisted(() => ({ fed: 0 }));

vi.mock('eventsource-parser', async (importOriginal) => {
  const actual = await importOriginal<typeof import('eventsource-parser')>();
  return {
    ...actual,
    createParser: (callbacks: Parameters<typeof actual.createParser>[0]) => {
      const parser = actual.createParser(callbacks);
      return {
        ...parser,
        feed(chunk: string) {
          sse.fed += chunk.length;
          parser.feed(chunk);
        },
      };
    },
  };
});

const MEGABYTE = 1024 * 1024;

/** What the reader did: bytes decoded, characters fed to the SSE parser, texts parsed as JSON. */
function countWork() {
  const decode = vi.spyOn(TextDecoder.prototype, 'decode');
  const parse = vi.spyOn(JSON, 'parse');
  sse.fed = 0;
  return {
    bytesDecoded: () =>
      decode.mock.calls.reduce((sum, [input]) => sum + (input instanceof Uint8Array ? input.byteLength : 0), 0),
    charactersFed: () => sse.fed,
    parsed: () => parse.mock.calls.map(([input]) => String(input)),
  };
}

function openaiTranscript(target = MEGABYTE): { bytes: Uint8Array; deltas: number } {
  const parts: string[] = [];
  let size = 0;
  while (size < target) {
    const part = `data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1741569952,"model":"gpt-4.1","choices":[{"index":0,"delta":{"content":"tok ${parts.length} é "},"finish_reason":null}]}\n\n`;
    parts.push(part);
    size += part.length;
  }
  const deltas = parts.length;
  parts.push('data: [DONE]\n\n');
  return { bytes: bytesOf(parts.join('')), deltas };
}

/** The end of an SSE stream feeds two line feeds more (see `framing.ts`). */
const endOfStream = 2;

beforeEach(() => {
  sse.fed = 0;
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('readStream reads each byte once', () => {
  it('a 1 MB OpenAI transcript in 64 KiB chunks: each byte decoded, framed and parsed once', async () => {
    const { bytes, deltas } = openaiTranscript();
    const text = new TextDecoder().decode(bytes);
    const work = countWork();
    const result = await read(responseOf(splitEvery(bytes, 64 * 1024), { contentType: 'text/event-stream' }), {
      format: 'openai',
    });
    expect(result.error).toBeUndefined();
    expect(result.events).toHaveLength(deltas + 1);
    expect(result.text.endsWith(`tok ${deltas - 1} é `)).toBe(true);
    expect(work.bytesDecoded()).toBe(bytes.byteLength);
    // `[DONE]` ends the read: the end-of-stream line feeds are never needed.
    expect(work.charactersFed()).toBe(text.length);
    // One parse per chunk event; `[DONE]` is not JSON.
    expect(work.parsed().filter((input) => input.includes('chat.completion.chunk'))).toHaveLength(deltas);
  });

  it('one 1 MB SSE event arriving in a thousand pieces: framed once, parsed never (plain SSE)', async () => {
    const payload = 'x'.repeat(MEGABYTE);
    const bytes = bytesOf(`data: ${payload}\n\n`);
    const work = countWork();
    const result = await read(responseOf(splitEvery(bytes, 1024)), { format: 'sse' });
    expect(result.text.length).toBe(MEGABYTE);
    expect(work.bytesDecoded()).toBe(bytes.byteLength);
    expect(work.charactersFed()).toBe(bytes.byteLength + endOfStream);
  });

  it('one 1 MB JSON line arriving in a thousand pieces: joined once and parsed once', async () => {
    const line = JSON.stringify({ text: 'y'.repeat(MEGABYTE) });
    const bytes = bytesOf(`${line}\n`);
    const work = countWork();
    const result = await read(responseOf(splitEvery(bytes, 1024)), { format: 'ndjson' });
    expect(result.text.length).toBe(MEGABYTE);
    expect(work.bytesDecoded()).toBe(bytes.byteLength);
    // A partial line is never parsed: the pieces are joined into the one line first.
    expect(work.parsed().filter((input) => input.startsWith('{"text"'))).toEqual([line]);
  });
});
