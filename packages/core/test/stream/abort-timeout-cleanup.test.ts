/**
 * Abort, idle timeout and early exit: each cancels the underlying reader, iterator or socket,
 * throws its code after the text already received, and leaves no listener or timer behind.
 */

import { readStream, StreamError, type StreamEvent } from '@rivulet/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bytesOf, read, streamOf } from './helpers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function openaiChunk(content: string): Uint8Array {
  return bytesOf(`data: {"choices":[{"index":0,"delta":{"content":${JSON.stringify(content)}}}]}\n\n`);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('abort', () => {
  it('throws aborted mid-stream after the text received, and cancels the reader', async () => {
    const source = streamOf([openaiChunk('Hel'), openaiChunk('lo')], { hang: true });
    const controller = new AbortController();
    const events: StreamEvent[] = [];
    let error: unknown;
    try {
      for await (const event of readStream(source.stream, { format: 'openai', signal: controller.signal })) {
        events.push(event);
        if (events.length === 2) setTimeout(() => controller.abort(), 5);
      }
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StreamError);
    expect((error as StreamError).code).toBe('aborted');
    expect(events).toEqual([
      { type: 'text', delta: 'Hel' },
      { type: 'text', delta: 'lo' },
    ]);
    await source.cancelled;
    expect(source.isCancelled()).toBe(true);
  });

  it('throws aborted at once when the signal was aborted before reading, and cancels the reader', async () => {
    const source = streamOf([openaiChunk('never')]);
    const result = await read(source.stream, { format: 'openai', signal: AbortSignal.abort('user left') });
    expect(result.error).toMatchObject({ code: 'aborted', cause: 'user left' });
    expect(result.events).toEqual([]);
    await source.cancelled;
  });

  it('delivers nothing more once aborted, even events already decoded from the same chunk', async () => {
    const chunk = bytesOf(
      'data: {"choices":[{"delta":{"content":"a"}}]}\n\ndata: {"choices":[{"delta":{"content":"b"}}]}\n\n',
    );
    const controller = new AbortController();
    const events: StreamEvent[] = [];
    await expect(async () => {
      for await (const event of readStream(streamOf([chunk], { hang: true }).stream, {
        format: 'openai',
        signal: controller.signal,
      })) {
        events.push(event);
        controller.abort();
      }
    }).rejects.toMatchObject({ code: 'aborted' });
    expect(events).toEqual([{ type: 'text', delta: 'a' }]);
  });

  it('returns the async iterable source when aborted', async () => {
    let finished = false;
    async function* source() {
      try {
        yield 'first ';
        await sleep(10_000);
        yield 'never';
      } finally {
        finished = true;
      }
    }
    const controller = new AbortController();
    const events: StreamEvent[] = [];
    await expect(async () => {
      for await (const event of readStream(source(), { format: 'text', signal: controller.signal })) {
        events.push(event);
        setTimeout(() => controller.abort(), 5);
      }
    }).rejects.toMatchObject({ code: 'aborted' });
    expect(events).toEqual([{ type: 'text', delta: 'first ' }]);
    // The generator is stuck in its sleep: return() was requested and runs once the sleep ends.
    expect(finished).toBe(false);
  });
});

describe('idle timeout', () => {
  it('throws timeout after a stall, with the text received, and cancels the reader', async () => {
    vi.useFakeTimers();
    try {
      const source = streamOf([openaiChunk('Hello'), openaiChunk(' wor')], { hang: true });
      let isSettled = false;
      const reading = read(source.stream, { format: 'openai', idleTimeoutMs: 60 }).finally(() => {
        isSettled = true;
      });
      // Not a millisecond early: the stall is timed from the last chunk, on the timer clock.
      await vi.advanceTimersByTimeAsync(59);
      expect(isSettled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      const result = await reading;
      expect(result.error).toMatchObject({ name: 'StreamError', code: 'timeout' });
      expect((result.error as Error).message).toContain('60 ms');
      expect(result.text).toBe('Hello wor');
      await source.cancelled;
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps a stalled partial line of text: it was received', async () => {
    const result = await read(streamOf([bytesOf('data: one\n\ndata: tw')], { hang: true }).stream, {
      format: 'sse',
      idleTimeoutMs: 30,
    });
    expect(result.error).toMatchObject({ code: 'timeout' });
    expect(result.text).toBe('onetw');
  });

  it('restarts the idle timer with every chunk', async () => {
    async function* slowButSteady() {
      for (const word of ['a', 'b', 'c', 'd', 'e', 'f']) {
        await sleep(25);
        yield word;
      }
    }
    const result = await read(slowButSteady(), { format: 'text', idleTimeoutMs: 80 });
    expect(result.error).toBeUndefined();
    expect(result.text).toBe('abcdef');
  });

  it('does not count a slow consumer as a stalled server', async () => {
    const events: StreamEvent[] = [];
    for await (const event of readStream(streamOf([bytesOf('a'), bytesOf('b')]).stream, {
      format: 'text',
      idleTimeoutMs: 30,
    })) {
      events.push(event);
      await sleep(80);
    }
    expect(events.map((event) => event.type)).toEqual(['text', 'text', 'done']);
  });
});

describe('cleanup', () => {
  it('cancels the reader when the consumer breaks out early', async () => {
    const source = streamOf([bytesOf('one'), bytesOf('two')], { hang: true });
    for await (const event of readStream(source.stream, { format: 'text' })) {
      expect(event).toEqual({ type: 'text', delta: 'one' });
      break;
    }
    await source.cancelled;
    expect(source.isCancelled()).toBe(true);
  });

  it('returns the async iterable source when the consumer breaks out early', async () => {
    let finished = false;
    async function* source() {
      try {
        yield 'one';
        yield 'two';
      } finally {
        finished = true;
      }
    }
    for await (const _event of readStream(source(), { format: 'text' })) break;
    await sleep(0);
    expect(finished).toBe(true);
  });

  it('cancels the rest of the body after the terminal event', async () => {
    const source = streamOf([bytesOf('data: [DONE]\n\n')], { hang: true });
    const result = await read(source.stream, { format: 'openai' });
    expect(result.done).toEqual([undefined]);
    await source.cancelled;
  });

  it.each([
    ['completes', [bytesOf('data: [DONE]\n\n')], {}],
    ['fails', [bytesOf('data: {bad\n\n')], {}],
    ['is left early', [openaiChunk('x'), openaiChunk('y')], { breakEarly: true }],
  ])(
    'removes its abort listener and timers when the stream %s',
    async (_label, chunks, { breakEarly }: { breakEarly?: boolean }) => {
      const controller = new AbortController();
      const add = vi.spyOn(controller.signal, 'addEventListener');
      const remove = vi.spyOn(controller.signal, 'removeEventListener');
      const timers = new Set<unknown>();
      const realSetTimeout = globalThis.setTimeout;
      const realClearTimeout = globalThis.clearTimeout;
      vi.spyOn(globalThis, 'setTimeout').mockImplementation(((callback: () => void, ms?: number) => {
        const id = realSetTimeout(() => {
          timers.delete(id);
          callback();
        }, ms);
        timers.add(id);
        return id;
      }) as typeof setTimeout);
      vi.spyOn(globalThis, 'clearTimeout').mockImplementation(((id: ReturnType<typeof setTimeout>) => {
        timers.delete(id);
        realClearTimeout(id);
      }) as typeof clearTimeout);

      try {
        for await (const _event of readStream(streamOf(chunks, { hang: true }).stream, {
          format: 'openai',
          signal: controller.signal,
          idleTimeoutMs: 10_000,
        })) {
          if (breakEarly) break;
        }
      } catch (error) {
        expect(error).toMatchObject({ code: 'parse' });
      }
      expect(add).toHaveBeenCalledTimes(1);
      expect(remove).toHaveBeenCalledWith('abort', add.mock.calls[0]?.[1]);
      expect(timers.size).toBe(0);
    },
  );
});

describe('abort inside the loop body', () => {
  it('leaves no unhandled rejection when the source rejects on the same signal', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const controller = new AbortController();
      // Like a fetch body given the same signal: pending reads reject with an AbortError on abort.
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        start(streamController) {
          streamController.enqueue(encoder.encode('data: {"choices":[{"index":0,"delta":{"content":"Hi"}}]}\n\n'));
          controller.signal.addEventListener('abort', () =>
            streamController.error(new DOMException('The operation was aborted.', 'AbortError')),
          );
        },
      });
      const texts: string[] = [];
      let error: unknown;
      try {
        for await (const event of readStream(stream, { format: 'openai', signal: controller.signal })) {
          if (event.type === 'text') {
            texts.push(event.delta);
            controller.abort();
          }
        }
      } catch (caught) {
        error = caught;
      }
      await sleep(20);
      expect(texts).toEqual(['Hi']);
      expect((error as StreamError).code).toBe('aborted');
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
