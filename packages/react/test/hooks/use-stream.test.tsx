import { StreamError, type StreamEvent } from '@rivulet/core';
import { Markdown, type UseStreamOptions, type UseStreamResult, useStream } from '@rivulet/react';
import { act, render, renderHook, waitFor } from '@testing-library/react';
import { Profiler, StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, pushStream } from './streams';

/** The last result the probe rendered with. */
let stream: UseStreamResult;
function StreamProbe({ options }: { options: UseStreamOptions }) {
  stream = useStream(options);
  return <p>{stream.text}</p>;
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('useStream: status and text', () => {
  it('goes idle -> connecting -> streaming -> done and keeps every delta', async () => {
    const source = pushStream();
    const onDone = vi.fn();
    const { result } = renderHook(() => useStream({ format: 'text', maxFps: 0, onDone }));
    expect(result.current.status).toBe('idle');

    act(() => result.current.start(source.stream));
    expect(result.current.status).toBe('connecting');

    source.push('Hello');
    await waitFor(() => expect(result.current.status).toBe('streaming'));
    source.push(', world');
    source.close();
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.text).toBe('Hello, world');
    expect(result.current.error).toBeUndefined();
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(onDone.mock.calls[0]?.[0]).toMatchObject({ text: 'Hello, world', status: 'done' });
  });

  it('gives the text as a GrowingText too, that a <Markdown> renders as the text', async () => {
    const source = pushStream();
    const { result } = renderHook(() => useStream({ format: 'text', maxFps: 0 }));
    act(() => result.current.start(source.stream));
    source.push('# Title\n\nSome **bo');
    await waitFor(() => expect(result.current.text).toBe('# Title\n\nSome **bo'));
    const before = result.current.growingText;
    source.push('ld** text');
    source.close();
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(String(result.current.growingText)).toBe('# Title\n\nSome **bold** text');
    expect(result.current.growingText.after(before)).toBe('ld** text');
    const { container } = render(<Markdown highlight={false}>{result.current.growingText}</Markdown>);
    expect(container.querySelector('h1')?.textContent).toBe('Title');
    expect(container.querySelector('strong')?.textContent).toBe('bold');
  });

  it('flushes pending text immediately when the stream ends, whatever the frame cap', async () => {
    const source = pushStream();
    // A frame cap of 1 per second: the end must not wait for the next frame.
    const { result } = renderHook(() => useStream({ format: 'text', maxFps: 1 }));
    act(() => result.current.start(source.stream));
    source.push('a');
    source.push('b');
    source.push('c');
    source.close();
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.text).toBe('abc');
  });

  it('reads reasoning, usage and tool calls with best-effort parsed arguments', async () => {
    async function* events(): AsyncIterable<StreamEvent> {
      yield { type: 'reasoning', delta: 'Let me think. ' };
      yield { type: 'reasoning', delta: 'Done thinking.' };
      yield { type: 'text', delta: 'Calling the tool.' };
      yield { type: 'tool-call', id: 'call_1', name: 'search', argsDelta: '{"query": "riv' };
      yield { type: 'tool-call', id: 'call_1', argsDelta: 'ulet", "limit": 3' };
      yield { type: 'usage', usage: { inputTokens: 12, outputTokens: 7 } };
      yield { type: 'done', finishReason: 'tool_calls' };
    }
    const seenArgs: unknown[] = [];
    const { result } = renderHook(() => {
      const stream = useStream({ maxFps: 0 });
      for (const call of stream.toolCalls) seenArgs.push(call.args);
      return stream;
    });
    act(() => result.current.start(events()));
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.reasoning).toBe('Let me think. Done thinking.');
    expect(result.current.text).toBe('Calling the tool.');
    expect(result.current.usage).toEqual({ inputTokens: 12, outputTokens: 7 });
    expect(result.current.toolCalls).toEqual([
      {
        id: 'call_1',
        name: 'search',
        argsText: '{"query": "rivulet", "limit": 3',
        args: { query: 'rivulet', limit: 3 },
      },
    ]);
    // While the arguments were still open, the partial object was already readable.
    expect(seenArgs).toContainEqual({ query: 'riv' });
    // The same content as parts, in the order it arrived.
    expect(result.current.parts.map((part) => part.type)).toEqual(['reasoning', 'text', 'tool-call']);
    expect(result.current.parts[2]).toMatchObject({ toolCallId: 'call_1', state: 'input-available' });
  });

  it('leaves args undefined when the argument text does not parse, and keeps the raw text', async () => {
    async function* events(): AsyncIterable<StreamEvent> {
      yield { type: 'tool-call', id: 't', name: 'f', argsDelta: 'not json' };
    }
    const { result } = renderHook(() => useStream({ maxFps: 0 }));
    act(() => result.current.start(events()));
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.toolCalls[0]).toEqual({ id: 't', name: 'f', argsText: 'not json', args: undefined });
  });
});

