import { useChat } from '@rivulet/react';
import { act, render, renderHook, waitFor } from '@testing-library/react';
import { Profiler, StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, pushStream } from './streams';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function setup() {
  const mock = mockFetch();
  vi.stubGlobal('fetch', mock.fetch);
  return mock;
}

describe('useChat: sending', () => {
  it('throws a clear error without api or send', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useChat({}))).toThrow('[rivulet] useChat: pass `api` or `send`');
  });

  it('POSTs the conversation as JSON with the signal, headers and extra body, and streams the answer', async () => {
    const { calls } = setup();
    const { result } = renderHook(() =>
      useChat({
        api: '/api/chat',
        maxFps: 0,
        headers: { Authorization: 'Bearer t' },
        body: { model: 'small' },
        initialMessages: [{ role: 'system', content: 'Be brief.' }],
      }),
    );
    act(() => result.current.send('Hello?'));
    await waitFor(() => expect(calls).toHaveLength(1));
    const call = calls[0]!;
    expect(call.url).toBe('/api/chat');
    expect(call.init.method).toBe('POST');
    expect(call.signal).toBeInstanceOf(AbortSignal);
    const headers = new Headers(call.init.headers);
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('Authorization')).toBe('Bearer t');
    expect(call.json()).toEqual({
      model: 'small',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hello?' },
      ],
    });
    expect(result.current.status).toBe('connecting');
    expect(result.current.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);

    call.body.push('Hi ');
    call.body.push('there.');
    call.body.close();
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.messages[2]).toMatchObject({ role: 'assistant', content: 'Hi there.', status: 'done' });
  });

  it('uses a custom send function with the abort signal, and calls onFinish with the answer', async () => {
    const source = pushStream();
    const send = vi.fn((_messages: unknown, _context: { signal: AbortSignal }) => source.stream);
    const onFinish = vi.fn();
    const { result } = renderHook(() => useChat({ send, format: 'text', maxFps: 0, onFinish }));
    act(() => result.current.send('One'));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.[0]).toEqual([expect.objectContaining({ role: 'user', content: 'One' })]);
    expect(send.mock.calls[0]?.[1].signal).toBeInstanceOf(AbortSignal);
    source.push('Two');
    source.close();
    await waitFor(() => expect(onFinish).toHaveBeenCalledTimes(1));
    expect(onFinish.mock.calls[0]?.[0]).toMatchObject({ role: 'assistant', content: 'Two', status: 'done' });
  });

  it('ignores empty text', () => {
    const send = vi.fn(() => pushStream().stream);
    const { result } = renderHook(() => useChat({ send }));
    act(() => result.current.send('   '));
    expect(send).not.toHaveBeenCalled();
    expect(result.current.messages).toHaveLength(0);
  });

  it('sending while an answer streams stops it first and keeps its text as aborted', async () => {
    const { calls } = setup();
    const { result } = renderHook(() => useChat({ api: '/api/chat', maxFps: 0 }));
    act(() => result.current.send('First'));
    await waitFor(() => expect(calls).toHaveLength(1));
    calls[0]?.body.push('partial one');
    await waitFor(() => expect(result.current.messages[1]?.content).toBe('partial one'));

    act(() => result.current.send('Second'));
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(result.current.messages[1]).toMatchObject({ content: 'partial one', status: 'aborted' });
    await waitFor(() => expect(calls).toHaveLength(2));
    // The stopped answer is part of the history sent with the next question.
    expect(calls[1]?.json()).toEqual({
      messages: [
        { role: 'user', content: 'First' },
        { role: 'assistant', content: 'partial one' },
        { role: 'user', content: 'Second' },
      ],
    });
  });
});

