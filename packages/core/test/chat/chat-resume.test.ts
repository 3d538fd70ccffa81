/**
 * Resume in a chat, in Node: an answer whose connection drops is asked for again with
 * `Last-Event-ID` (header and body) and ends character for character equal to an undropped one;
 * while it reconnects the message says so; Stop aborts the wait; when every attempt fails the
 * answer keeps its text with the typed error, and Retry starts over.
 */
import { type ChatMessage, type ChatSnapshot, createChat } from '@rivulet/core';
import { describe, expect, it, vi } from 'vitest';
import { createFakeServer } from '../support/fake-server';

const deltas = [
  'Resum',
  'ing ',
  'is ',
  'cheap: ',
  '```ts\n',
  'const ',
  'x = ',
  '"naïve — ',
  '日本";\n',
  '```\n',
  'Done.',
];
const full = deltas.join('');

function until(
  chat: { getSnapshot(): ChatSnapshot; subscribe(l: () => void): () => void },
  predicate: (s: ChatSnapshot) => boolean,
) {
  return new Promise<ChatSnapshot>((resolve) => {
    const check = () => {
      const snapshot = chat.getSnapshot();
      if (!predicate(snapshot)) return;
      unsubscribe();
      resolve(snapshot);
    };
    const unsubscribe = chat.subscribe(check);
    check();
  });
}

const lastAnswer = (snapshot: ChatSnapshot) => snapshot.messages.at(-1) as ChatMessage;
const fast = { delayMs: 1 };

