/**
 * Conversation actions without React: `regenerate` asks again for the last answer and `edit`
 * replaces a user message, each keeping what was shown as an alternative of the turn (`branch` on
 * the user message, `getBranches`, `selectBranch` restoring it exactly, later turns included); Stop
 * and errors behave as for `send`; feedback, copy and `onMessagesChange` for persistence.
 */
import { type ChatMessage, type ChatSnapshot, createChat, StreamError } from '@rivulet/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { done, scriptedSend, text } from '../support/scripted-answers';

function until(
  chat: { getSnapshot(): ChatSnapshot; subscribe(l: () => void): () => void },
  done: (s: ChatSnapshot) => boolean,
) {
  return new Promise<ChatSnapshot>((resolve) => {
    const check = () => {
      if (done(chat.getSnapshot())) resolve(chat.getSnapshot());
    };
    chat.subscribe(check);
    check();
  });
}

const texts = (snapshot: ChatSnapshot) => snapshot.messages.map((m) => m.content);
const answers = (...words: string[]) => words.map((word) => ({ events: [text(word), done('stop')] }));

describe('regenerate', () => {
  it('asks again for the last answer and keeps the earlier one as an alternative', async () => {
    const server = scriptedSend(answers('First answer', 'Second answer'));
    const chat = createChat({ send: server.send, maxFps: 0 });
    chat.send('Question');
    const first = await until(chat, (s) => s.status === 'done');
    const [question, firstAnswer] = first.messages as [ChatMessage, ChatMessage];
    expect(question.branch).toBeUndefined();
    expect(chat.getBranches(question.id)).toBeUndefined();

    chat.regenerate();
    const second = await until(chat, (s) => s.status === 'done' && server.requests.length === 2);
    expect(texts(second)).toEqual(['Question', 'Second answer']);
    expect(server.requests[1]?.messages.map((m) => m.content)).toEqual(['Question']);
    const [head, secondAnswer] = second.messages as [ChatMessage, ChatMessage];
    expect(head.id).toBe(question.id);
    expect(head.branch).toEqual({ index: 1, count: 2 });
    expect(chat.getBranches(secondAnswer.id)).toEqual({ index: 1, count: 2 });

    chat.selectBranch(head.id, 0);
    const back = chat.getSnapshot();
    expect(back.messages[1]).toBe(firstAnswer);
    expect(back.messages[0]?.branch).toEqual({ index: 0, count: 2 });
    expect(back.status).toBe('done');
    chat.selectBranch(head.id, 1);
    expect(chat.getSnapshot().messages[1]).toBe(secondAnswer);
    chat.selectBranch(head.id, 5);
    expect(chat.getSnapshot().messages[1]).toBe(secondAnswer);
  });

  it('Stop keeps the partial regenerated answer as aborted; an error keeps it with its typed error', async () => {
    const server = scriptedSend([
      { events: [text('Complete'), done()] },
      { events: [text('Part')], hold: true },
      { events: [text('Broken')], error: new StreamError('provider', 'Overloaded') },
    ]);
    const chat = createChat({ send: server.send, maxFps: 0, format: 'openai' });
    chat.send('Question');
    await until(chat, (s) => s.status === 'done');
    chat.regenerate();
    await until(chat, (s) => s.messages.at(-1)?.content === 'Part');
    chat.stop();
    expect(chat.getSnapshot().messages.at(-1)).toMatchObject({ content: 'Part', status: 'aborted' });
    chat.regenerate();
    const failed = await until(chat, (s) => s.status === 'error');
    expect(failed.messages.at(-1)).toMatchObject({ content: 'Broken', status: 'error', error: { code: 'provider' } });
    expect(failed.messages.at(-1)?.error).toBeInstanceOf(StreamError);
    expect(failed.messages[0]?.branch).toEqual({ index: 2, count: 3 });
    chat.selectBranch(failed.messages[0]?.id ?? '', 1);
    expect(chat.getSnapshot().messages.at(-1)).toMatchObject({ content: 'Part', status: 'aborted' });
    expect(chat.getSnapshot().status).toBe('aborted');
  });
});

