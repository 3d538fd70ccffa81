/**
 * A whole chat driven in Node, without React or a DOM: core's `createChat` against a fake fetch.
 * Send, stream, stop, error, retry and setMessages, the immutable cached snapshots, and the
 * per-message subscriptions that keep finished messages untouched while an answer streams.
 */
import { type ChatMessage, type ChatSnapshot, createChat, StreamError } from '@rivulet/core';
import { describe, expect, it, vi } from 'vitest';
import { createFakeServer } from '../support/fake-server';

const deltas = ['Streams ', 'arrive ', 'in ', 'small ', 'pieces, ', 'café ', 'included.'];
const full = deltas.join('');

/** Resolves once `predicate` holds for the chat's snapshot. */
function until(
  chat: { getSnapshot(): ChatSnapshot; subscribe(l: () => void): () => void },
  predicate: (s: ChatSnapshot) => boolean,
) {
  return new Promise<ChatSnapshot>((resolve) => {
    const check = () => {
      const snapshot = chat.getSnapshot();
      if (!predicate(snapshot)) return false;
      unsubscribe();
      resolve(snapshot);
      return true;
    };
    const unsubscribe = chat.subscribe(check);
    check();
  });
}

const lastAnswer = (snapshot: ChatSnapshot) => snapshot.messages.at(-1) as ChatMessage;

