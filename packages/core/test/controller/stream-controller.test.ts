/**
 * The stream controller in Node: its snapshots (immutable, the same object until something
 * changes), start/stop/reset, the one frame cap, the one idle timeout (which also bounds the wait
 * for the response and aborts it) and the one error converter.
 */
import { createStreamController, type StreamEvent, type StreamState } from '@rivulet/core';
import { afterEach, describe, expect, it, vi } from 'vitest';

function until(controller: ReturnType<typeof createStreamController>, predicate: (s: StreamState) => boolean) {
  return new Promise<StreamState>((resolve) => {
    const check = () => {
      const state = controller.getSnapshot();
      if (!predicate(state)) return;
      unsubscribe();
      resolve(state);
    };
    const unsubscribe = controller.subscribe(check);
    check();
  });
}

/** A byte stream the test pushes text into. */
function pushStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  const encoder = new TextEncoder();
  return {
    stream,
    push: (text: string) => controller.enqueue(encoder.encode(text)),
    close: () => controller.close(),
    fail: (error: unknown) => controller.error(error),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createStreamController', () => {
  it('publishes the text as a GrowingText too, each snapshot grown from the one before, a new run a new chain', async () => {
    const controller = createStreamController({ format: 'text', maxFps: 0 });
    const source = pushStream();
    controller.start(source.stream);
    const seen: StreamState[] = [];
    const unsubscribe = controller.subscribe(() => seen.push(controller.getSnapshot()));
    for (const piece of ['Hel', 'lo', ', ', 'world']) {
      source.push(piece);
      await until(controller, (s) => s.text.endsWith(piece));
    }
    source.close();
    await until(controller, (s) => s.status === 'done');
    unsubscribe();
    for (const state of seen) expect(String(state.growingText)).toBe(state.text);
    const withText = seen.filter((state) => state.text !== '');
    for (let index = 1; index < withText.length; index++) {
      const [before, after] = [withText[index - 1] as StreamState, withText[index] as StreamState];
      expect(after.growingText.after(before.growingText)).toBe(after.text.slice(before.text.length));
    }
    const last = controller.getSnapshot().growingText;
    const next = pushStream();
    controller.start(next.stream);
    next.push('Hello, world, again');
    const again = await until(controller, (s) => s.text === 'Hello, world, again');
    expect(again.growingText.after(last)).toBeUndefined();
    controller.reset();
    expect(String(controller.getSnapshot().growingText)).toBe('');
  });

  it('goes idle -> connecting -> streaming -> done with immutable, cached snapshots', async () => {
    const onDone = vi.fn();
    const controller = createStreamController({ format: 'text', maxFps: 0, onDone });
    const idle = controller.getSnapshot();
    expect(idle).toMatchObject({ status: 'idle', text: '', reconnecting: false });
    expect(Object.isFrozen(idle)).toBe(true);
    const source = pushStream();
    controller.start(source.stream);
    const connecting = controller.getSnapshot();
    expect(connecting.status).toBe('connecting');
    expect(controller.getSnapshot()).toBe(connecting);
    source.push('Hello');
    const streaming = await until(controller, (s) => s.text === 'Hello');
    expect(streaming.status).toBe('streaming');
    expect(controller.getSnapshot()).toBe(streaming);
    source.push(', world');
    source.close();
    const done = await until(controller, (s) => s.status === 'done');
    expect(done.text).toBe('Hello, world');
    expect(Object.isFrozen(done)).toBe(true);
    expect(onDone).toHaveBeenCalledWith(done);
  });

  it('reads reasoning, usage and tool calls; an unchanged tool call keeps its identity', async () => {
    async function* events(): AsyncIterable<StreamEvent> {
      yield { type: 'tool-call', id: 'c1', name: 'search', argsDelta: '{"q": "riv' };
      yield { type: 'reasoning', delta: 'Thinking.' };
      yield { type: 'tool-call', id: 'c1', argsDelta: 'ulet"}' };
      yield { type: 'text', delta: 'Found it.' };
      yield { type: 'usage', usage: { inputTokens: 3, outputTokens: 4 } };
      yield { type: 'done', finishReason: 'stop' };
    }
    const snapshots: StreamState[] = [];
    const controller = createStreamController({ maxFps: 0 });
    controller.subscribe(() => snapshots.push(controller.getSnapshot()));
    controller.start(events());
    const done = await until(controller, (s) => s.status === 'done');
    expect(done).toMatchObject({
      text: 'Found it.',
      reasoning: 'Thinking.',
      usage: { inputTokens: 3, outputTokens: 4 },
      finishReason: 'stop',
      toolCalls: [{ id: 'c1', name: 'search', argsText: '{"q": "rivulet"}', args: { q: 'rivulet' } }],
    });
    const partial = snapshots.find((s) => s.toolCalls[0]?.argsText === '{"q": "riv');
    expect(partial?.toolCalls[0]?.args).toEqual({ q: 'riv' });
    // After the last fragment the call object stays the same through the text and usage updates.
    const afterLastFragment = snapshots.filter((s) => s.toolCalls[0]?.argsText === '{"q": "rivulet"}');
    expect(new Set(afterLastFragment.map((s) => s.toolCalls[0])).size).toBe(1);
  });

  it('stop() aborts the request, keeps the text, and is not an error; reset() clears', async () => {
    const onError = vi.fn();
    let signal: AbortSignal | undefined;
    const source = pushStream();
    const controller = createStreamController({ format: 'text', maxFps: 0, onError });
    controller.start((s) => {
      signal = s;
      return new Response(source.stream);
    });
    source.push('kept');
    await until(controller, (s) => s.text === 'kept');
    controller.stop();
    expect(signal?.aborted).toBe(true);
    expect(controller.getSnapshot()).toMatchObject({ status: 'aborted', text: 'kept', error: undefined });
    controller.stop();
    expect(onError).not.toHaveBeenCalled();
    controller.reset();
    expect(controller.getSnapshot()).toMatchObject({ status: 'idle', text: '' });
  });

  it('starting again aborts the running stream and ignores its late text', async () => {
    const first = pushStream();
    const second = pushStream();
    const controller = createStreamController({ format: 'text', maxFps: 0 });
    controller.start(first.stream);
    first.push('first');
    await until(controller, (s) => s.text === 'first');
    controller.start(second.stream);
    expect(controller.getSnapshot()).toMatchObject({ status: 'connecting', text: '' });
    second.push('second');
    second.close();
    const done = await until(controller, (s) => s.status === 'done');
    expect(done.text).toBe('second');
  });

  it('idleTimeoutMs bounds the wait for the response too: timeout error, request aborted', async () => {
    let signal: AbortSignal | undefined;
    const controller = createStreamController({ format: 'text', idleTimeoutMs: 30 });
    controller.start((s) => {
      signal = s;
      return new Promise<Response>(() => {});
    });
    const failed = await until(controller, (s) => s.status === 'error');
    expect(failed.error).toMatchObject({ code: 'timeout', message: 'No response received for 30 ms (idleTimeoutMs)' });
    expect(signal?.aborted).toBe(true);
  });

  it('names where a failure happened: before the response, or while reading', async () => {
    const cause = new TypeError('Failed to fetch');
    const controller = createStreamController({ format: 'text', maxFps: 0 });
    controller.start(() => Promise.reject(cause));
    const refused = await until(controller, (s) => s.status === 'error');
    expect(refused.error).toMatchObject({ code: 'interrupted', message: 'The request failed: Failed to fetch', cause });

    const source = pushStream();
    controller.start(source.stream);
    source.push('partial');
    await until(controller, (s) => s.text === 'partial');
    source.fail(new TypeError('network error'));
    const dropped = await until(controller, (s) => s.status === 'error');
    expect(dropped).toMatchObject({
      text: 'partial',
      error: { code: 'interrupted', message: 'Connection lost: network error' },
    });
  });

  it('publishes at most maxFps snapshots a second however fast deltas arrive, and ends with everything', async () => {
    vi.useFakeTimers();
    const maxFps = 20;
    const source = pushStream();
    const schedule = (callback: () => void) => {
      const id = setTimeout(callback, 1000 / 60);
      return () => clearTimeout(id);
    };
    const controller = createStreamController({ format: 'text', maxFps, schedule });
    const times: number[] = [];
    controller.subscribe(() => times.push(Date.now()));
    controller.start(source.stream);
    let sent = '';
    for (let ms = 0; ms < 2000; ms += 2) {
      source.push('xy');
      sent += 'xy';
      await vi.advanceTimersByTimeAsync(2);
    }
    for (const time of times)
      expect(times.filter((t) => t >= time && t < time + 1000).length).toBeLessThanOrEqual(maxFps);
    expect(times.length).toBeGreaterThan(maxFps * 1.5);
    source.close();
    await vi.advanceTimersByTimeAsync(50);
    expect(controller.getSnapshot()).toMatchObject({ status: 'done', text: sent });
  });
});