describe('createChat: resuming a dropped answer', () => {
  it.each([
    ['in the middle of a word', 1, false],
    ['inside a code block', 6, false],
    ['inside a multi-byte character', 7, true],
  ])(
    'a drop %s: resumed with Last-Event-ID, the text equals the undropped answer',
    async (_where, dropAfter, cutInside) => {
      const server = createFakeServer({ deltas, replies: [{ dropAfter, cutInside }] });
      const chat = createChat({ api: '/api/chat', fetch: server.fetch, maxFps: 0, resume: fast, body: { model: 'm' } });
      const seen: ChatMessage[] = [];
      chat.subscribe(() => seen.push(lastAnswer(chat.getSnapshot())));
      chat.send('Explain resuming');
      const done = await until(chat, (s) => s.status === 'done');

      expect(lastAnswer(done).content).toBe(full);
      expect(lastAnswer(done).reconnecting).toBeUndefined();
      expect(done.reconnecting).toBe(false);
      expect(server.requests).toHaveLength(2);
      const resumed = server.requests[1];
      expect(resumed?.headers.get('Last-Event-ID')).toBe(String(dropAfter));
      expect(resumed?.body).toEqual({ ...server.requests[0]?.body, lastEventId: String(dropAfter) });
      // While it reconnected, the message said so and kept what it had.
      const reconnecting = seen.find((message) => message.reconnecting);
      expect(reconnecting?.status).toBe('streaming');
      expect(reconnecting?.content).toBe(deltas.slice(0, dropAfter).join(''));
      // The text only ever grew: no character shown was taken back or repeated.
      for (let i = 1; i < seen.length; i++) expect(seen[i]?.content.startsWith(seen[i - 1]?.content ?? '')).toBe(true);
      expect(seen.some((message) => message.content.includes('\uFFFD'))).toBe(false);
    },
  );

  it('survives several drops in a row, each resumed after its own last id', async () => {
    const server = createFakeServer({
      deltas,
      replies: [{ dropAfter: 2 }, { dropAfter: 3 }, { dropAfter: 0 }, { dropAfter: 4 }],
    });
    const chat = createChat({ api: '/api/chat', fetch: server.fetch, maxFps: 0, resume: fast });
    chat.send('Go');
    const done = await until(chat, (s) => s.status === 'done');
    expect(lastAnswer(done).content).toBe(full);
    expect(server.requests.map((request) => request.headers.get('Last-Event-ID'))).toEqual([null, '2', '5', '5', '9']);
  });

  it('when every attempt fails: the typed error, the partial text kept, and Retry starts over', async () => {
    const server = createFakeServer({
      deltas,
      replies: [{ dropAfter: 3 }, { dropAfter: 0 }, { status: 503 }, { dropAfter: 0 }],
    });
    const onError = vi.fn();
    const chat = createChat({
      api: '/api/chat',
      fetch: server.fetch,
      maxFps: 0,
      resume: { attempts: 3, delayMs: 1 },
      onError,
    });
    chat.send('Go');
    const failed = await until(chat, (s) => s.status === 'error');
    expect(server.requests).toHaveLength(4);
    expect(lastAnswer(failed)).toMatchObject({ content: deltas.slice(0, 3).join(''), status: 'error' });
    expect(lastAnswer(failed).reconnecting).toBeUndefined();
    expect(failed.error?.code).toBe('interrupted');
    expect(onError).toHaveBeenCalledTimes(1);

    chat.retry();
    const done = await until(chat, (s) => s.status === 'done');
    expect(lastAnswer(done).content).toBe(full);
    // Retry is a new answer: no Last-Event-ID.
    expect(server.requests[4]?.headers.has('Last-Event-ID')).toBe(false);
  });

  it('stop() while it waits to reconnect aborts everything: no further request, the answer stopped', async () => {
    const server = createFakeServer({ deltas, replies: [{ dropAfter: 3 }] });
    const chat = createChat({ api: '/api/chat', fetch: server.fetch, maxFps: 0, resume: { delayMs: 50 } });
    chat.send('Go');
    await until(chat, (s) => s.reconnecting);
    chat.stop();
    expect(chat.getSnapshot()).toMatchObject({ status: 'aborted', reconnecting: false });
    expect(lastAnswer(chat.getSnapshot())).toMatchObject({ content: deltas.slice(0, 3).join(''), status: 'aborted' });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(server.requests).toHaveLength(1);
  });

  it('stop() during the resumed request aborts it', async () => {
    const server = createFakeServer({ deltas, replies: [{ dropAfter: 2 }, { holdAfter: 1 }] });
    const chat = createChat({ api: '/api/chat', fetch: server.fetch, maxFps: 0, resume: fast });
    chat.send('Go');
    await until(chat, (s) => lastAnswer(s).content === deltas.slice(0, 3).join(''));
    chat.stop();
    expect(server.requests[1]?.signal.aborted).toBe(true);
    expect(chat.getSnapshot().status).toBe('aborted');
  });

  it('is off for a stream without ids, and with resume: false', async () => {
    for (const [ids, resume] of [
      [false, undefined],
      [true, false],
    ] as const) {
      const server = createFakeServer({ deltas, ids, replies: [{ dropAfter: 3 }] });
      const chat = createChat({ api: '/api/chat', fetch: server.fetch, maxFps: 0, resume });
      chat.send('Go');
      const failed = await until(chat, (s) => s.status === 'error');
      expect(server.requests).toHaveLength(1);
      expect(lastAnswer(failed).content).toBe(deltas.slice(0, 3).join(''));
    }
  });

  it('a body that breaks before its first event is asked for again from the start, even without ids', async () => {
    for (const ids of [true, false]) {
      const server = createFakeServer({ deltas, ids, replies: [{ dropAfter: 0 }] });
      const chat = createChat({ api: '/api/chat', fetch: server.fetch, maxFps: 0, resume: fast });
      chat.send('Go');
      const done = await until(chat, (s) => s.status === 'done');
      expect(lastAnswer(done).content).toBe(full);
      expect(server.requests).toHaveLength(2);
      // Nothing was received: the same request, not a continuation.
      expect(server.requests[1]?.headers.has('Last-Event-ID')).toBe(false);
      expect(server.requests[1]?.body).toEqual(server.requests[0]?.body);
    }
  });

  it('a blank drop is not retried with resume: false, and a request that never connected is not retried', async () => {
    const server = createFakeServer({ deltas, replies: [{ dropAfter: 0 }] });
    const off = createChat({ api: '/api/chat', fetch: server.fetch, maxFps: 0, resume: false });
    off.send('Go');
    expect((await until(off, (s) => s.status === 'error')).error?.code).toBe('interrupted');
    expect(server.requests).toHaveLength(1);

    const refused = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    const unreachable = createChat({ api: '/api/chat', fetch: refused, maxFps: 0, resume: fast });
    unreachable.send('Go');
    const failed = await until(unreachable, (s) => s.status === 'error');
    expect(failed.error?.message).toContain('The request failed');
    expect(refused).toHaveBeenCalledTimes(1);
  });

  it('a custom send resumes only when asked to, and then gets lastEventId', async () => {
    const server = createFakeServer({ deltas, replies: [{ dropAfter: 4 }, { dropAfter: 4 }] });
    const send = vi.fn((messages: ChatMessage[], context: { signal: AbortSignal; lastEventId?: string }) =>
      server.fetch('/custom', {
        method: 'POST',
        headers: context.lastEventId ? { 'Last-Event-ID': context.lastEventId } : {},
        body: JSON.stringify({ messages }),
        signal: context.signal,
      }),
    );
    const off = createChat({ send, maxFps: 0 });
    off.send('Go');
    await until(off, (s) => s.status === 'error');
    expect(send).toHaveBeenCalledTimes(1);

    const on = createChat({ send, maxFps: 0, resume: { delayMs: 1 } });
    on.send('Go');
    const done = await until(on, (s) => s.status === 'done');
    expect(lastAnswer(done).content).toBe(full);
    expect(send.mock.calls[2]?.[1].lastEventId).toBe('4');
  });
});