describe('useStream: errors', () => {
  it('keeps the partial text when the stream fails and stores a StreamError', async () => {
    const source = pushStream();
    const onError = vi.fn();
    const { result } = renderHook(() => useStream({ format: 'text', maxFps: 0, onError }));
    act(() => result.current.start(source.stream));
    source.push('partial answer');
    await waitFor(() => expect(result.current.text).toBe('partial answer'));
    source.fail(new TypeError('network connection lost'));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.text).toBe('partial answer');
    expect(result.current.error).toBeInstanceOf(StreamError);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toBe(result.current.error);
  });

  it('turns a failing source function into a StreamError with the cause kept', async () => {
    const cause = new TypeError('Failed to fetch');
    const { result } = renderHook(() => useStream({ format: 'text' }));
    act(() => result.current.start(() => Promise.reject(cause)));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toBeInstanceOf(StreamError);
    expect(result.current.error?.message).toContain('Failed to fetch');
    expect(result.current.error?.cause).toBe(cause);
  });

  it('reports an HTTP failure as a StreamError with code http', async () => {
    const { fetch, calls } = mockFetch({ status: 503 });
    const { result } = renderHook(() => useStream({ format: 'text' }));
    act(() => result.current.start((signal) => fetch('/api', { signal })));
    await waitFor(() => expect(calls).toHaveLength(1));
    calls[0]?.body.push('Service Unavailable');
    calls[0]?.body.close();
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error?.code).toBe('http');
    expect(result.current.error?.status).toBe(503);
  });
});

describe('useStream: stopping and cancelling', () => {
  it('stop() aborts the fetch signal, keeps the text and is not an error', async () => {
    const { fetch, calls } = mockFetch();
    const onError = vi.fn();
    const { result } = renderHook(() => useStream({ format: 'text', maxFps: 0, onError }));
    act(() => result.current.start((signal) => fetch('/api/answer', { signal })));
    await waitFor(() => expect(calls).toHaveLength(1));
    calls[0]?.body.push('kept text');
    await waitFor(() => expect(result.current.text).toBe('kept text'));

    act(() => result.current.stop());
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(result.current.status).toBe('aborted');
    expect(result.current.text).toBe('kept text');
    expect(result.current.error).toBeUndefined();
    // Calling it again is harmless.
    act(() => result.current.stop());
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(result.current.status).toBe('aborted');
    expect(onError).not.toHaveBeenCalled();
  });

  it('stop() while connecting aborts the pending request', async () => {
    let seenSignal: AbortSignal | undefined;
    const { result } = renderHook(() => useStream({ format: 'text' }));
    act(() =>
      result.current.start((signal) => {
        seenSignal = signal;
        return new Promise<Response>(() => {});
      }),
    );
    expect(result.current.status).toBe('connecting');
    act(() => result.current.stop());
    expect(seenSignal?.aborted).toBe(true);
    expect(result.current.status).toBe('aborted');
  });

  it('starting a new stream aborts the running one first and ignores its late text', async () => {
    const { fetch, calls } = mockFetch();
    const { result } = renderHook(() => useStream({ format: 'text', maxFps: 0 }));
    act(() => result.current.start((signal) => fetch('/first', { signal })));
    await waitFor(() => expect(calls).toHaveLength(1));
    calls[0]?.body.push('first ');

    act(() => result.current.start((signal) => fetch('/second', { signal })));
    expect(calls[0]?.signal.aborted).toBe(true);
    await waitFor(() => expect(calls).toHaveLength(2));
    calls[0]?.body.push('late text from the first');
    calls[1]?.body.push('second');
    calls[1]?.body.close();
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.text).toBe('second');
  });

  it('unmounting mid-stream aborts the request and updates nothing afterwards', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const { fetch, calls } = mockFetch();
    const renders = vi.fn();
    const { result, unmount } = renderHook(() => {
      const stream = useStream({ format: 'text', maxFps: 0 });
      renders(stream.text);
      return stream;
    });
    act(() => result.current.start((signal) => fetch('/api', { signal })));
    await waitFor(() => expect(calls).toHaveLength(1));
    calls[0]?.body.push('before unmount');
    await waitFor(() => expect(result.current.text).toBe('before unmount'));
    const rendersBefore = renders.mock.calls.length;

    unmount();
    expect(calls[0]?.signal.aborted).toBe(true);
    calls[0]?.body.push('after unmount');
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(renders.mock.calls.length).toBe(rendersBefore);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('reset() clears everything back to idle', async () => {
    const source = pushStream();
    const { result } = renderHook(() => useStream({ format: 'text', maxFps: 0 }));
    act(() => result.current.start(source.stream));
    source.push('something');
    await waitFor(() => expect(result.current.text).toBe('something'));
    act(() => result.current.reset());
    expect(result.current).toMatchObject({ status: 'idle', text: '', error: undefined });
    expect(source.cancelled).toBe(true);
  });
});

