/**
 * The reading side of resume: `readStream(...).lastEventId` names the last SSE message whose events
 * were all delivered (never one still being handed over, never one the connection cut before its
 * blank line), keeps the previous id through messages without one, and is the same whatever the
 * chunking.
 */
import { readStream, type StreamEvent } from '@rivulet/core';
import { describe, expect, it } from 'vitest';

const encoder = new TextEncoder();

function body(chunks: string[], end: 'close' | 'drop' = 'close') {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk !== undefined) controller.enqueue(encoder.encode(chunk));
      else if (end === 'close') controller.close();
      else controller.error(new TypeError('network error'));
    },
  });
}

/** Every event with the id read while it was held. */
async function idsWhileReading(chunks: string[], end: 'close' | 'drop' = 'close') {
  const events = readStream(body(chunks, end), { format: 'sse' });
  const seen: { event: StreamEvent; id: string | undefined }[] = [];
  let error: unknown;
  try {
    for await (const event of events) seen.push({ event, id: events.lastEventId });
  } catch (caught) {
    error = caught;
  }
  return { seen, last: events.lastEventId, error };
}

describe('readStream lastEventId', () => {
  it('moves with the messages delivered, keeps the id through messages without one, and is cleared by an empty id', async () => {
    const { seen, last } = await idsWhileReading([
      'id: 1\ndata: a\n\n',
      'data: b\n\nid: 3\ndata: c\n\n',
      'id:\ndata: d\n\n',
    ]);
    expect(seen.map(({ event, id }) => [event.type === 'text' ? event.delta : event.type, id])).toEqual([
      ['a', '1'],
      ['b', '1'],
      ['c', '3'],
      ['d', undefined],
      ['done', undefined],
    ]);
    expect(last).toBeUndefined();
  });

  it('is undefined for a stream without ids', async () => {
    const { last, seen } = await idsWhileReading(['data: a\n\ndata: b\n\n']);
    expect(seen).toHaveLength(3);
    expect(last).toBeUndefined();
  });

  it('does not count a message the drop cut before its blank line, though its data is still delivered', async () => {
    const { seen, last, error } = await idsWhileReading(['id: 1\ndata: whole\n\nid: 2\ndata: cut'], 'drop');
    expect(seen.map(({ event }) => (event.type === 'text' ? event.delta : event.type))).toEqual(['whole', 'cut']);
    expect(last).toBe('1');
    expect(error).toMatchObject({ code: 'interrupted' });
  });

  it('wherever the connection breaks, counts exactly the messages whose blank line arrived', async () => {
    const first = 'id: 7\ndata: x\n\n';
    const stream = `${first}id: 8\ndata: y\n\n`;
    for (let cut = 1; cut <= stream.length; cut++) {
      const { last, error } = await idsWhileReading([stream.slice(0, cut)], 'drop');
      expect(error).toMatchObject({ code: 'interrupted' });
      expect(last, `cut after ${cut} characters`).toBe(
        cut === stream.length ? '8' : cut >= first.length ? '7' : undefined,
      );
    }
  });
});
