/**
 * useChat exposes the conversation actions of core's chat: messages of parts, regenerate and edit
 * with branches, client-side tools (`onToolCall` read from the latest render, `addToolResult`),
 * feedback, per-send options and `onMessagesChange`; actions keep their identity across renders.
 */
import type { StreamEvent } from '@rivulet/core';
import { type ChatMessage, fromUIMessage, getMessageText, Markdown, useChat } from '@rivulet/react';
import { act, render, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

/** A `send` answering each request with the next list of events. */
function scripted(replies: StreamEvent[][]) {
  const requests: { messages: ChatMessage[]; body?: Record<string, unknown> }[] = [];
  const send = (messages: ChatMessage[], context: { body?: Record<string, unknown> }) => {
    requests.push({ messages, body: context.body });
    const events = replies[requests.length - 1] ?? [];
    return (async function* () {
      for (const event of events) yield event;
    })();
  };
  return { send, requests };
}

const text = (delta: string): StreamEvent => ({ type: 'text', delta });
const done: StreamEvent = { type: 'done', finishReason: 'stop' };

describe('useChat: conversation actions', () => {
  it('regenerate keeps the earlier answer as a branch that selectBranch shows again', async () => {
    const server = scripted([
      [text('First'), done],
      [text('Second'), done],
    ]);
    const { result } = renderHook(() => useChat({ send: server.send, maxFps: 0 }));
    const actions = { regenerate: result.current.regenerate, selectBranch: result.current.selectBranch };
    act(() => result.current.send('Question'));
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.messages[1]?.parts).toEqual([{ type: 'text', text: 'First' }]);

    act(() => result.current.regenerate());
    await waitFor(() => expect(result.current.messages[1]?.content).toBe('Second'));
    await waitFor(() => expect(result.current.status).toBe('done'));
    const questionId = result.current.messages[0]?.id ?? '';
    expect(result.current.messages[0]?.branch).toEqual({ index: 1, count: 2 });
    expect(result.current.getBranches(result.current.messages[1]?.id ?? '')).toEqual({ index: 1, count: 2 });

    act(() => result.current.selectBranch(questionId, 0));
    expect(result.current.messages.map(getMessageText)).toEqual(['Question', 'First']);
    expect(result.current.regenerate).toBe(actions.regenerate);
    expect(result.current.selectBranch).toBe(actions.selectBranch);
  });

  it('edit sends the new text with the per-send body, and keeps the old turn as a branch', async () => {
    const server = scripted([
      [text('A'), done],
      [text('B'), done],
    ]);
    const { result } = renderHook(() => useChat({ send: server.send, maxFps: 0 }));
    act(() => result.current.send('Q'));
    await waitFor(() => expect(result.current.status).toBe('done'));
    act(() => result.current.edit(result.current.messages[0]?.id ?? '', 'Q, edited', { body: { mode: 'exact' } }));
    await waitFor(() => expect(result.current.messages.map((m) => m.content)).toEqual(['Q, edited', 'B']));
    expect(server.requests[1]).toMatchObject({ body: { mode: 'exact' } });
    expect(result.current.messages[0]?.branch).toEqual({ index: 1, count: 2 });
  });

  it('runs tools with the latest onToolCall and continues; addToolResult answers the others', async () => {
    const call = (id: string, name: string): StreamEvent => ({ type: 'tool-call', id, name, argsDelta: '{}' });
    const server = scripted([
      [call('c1', 'now'), done],
      [text('It is noon. '), call('c2', 'confirm'), done],
      [text('Done.'), done],
    ]);
    const onMessagesChange = vi.fn();
    const { result, rerender } = renderHook(
      ({ clock }: { clock: string }) =>
        useChat({
          send: server.send,
          maxFps: 0,
          onMessagesChange,
          onToolCall: ({ toolCall }) => (toolCall.toolName === 'now' ? clock : undefined),
        }),
      { initialProps: { clock: 'stale' } },
    );
    rerender({ clock: '12:00' });
    act(() => result.current.send('Time?'));
    await waitFor(() => expect(server.requests).toHaveLength(2));
    await waitFor(() => expect(result.current.status).toBe('done'));
    const waiting = result.current.messages[1] as ChatMessage;
    expect(waiting.parts.map((p) => (p.type === 'tool-call' ? `${p.toolName}:${p.state}` : p.type))).toEqual([
      'now:output-available',
      'text',
      'confirm:input-available',
    ]);
    expect(waiting.parts[0]).toMatchObject({ output: '12:00' });

    act(() => result.current.addToolResult({ toolCallId: 'c2', output: { confirmed: true } }));
    await waitFor(() => expect(server.requests).toHaveLength(3));
    await waitFor(() => expect(result.current.messages[1]?.parts.at(-1)).toEqual({ type: 'text', text: 'Done.' }));
    expect(onMessagesChange).toHaveBeenLastCalledWith(result.current.messages);
  });

  it('setFeedback marks the message and calls the latest onFeedback', () => {
    const onFeedback = vi.fn();
    const { result } = renderHook(() =>
      useChat({
        send: scripted([]).send,
        onFeedback,
        initialMessages: [{ id: 'a', role: 'assistant', content: 'Answer', status: 'done' }],
      }),
    );
    // Reading `messages` subscribes this component to message updates.
    expect(result.current.messages[0]?.feedback).toBeUndefined();
    act(() => result.current.setFeedback('a', 'negative'));
    expect(result.current.messages[0]?.feedback).toBe('negative');
    expect(onFeedback).toHaveBeenCalledWith({ message: result.current.messages[0], value: 'negative' });
  });
});

describe('rendering AI SDK messages with Rivulet', () => {
  it('renders the text parts of a converted UIMessage with <Markdown>', () => {
    const message = fromUIMessage({
      id: 'm',
      role: 'assistant',
      parts: [
        { type: 'text', text: 'Use **bold**.' },
        { type: 'tool-search', toolCallId: 't', state: 'input-available', input: { q: 'x' } },
        { type: 'text', text: '- one\n- two' },
      ],
    });
    const { container } = render(
      <div>
        {message.parts.map((part, i) =>
          part.type === 'text' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts have no ids and never move
            <Markdown key={i}>{part.text}</Markdown>
          ) : part.type === 'tool-call' ? (
            <pre key={part.toolCallId}>{part.toolName}</pre>
          ) : null,
        )}
      </div>,
    );
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('pre')?.textContent).toBe('search');
    expect([...container.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['one', 'two']);
  });
});
