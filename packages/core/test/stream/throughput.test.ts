/**
 * Reading stays linear in the stream's length: a 1 MB transcript of small OpenAI chunks, and a
 * single 1 MB event or line arriving in a thousand pieces, each read well under a second.
 */

import { describe, expect, it } from 'vitest';
import { bytesOf, read, responseOf, splitEvery } from './helpers';

const MEGABYTE = 1024 * 1024;

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

describe('readStream throughput', () => {
  it('reads a 1 MB OpenAI transcript in 64 KiB chunks well under a second', async () => {
    // A small read first loads the runtime's stream internals, which Node compiles on first use.
    await read(responseOf([openaiTranscript(16 * 1024).bytes]));
    const { bytes, deltas } = openaiTranscript();
    const started = performance.now();
    const result = await read(responseOf(splitEvery(bytes, 64 * 1024), { contentType: 'text/event-stream' }));
    const elapsed = performance.now() - started;
    expect(result.error).toBeUndefined();
    expect(result.events).toHaveLength(deltas + 1);
    expect(result.text.endsWith(`tok ${deltas - 1} é `)).toBe(true);
    expect(elapsed).toBeLessThan(1000);
  });

  it('joins one 1 MB SSE event arriving in a thousand pieces in linear time', async () => {
    const payload = 'x'.repeat(MEGABYTE);
    const bytes = bytesOf(`data: ${payload}\n\n`);
    const started = performance.now();
    const result = await read(responseOf(splitEvery(bytes, 1024)), { format: 'sse' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.text.length).toBe(MEGABYTE);
  });

  it('joins one 1 MB JSON line arriving in a thousand pieces in linear time', async () => {
    const bytes = bytesOf(`${JSON.stringify({ text: 'y'.repeat(MEGABYTE) })}\n`);
    const started = performance.now();
    const result = await read(responseOf(splitEvery(bytes, 1024)), { format: 'ndjson' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.text.length).toBe(MEGABYTE);
  });
});