describe('edit', () => {
  it('replaces a user message, asks again, and keeps what followed it (later turns too) as an alternative', async () => {
    const server = scriptedSend(answers('A1', 'A2', 'A1 edited'));
    const chat = createChat({ send: server.send, maxFps: 0 });
    chat.send('Q1');
    await until(chat, (s) => s.status === 'done');
    chat.send('Q2');
    const before = await until(chat, (s) => s.status === 'done' && server.requests.length === 2);
    const original = before.messages.slice();
    const q1 = original[0] as ChatMessage;

    chat.edit(q1.id, 'Q1 edited');
    const edited = await until(chat, (s) => s.status === 'done' && server.requests.length === 3);
    expect(texts(edited)).toEqual(['Q1 edited', 'A1 edited']);
    expect(server.requests[2]?.messages.map((m) => m.content)).toEqual(['Q1 edited']);
    const head = edited.messages[0] as ChatMessage;
    expect(head.id).not.toBe(q1.id);
    expect(head.branch).toEqual({ index: 1, count: 2 });

    chat.selectBranch(head.id, 0);
    const restored = chat.getSnapshot().messages;
    expect(restored.map((m) => m.content)).toEqual(['Q1', 'A1', 'Q2', 'A2']);
    expect(restored.slice(1)).toEqual(original.slice(1));
    expect(restored[3]).toBe(original[3]);
    expect(restored[0]?.branch).toEqual({ index: 0, count: 2 });
    // The earlier turn is found by either alternative's user message.
    expect(chat.getBranches(q1.id)).toEqual({ index: 0, count: 2 });
  });

  it('ignores empty text and ids that are not user messages', async () => {
    const server = scriptedSend(answers('A'));
    const chat = createChat({ send: server.send, maxFps: 0 });
    chat.send('Q');
    const answered = await until(chat, (s) => s.status === 'done');
    chat.edit(answered.messages[0]?.id ?? '', '   ');
    chat.edit(answered.messages[1]?.id ?? '', 'not a question');
    expect(chat.getSnapshot()).toBe(answered);
    expect(server.requests).toHaveLength(1);
  });
});

describe('feedback, copy and persistence', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('setFeedback marks the message and calls onFeedback', async () => {
    const onFeedback = vi.fn();
    const chat = createChat({
      send: scriptedSend([]).send,
      onFeedback,
      initialMessages: [{ id: 'a', role: 'assistant', content: 'Answer', status: 'done' }],
    });
    chat.setFeedback('a', 'positive');
    expect(chat.getMessage('a')?.feedback).toBe('positive');
    expect(onFeedback).toHaveBeenCalledWith({ message: chat.getMessage('a'), value: 'positive' });
    chat.setFeedback('a', undefined);
    expect(chat.getMessage('a')).not.toHaveProperty('feedback');
  });

  it('copy writes the plain text to the clipboard, and says so when there is none', async () => {
    const writeText = vi.fn(async () => {});
    const chat = createChat({
      send: scriptedSend([]).send,
      initialMessages: [
        {
          id: 'a',
          role: 'assistant',
          parts: [
            { type: 'reasoning', text: 'hmm' },
            { type: 'text', text: 'Copied' },
          ],
        },
      ],
    });
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    await chat.copy('a');
    expect(writeText).toHaveBeenCalledWith('Copied');
    vi.stubGlobal('navigator', {});
    await expect(chat.copy('a')).rejects.toThrow('Clipboard API');
  });

  it('onMessagesChange hears turns and finished answers, not every streamed update', async () => {
    const deltas = ['a', 'b', 'c', 'd', 'e', 'f'];
    const server = scriptedSend([{ events: [...deltas.map(text), done()] }]);
    const onMessagesChange = vi.fn();
    const chat = createChat({ send: server.send, maxFps: 0, onMessagesChange });
    let updates = 0;
    chat.subscribe(() => updates++);
    chat.send('Q');
    await until(chat, (s) => s.status === 'done');
    expect(updates).toBeGreaterThan(deltas.length);
    expect(onMessagesChange.mock.calls.length).toBeLessThan(deltas.length);
    const saved = onMessagesChange.mock.lastCall?.[0] as ChatMessage[];
    expect(saved).toBe(chat.getSnapshot().messages);
    expect(saved.at(-1)).toMatchObject({ content: 'abcdef', status: 'done' });
    // What was saved restores the conversation.
    const restored = createChat({ send: server.send, initialMessages: JSON.parse(JSON.stringify(saved)) });
    expect(restored.getSnapshot().messages.map((m) => [m.id, m.role, m.parts])).toEqual(
      saved.map((m) => [m.id, m.role, m.parts]),
    );
  });
});