describe('createChat without React', () => {
  it('sends the conversation as JSON, streams the answer and finishes it', async () => {
    const server = createFakeServer({ deltas, ids: false });
    const onFinish = vi.fn();
    const chat = createChat({
      api: '/api/chat',
      fetch: server.fetch,
      maxFps: 0,
      headers: { Authorization: 'Bearer t' },
      body: { model: 'small' },
      initialMessages: [{ role: 'system', content: 'Be brief.' }],
      onFinish,
    });
    const statuses: string[] = [];
    chat.subscribe(() => statuses.push(chat.getSnapshot().status));

    chat.send('How do streams arrive?');
    expect(chat.getSnapshot().status).toBe('connecting');
    const done = await until(chat, (s) => s.status === 'done');

    expect(lastAnswer(done)).toMatchObject({ role: 'assistant', content: full, status: 'done' });
    expect(done.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    expect(statuses[0]).toBe('connecting');
    expect(statuses).toContain('streaming');
    expect(onFinish).toHaveBeenCalledWith(lastAnswer(done));
    const [request] = server.requests;
    expect(request?.headers.get('Authorization')).toBe('Bearer t');
    expect(request?.headers.get('Content-Type')).toBe('application/json');
    expect(request?.headers.has('Last-Event-ID')).toBe(false);
    expect(request?.body).toEqual({
      model: 'small',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'How do streams arrive?' },
      ],
    });
  });

  it('keeps the snapshot object until something changes', async () => {
    const server = createFakeServer({ deltas, ids: false });
    const chat = createChat({ api: '/api/chat', fetch: server.fetch, maxFps: 0 });
    const first = chat.getSnapshot();
    expect(chat.getSnapshot()).toBe(first);
    chat.send('Hi');
    const sent = chat.getSnapshot();
    expect(sent).not.toBe(first);
    expect(chat.getSnapshot()).toBe(sent);
    const done = await until(chat, (s) => s.status === 'done');
    expect(chat.getSnapshot()).toBe(done);
    expect(Object.isFrozen(done) && Object.isFrozen(done.messages) && Object.isFrozen(lastAnswer(done))).toBe(true);
    expect(chat.getStructure().ids).toEqual(done.messages.map((m) => m.id));
  });

  it('stop() aborts the request; the answer keeps its text as aborted, and no error is reported', async () => {
    const server = createFakeServer({ deltas, replies: [{ holdAfter: 3 }], ids: false });
    const onError = vi.fn();
    const chat = createChat({ api: '/api/chat', fetch: server.fetch, maxFps: 0, onError });
    chat.send('Hi');
    await until(chat, (s) => lastAnswer(s).content === 'Streams arrive in ');
    chat.stop();
    expect(server.requests[0]?.signal.aborted).toBe(true);
    expect(chat.getSnapshot().status).toBe('aborted');
    expect(lastAnswer(chat.getSnapshot())).toMatchObject({ content: 'Streams arrive in ', status: 'aborted' });
    chat.stop();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(chat.getSnapshot().status).toBe('aborted');
    expect(onError).not.toHaveBeenCalled();
    expect(server.requests[0]?.closed).toBe(true);
  });

  it('a drop without event ids is an error that keeps the partial text; retry brings the whole answer', async () => {
    const server = createFakeServer({ deltas, replies: [{ dropAfter: 4 }], ids: false });
    const onError = vi.fn();
    const chat = createChat({ api: '/api/chat', fetch: server.fetch, maxFps: 0, onError });
    chat.send('Question');
    const failed = await until(chat, (s) => s.status === 'error');
    const answer = lastAnswer(failed);
    expect(answer).toMatchObject({ content: 'Streams arrive in small ', status: 'error' });
    expect(answer.error).toBeInstanceOf(StreamError);
    expect(answer.error?.code).toBe('interrupted');
    expect(failed.error).toBe(answer.error);
    expect(onError).toHaveBeenCalledWith(answer.error, answer);
    expect(server.requests).toHaveLength(1);

    chat.retry();
    // Until the new answer says something, the failed text stays in view, without its error.
    const retrying = chat.getSnapshot();
    expect(lastAnswer(retrying)).toMatchObject({ content: 'Streams arrive in small ', status: 'connecting' });
    expect(lastAnswer(retrying).error).toBeUndefined();
    const done = await until(chat, (s) => s.status === 'done');
    expect(done.messages.map((m) => m.content)).toEqual(['Question', full]);
    expect(server.requests[1]?.body.messages).toEqual([{ role: 'user', content: 'Question' }]);
  });

  it('an HTTP error is a typed error with its status', async () => {
    const server = createFakeServer({ deltas, replies: [{ status: 429 }] });
    const chat = createChat({ api: '/api/chat', fetch: server.fetch, maxFps: 0 });
    chat.send('Hi');
    const failed = await until(chat, (s) => s.status === 'error');
    expect(failed.error).toMatchObject({ code: 'http', status: 429 });
    expect(server.requests).toHaveLength(1);
  });

  it('finished messages keep their identity and hear nothing while another answer streams', async () => {
    const server = createFakeServer({ deltas, ids: false });
    const chat = createChat({
      api: '/api/chat',
      fetch: server.fetch,
      maxFps: 0,
      initialMessages: [
        { id: 'q', role: 'user', content: 'Earlier question' },
        { id: 'a', role: 'assistant', content: 'Earlier answer', status: 'done' },
      ],
    });
    const earlier = chat.getMessage('a');
    const heardByEarlier = vi.fn();
    chat.subscribeMessage('a', heardByEarlier);
    const changes: string[] = [];
    chat.subscribe((change) => changes.push(change));
    chat.send('Next');
    const answerId = chat.getStructure().ids.at(-1) as string;
    const heardByAnswer = vi.fn();
    chat.subscribeMessage(answerId, heardByAnswer);
    await until(chat, (s) => s.status === 'done');
    expect(heardByEarlier).not.toHaveBeenCalled();
    expect(chat.getMessage('a')).toBe(earlier);
    expect(heardByAnswer.mock.calls.length).toBeGreaterThanOrEqual(deltas.length);
    // Text updates are content changes; the structure changes only for new messages and statuses.
    expect(changes.filter((change) => change === 'content').length).toBeGreaterThanOrEqual(deltas.length - 1);
    expect(changes.filter((change) => change === 'structure').length).toBeLessThanOrEqual(3);
  });

  it('setMessages replaces the conversation and stops an answer it removes', async () => {
    const server = createFakeServer({ deltas, replies: [{ holdAfter: 1 }], ids: false });
    const chat = createChat({ api: '/api/chat', fetch: server.fetch, maxFps: 0 });
    chat.send('Hi');
    await until(chat, (s) => s.status === 'streaming');
    chat.setMessages([{ id: 'x', role: 'assistant', content: 'Fresh start' }]);
    expect(server.requests[0]?.signal.aborted).toBe(true);
    expect(chat.getSnapshot()).toMatchObject({
      status: 'aborted',
      messages: [{ id: 'x', role: 'assistant', content: 'Fresh start' }],
    });
    chat.setMessages((messages) => [...messages, { id: 'y', role: 'user', content: 'Ok' }]);
    expect(chat.getStructure().ids).toEqual(['x', 'y']);
  });

  it('a custom send gets the conversation and the abort signal', async () => {
    const server = createFakeServer({ deltas, ids: false });
    const send = vi.fn((_messages: ChatMessage[], context: { signal: AbortSignal }) =>
      server.fetch('/custom', { method: 'POST', body: '{"messages":[]}', signal: context.signal }),
    );
    const chat = createChat({ send, maxFps: 0 });
    chat.send('One');
    const done = await until(chat, (s) => s.status === 'done');
    expect(lastAnswer(done).content).toBe(full);
    expect(send.mock.calls[0]?.[0]).toEqual([expect.objectContaining({ role: 'user', content: 'One' })]);
    expect(send.mock.calls[0]?.[1].signal).toBeInstanceOf(AbortSignal);
  });

  it('says what is missing without api or send', () => {
    expect(() => createChat({})).toThrow('[rivulet] createChat: pass `api` or `send`');
  });
});