describe('useStream: React integration', () => {
  it('keeps start, stop and reset stable across renders', async () => {
    const source = pushStream();
    const { result } = renderHook(() => useStream({ format: 'text', maxFps: 0 }));
    const first = result.current;
    act(() => result.current.start(source.stream));
    source.push('x');
    await waitFor(() => expect(result.current.text).toBe('x'));
    expect(result.current.start).toBe(first.start);
    expect(result.current.stop).toBe(first.stop);
    expect(result.current.reset).toBe(first.reset);
  });

  it('reads callbacks through refs: the latest onDone runs, without restarting', async () => {
    const source = pushStream();
    const early = vi.fn();
    const late = vi.fn();
    const { result, rerender } = renderHook(({ onDone }) => useStream({ format: 'text', maxFps: 0, onDone }), {
      initialProps: { onDone: early },
    });
    act(() => result.current.start(source.stream));
    rerender({ onDone: late });
    source.push('done');
    source.close();
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(early).not.toHaveBeenCalled();
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('in StrictMode a start from a click sends exactly one request', async () => {
    const { fetch, calls } = mockFetch();
    render(
      <StrictMode>
        <StreamProbe options={{ format: 'text', maxFps: 0 }} />
      </StrictMode>,
    );
    act(() => stream.start((signal) => fetch('/api', { signal })));
    await waitFor(() => expect(calls).toHaveLength(1));
    calls[0]?.body.push('only once');
    calls[0]?.body.close();
    await waitFor(() => expect(stream.status).toBe('done'));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(stream.text).toBe('only once');
  });

  it('commits at most maxFps times a second however fast deltas arrive', async () => {
    vi.useFakeTimers();
    const maxFps = 30;
    const source = pushStream();
    const commitTimes: number[] = [];
    render(
      <Profiler id="probe" onRender={() => commitTimes.push(performance.now())}>
        <StreamProbe options={{ format: 'text', maxFps }} />
      </Profiler>,
    );
    act(() => stream.start(source.stream));
    const startedAt = performance.now();
    // 2,000 deltas a second for two seconds: 4 deltas every 2 ms.
    let sent = '';
    for (let tick = 0; tick < 1000; tick++) {
      for (let i = 0; i < 4; i++) {
        source.push('x');
        sent += 'x';
      }
      await act(() => vi.advanceTimersByTimeAsync(2));
    }
    const during = commitTimes.filter((time) => time > startedAt);
    // In every one-second window, at most maxFps commits.
    for (const time of during) {
      const inWindow = during.filter((other) => other >= time && other < time + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(maxFps);
    }
    // And it did keep rendering: close to the cap, not a handful.
    expect(during.length).toBeGreaterThan(maxFps * 1.5);
    source.close();
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(stream.status).toBe('done');
    expect(stream.text).toBe(sent);
  });
});
