/**
 * The mock answers a client tool loop: asked for the time it calls `get_local_time`, and once the
 * request carries that call's result (as Rivulet's chat sends it) it answers with text using it.
 * Driven end to end by core's `createChat` with `onToolCall`, in each format that carries tool calls.
 */
import { type ChatMessage, type ChatSnapshot, createChat } from '@rivulet/core';
import { describe, expect, it, vi } from 'vitest';
import { mockFetch, mockSend, planMock } from '../src/index';

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

describe.each(['openai', 'anthropic', 'ai-sdk'] as const)('the client tool loop in %s', (format) => {
  it('calls get_local_time, then answers with the result the client sent back', async () => {
    const fetch = vi.fn(mockFetch({ format, tokensPerSecond: 0 }));
    const onToolCall = vi.fn(() => '10:42');
    const chat = createChat({ api: '/api/chat', fetch, format, maxFps: 0, onToolCall });
    chat.send('What time is it?');
    const done = await until(chat, (s) => s.status === 'done' && fetch.mock.calls.length === 2);
    expect(onToolCall).toHaveBeenCalledWith(
      expect.objectContaining({ toolCall: expect.objectContaining({ toolName: 'get_local_time' }) }),
    );
    const answer = done.messages.at(-1) as ChatMessage;
    expect(answer.parts.map((p) => (p.type === 'tool-call' ? p.state : p.type))).toEqual(['output-available', 'text']);
    expect(answer.content).toContain('"10:42"');
  });
});

describe('the mock plan after a tool result', () => {
  it('answers the error of the client tool too, through mockSend', async () => {
    const chat = createChat({
      send: mockSend({ tokensPerSecond: 0 }),
      maxFps: 0,
      onToolCall: () => {
        throw new Error('no clock');
      },
    });
    chat.send('Check the clock');
    const done = await until(chat, (s) => s.status === 'done' && (s.messages.at(-1)?.parts.length ?? 0) === 2);
    expect(done.messages.at(-1)?.content).toContain('could not be read (no clock)');
  });

  it('picks the answer by the words otherwise, even after other tool calls', () => {
    const messages = [
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: '',
        parts: [{ type: 'tool-call', toolName: 'get_weather', state: 'output-available' }],
      },
    ];
    expect(planMock({}, messages).answer.id).not.toBe('client-tool-result');
  });
});
