/**
 * The user ends an answer: the Stop button mid-answer or while still connecting, or the chat is
 * unmounted mid-answer or before the response arrived. The request is aborted and its stream
 * cancelled, the text received stays (marked stopped), Retry brings a full answer, and nothing
 * is left running or updating afterwards.
 */
import { ChatWindow, type UseChatOptions, useChat } from '@rivulet/react';
import { render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { chatAccessors, renderChat, setUpFaultGuards } from './harness';
import { createWire, openai, type Reply, scriptedFetch } from './wire';

const guards = setUpFaultGuards();

const PARTIAL = ['Once upon', ' a time', ' there was'];
const PARTIAL_TEXT = PARTIAL.join('');
const FULL = ['Once upon a time', ' there was a fox.'];
const FULL_TEXT = FULL.join('');

/** `<ChatWindow>` over a `useChat` of its own layout, with a button that calls `chat.retry()`. */
function ChatWithRegenerate({ options }: { options: UseChatOptions }) {
  const chat = useChat(options);
  return (
    <>
      <button type="button" onClick={() => chat.retry()}>
        Retry from the app
      </button>
      <ChatWindow chat={chat} />
    </>
  );
}

function renderWithRetry(replies: Reply[]) {
  const server = scriptedFetch(replies);
  vi.stubGlobal('fetch', server.fetch);
  const user = userEvent.setup();
  const view = render(<ChatWithRegenerate options={{ api: '/api/chat' }} />);
  return { ...view, user, requests: server.requests, ...chatAccessors(view.container, user) };
}

describe('ChatWindow faults: stopping', () => {
  it('Stop mid-answer: request aborted, stream cancelled, partial kept and marked stopped; retry works', async () => {
    const first = guards.track(createWire('stopped answer'));
    const second = guards.track(createWire('retried answer'));
    const chat = renderWithRetry([{ body: first }, { body: second }]);
    await chat.ask('Tell me a story');
    first.send(openai.first() + PARTIAL.map(openai.delta).join(''));
    await waitFor(() => expect(chat.answerText()).toBe(PARTIAL_TEXT));

    await chat.clickStop();
    expect(chat.requests[0]?.signal.aborted).toBe(true);
    await waitFor(() => expect(first.state).toBe('cancelled'));
    expect(chat.answer().dataset.status).toBe('aborted');
    expect(chat.answerText()).toBe(PARTIAL_TEXT);
    expect(chat.errorRow()).toBeNull();
    // Data the server still sends after the stop is never shown.
    first.send(openai.delta(' a fox'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(chat.answerText()).toBe(PARTIAL_TEXT);

    await chat.user.click(chat.getByRole('button', { name: 'Retry from the app' }));
    second.send(openai.answer(FULL));
    second.close();
    await waitFor(() => expect(chat.answer().dataset.status).toBe('done'));
    expect(chat.answers()).toHaveLength(1);
    expect(chat.answerText()).toBe(FULL_TEXT);
    await guards.finish(chat.unmount);
  });

  it('Stop while connecting: the late response is cancelled unread; sending again works', async () => {
    const late = guards.track(createWire('late answer'));
    const next = guards.track(createWire('next answer'));
    let respond: (stream: ReadableStream<Uint8Array>) => void = () => {};
    const sends: AbortSignal[] = [];
    const chat = renderChat([], {
      format: 'openai',
      send: (_messages, { signal }) => {
        sends.push(signal);
        if (sends.length === 1) return new Promise((resolve) => (respond = resolve));
        return next.stream;
      },
    });
    await chat.ask('Hello');
    await chat.clickStop();
    expect(sends[0]?.aborted).toBe(true);
    expect(chat.answer().dataset.status).toBe('aborted');
    respond(late.stream);
    await waitFor(() => expect(late.state).toBe('cancelled'));

    await chat.ask('Hello again');
    next.send(openai.answer(FULL));
    next.close();
    await waitFor(() => expect(chat.answer().dataset.status).toBe('done'));
    expect(chat.answerText()).toBe(FULL_TEXT);
    expect(chat.answerText(0)).toBe('');
    await guards.finish(chat.unmount);
  });
});

describe('ChatWindow faults: unmounting', () => {
  it('unmount mid-answer: request aborted, stream cancelled, nothing runs afterwards', async () => {
    const wire = guards.track(createWire('answer'));
    const onFinish = vi.fn();
    const onError = vi.fn();
    const chat = renderChat([{ body: wire }], { onFinish, onError });
    await chat.ask('Tell me a story');
    wire.send(openai.first() + PARTIAL.map(openai.delta).join(''));
    await waitFor(() => expect(chat.answerText()).toBe(PARTIAL_TEXT));

    chat.unmount();
    expect(chat.requests[0]?.signal.aborted).toBe(true);
    await waitFor(() => expect(wire.state).toBe('cancelled'));
    wire.send(openai.delta(' more'));
    await guards.finish(() => {});
    expect(onFinish).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });

  it('unmount before the response arrives: the late response is cancelled unread', async () => {
    const late = guards.track(createWire('late answer'));
    let respond: (stream: ReadableStream<Uint8Array>) => void = () => {};
    let signal: AbortSignal | undefined;
    const chat = renderChat([], {
      format: 'openai',
      send: (_messages, context) => {
        signal = context.signal;
        return new Promise((resolve) => (respond = resolve));
      },
    });
    await chat.ask('Hello');
    chat.unmount();
    expect(signal?.aborted).toBe(true);
    respond(late.stream);
    await waitFor(() => expect(late.state).toBe('cancelled'));
    await guards.finish(() => {});
  });
});