describe('useChat: stop, errors and retry', () => {
  it('stop() aborts the request; the answer keeps its text with status aborted', async () => {
    const { calls } = setup();
    const onError = vi.fn();
    const { result } = renderHook(() => useChat({ api: '/api/chat', maxFps: 0, onError }));
    act(() => result.current.send('Hi'));
    await waitFor(() => expect(calls).toHaveLength(1));
    calls[0]?.body.push('Half an ans');
    await waitFor(() => expect(result.current.messages[1]?.content).toBe('Half an ans'));
    act(() => result.current.stop());
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(result.current.status).toBe('aborted');
    expect(result.current.messages[1]).toMatchObject({ content: 'Half an ans', status: 'aborted' });
    expect(result.current.messages[1]?.error).toBeUndefined();
    act(() => result.current.stop());
    expect(onError).not.toHaveBeenCalled();
  });

  it('a failure keeps the partial text with the error on the message; retry replaces it once new text arrives', async () => {
    const { calls } = setup();
    const onError = vi.fn();
    const { result } = renderHook(() => useChat({ api: '/api/chat', maxFps: 0, onError }));
    act(() => result.current.send('Question'));
    await waitFor(() => expect(calls).toHaveLength(1));
    calls[0]?.body.push('Partial answ');
    await waitFor(() => expect(result.current.messages[1]?.content).toBe('Partial answ'));
    calls[0]?.body.fail(new TypeError('connection reset'));
    await waitFor(() => expect(result.current.status).toBe('error'));
    const failed = result.current.messages[1]!;
    expect(failed).toMatchObject({ content: 'Partial answ', status: 'error' });
    expect(failed.error?.name).toBe('StreamError');
    expect(result.current.error).toBe(failed.error);
    expect(onError).toHaveBeenCalledWith(failed.error, failed);

    act(() => result.current.retry());
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.json()).toEqual({ messages: [{ role: 'user', content: 'Question' }] });
    // Until the new answer says something, the old text stays in view.
    expect(result.current.messages).toHaveLength(2);
    expect(result.current.messages[1]).toMatchObject({ content: 'Partial answ', status: 'connecting' });
    expect(result.current.messages[1]?.error).toBeUndefined();

    calls[1]?.body.push('Fresh');
    await waitFor(() => expect(result.current.messages[1]?.content).toBe('Fresh'));
    calls[1]?.body.push(' answer.');
    calls[1]?.body.close();
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.messages.map((m) => m.content)).toEqual(['Question', 'Fresh answer.']);
  });

  it('setMessages replaces the conversation and stops an answer it removes', async () => {
    const { calls } = setup();
    const { result } = renderHook(() => useChat({ api: '/api/chat', maxFps: 0 }));
    act(() => result.current.send('Hi'));
    await waitFor(() => expect(calls).toHaveLength(1));
    act(() => result.current.setMessages([{ id: 'a', role: 'assistant', content: 'Fresh start' }]));
    expect(calls[0]?.signal.aborted).toBe(true);
    // A message given the old way (only `content`) gets the text part it describes.
    expect(result.current.messages).toEqual([
      { id: 'a', role: 'assistant', content: 'Fresh start', parts: [{ type: 'text', text: 'Fresh start' }] },
    ]);
    act(() => result.current.setMessages((messages) => [...messages, { id: 'b', role: 'user', content: 'Ok' }]));
    expect(result.current.messages.map((m) => m.id)).toEqual(['a', 'b']);
  });
});

describe('useChat: React integration', () => {
  it('unmounting mid-stream aborts the request without errors', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const { calls } = setup();
    const { result, unmount } = renderHook(() => useChat({ api: '/api/chat', maxFps: 0 }));
    act(() => result.current.send('Hi'));
    await waitFor(() => expect(calls).toHaveLength(1));
    calls[0]?.body.push('some text');
    await waitFor(() => expect(result.current.messages[1]?.content).toBe('some text'));
    unmount();
    expect(calls[0]?.signal.aborted).toBe(true);
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('in StrictMode one send makes one request', async () => {
    const { calls, fetch } = setup();
    let chat!: ReturnType<typeof useChat>;
    render(
      <StrictMode>
        <ChatProbe onChat={(c) => (chat = c)} />
      </StrictMode>,
    );
    act(() => chat.send('Once'));
    await waitFor(() => expect(calls).toHaveLength(1));
    calls[0]?.body.push('answer');
    calls[0]?.body.close();
    await waitFor(() => expect(chat.status).toBe('done'));
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('a component that does not read messages does not re-render per streamed update', async () => {
    const { calls } = setup();
    let commits = 0;
    let chat!: ReturnType<typeof useChat>;
    render(
      <Profiler id="status" onRender={() => commits++}>
        <StatusOnly onChat={(c) => (chat = c)} />
      </Profiler>,
    );
    act(() => chat.send('Hi'));
    await waitFor(() => expect(calls).toHaveLength(1));
    calls[0]?.body.push('a');
    await waitFor(() => expect(chat.status).toBe('streaming'));
    const before = commits;
    for (let i = 0; i < 20; i++) {
      calls[0]?.body.push(`${i} `);
      await act(() => new Promise((resolve) => setTimeout(resolve, 1)));
    }
    expect(commits).toBe(before);
    // The status change at the end renders, with every streamed character in the messages.
    calls[0]?.body.close();
    await waitFor(() => expect(chat.status).toBe('done'));
    expect(chat.messages[1]?.content).toBe(`a${Array.from({ length: 20 }, (_, i) => `${i} `).join('')}`);
  });
});

function ChatProbe({ onChat }: { onChat: (chat: ReturnType<typeof useChat>) => void }) {
  const chat = useChat({ api: '/api/chat', maxFps: 0 });
  onChat(chat);
  return <p>{chat.messages.length}</p>;
}

function StatusOnly({ onChat }: { onChat: (chat: ReturnType<typeof useChat>) => void }) {
  const chat = useChat({ api: '/api/chat', maxFps: 0 });
  onChat(chat);
  return <p>{chat.status}</p>;
}
