/**
 * Tools that run, without React: `onToolCall` runs a client-side tool when an answer ends with its
 * call, and the chat sends the conversation again so the answer continues with the result (up to
 * `maxSteps` requests); a tool that throws becomes an `'output-error'` part; `addToolResult` gives
 * the result of a tool that needs the user; `api` carries the results as documented.
 */
import { type ChatMessage, type ChatSnapshot, createChat, StreamError, type ToolCallPart } from '@rivulet/core';
import { describe, expect, it, vi } from 'vitest';
import { done, scriptedFetch, scriptedSend, text, toolCall } from '../support/scripted-answers';

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

const last = (snapshot: ChatSnapshot) => snapshot.messages.at(-1) as ChatMessage;
const calls = (message: ChatMessage) => message.parts.filter((p): p is ToolCallPart => p.type === 'tool-call');
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('onToolCall', () => {
  it('runs the tool and continues the answer with its result, in the same message', async () => {
    const server = scriptedSend([
      { events: [text('Let me check.'), toolCall('c1', 'getWeather', { city: 'Paris' }), done('tool-calls')] },
      { events: [text('It is 21 °C in Paris.'), done('stop')] },
    ]);
    const onToolCall = vi.fn(async ({ toolCall }: { toolCall: { input: unknown } }) => ({
      city: (toolCall.input as { city: string }).city,
      celsius: 21,
    }));
    const onFinish = vi.fn();
    const chat = createChat({ send: server.send, maxFps: 0, onToolCall, onFinish });
    chat.send('Weather in Paris?');
    const finished = await until(chat, (s) => s.status === 'done' && server.requests.length === 2);

    expect(onToolCall).toHaveBeenCalledTimes(1);
    expect(onToolCall.mock.calls[0]?.[0]).toMatchObject({
      toolCall: { toolCallId: 'c1', toolName: 'getWeather', input: { city: 'Paris' } },
    });
    const answer = last(finished);
    expect(finished.messages).toHaveLength(2);
    expect(answer.parts.map((p) => p.type)).toEqual(['text', 'tool-call', 'text']);
    expect(calls(answer)[0]).toMatchObject({ state: 'output-available', output: { city: 'Paris', celsius: 21 } });
    expect(answer.content).toBe('Let me check.\n\nIt is 21 °C in Paris.');
    expect(answer.finishReason).toBe('stop');
    // The second request carries the call with its result.
    const sent = server.requests[1]?.messages.at(-1) as ChatMessage;
    expect(sent.id).toBe(answer.id);
    expect(calls(sent)[0]).toMatchObject({ state: 'output-available', output: { city: 'Paris', celsius: 21 } });
    await settle();
    expect(onFinish).toHaveBeenCalledTimes(1);
    expect(onFinish).toHaveBeenCalledWith(answer);
  });

  it('stops continuing after maxSteps requests', async () => {
    let n = 0;
    const server = scriptedSend(() => ({ events: [toolCall(`c${++n}`, 'roll', {}), done('tool-calls')] }));
    const onFinish = vi.fn();
    const chat = createChat({ send: server.send, maxFps: 0, maxSteps: 3, onToolCall: () => 4, onFinish });
    chat.send('Roll until six');
    await vi.waitFor(() => expect(onFinish).toHaveBeenCalledTimes(1));
    await settle();
    expect(server.requests).toHaveLength(3);
    const answer = last(chat.getSnapshot());
    expect(calls(answer).map((c) => [c.toolCallId, c.state, c.output])).toEqual([
      ['c1', 'output-available', 4],
      ['c2', 'output-available', 4],
      ['c3', 'output-available', 4],
    ]);
    expect(chat.getSnapshot().status).toBe('done');
  });

  it('a tool that throws becomes an output-error part, and the answer continues with it', async () => {
    const server = scriptedSend([
      { events: [toolCall('c1', 'getWeather', { city: 'Atlantis' }), done('tool-calls')] },
      { events: [text('I could not find that city.'), done('stop')] },
    ]);
    const chat = createChat({
      send: server.send,
      maxFps: 0,
      onToolCall: () => {
        throw new Error('Unknown city: Atlantis');
      },
    });
    chat.send('Weather in Atlantis?');
    const finished = await until(chat, (s) => s.status === 'done' && server.requests.length === 2);
    expect(calls(last(finished))[0]).toMatchObject({ state: 'output-error', errorText: 'Unknown city: Atlantis' });
    expect(calls(server.requests[1]?.messages.at(-1) as ChatMessage)[0]?.state).toBe('output-error');
  });

  it('stop() while a tool runs: no result is recorded and the answer does not continue', async () => {
    const server = scriptedSend([{ events: [toolCall('c1', 'slow', {}), done('tool-calls')] }]);
    let signal: AbortSignal | undefined;
    let finishTool: (value: unknown) => void = () => {};
    const chat = createChat({
      send: server.send,
      maxFps: 0,
      onToolCall: (context) => {
        signal = context.signal;
        return new Promise((resolve) => {
          finishTool = resolve;
        });
      },
    });
    chat.send('Go');
    await vi.waitFor(() => expect(signal).toBeDefined());
    chat.stop();
    expect(signal?.aborted).toBe(true);
    finishTool('late');
    await settle();
    expect(server.requests).toHaveLength(1);
    expect(calls(last(chat.getSnapshot()))[0]?.state).toBe('input-available');
  });
});

describe('a failed continuation', () => {
  it('keeps the earlier steps; retry asks again for the failed step only', async () => {
    const server = scriptedSend([
      { events: [text('Checking.'), toolCall('c1', 'getWeather', { city: 'Rome' }), done('tool-calls')] },
      { events: [text('It is')], error: new StreamError('provider', 'Overloaded') },
      { events: [text('It is 25 °C.'), done('stop')] },
    ]);
    const chat = createChat({ send: server.send, maxFps: 0, onToolCall: () => ({ celsius: 25 }) });
    chat.send('Weather in Rome?');
    const failed = await until(chat, (s) => s.status === 'error');
    expect(last(failed).parts.map((p) => p.type)).toEqual(['text', 'tool-call', 'text']);
    expect(last(failed).error).toMatchObject({ code: 'provider' });

    chat.retry();
    const finished = await until(chat, (s) => s.status === 'done' && server.requests.length === 3);
    const retried = server.requests[2]?.messages.at(-1) as ChatMessage;
    expect(retried.parts.map((p) => p.type)).toEqual(['text', 'tool-call']);
    expect(calls(retried)[0]?.state).toBe('output-available');
    expect(finished.messages).toHaveLength(2);
    expect(last(finished).id).toBe(last(failed).id);
    expect(last(finished).parts).toEqual([
      { type: 'text', text: 'Checking.' },
      expect.objectContaining({ type: 'tool-call', state: 'output-available', output: { celsius: 25 } }),
      { type: 'text', text: 'It is 25 °C.' },
    ]);
    expect(last(finished).error).toBeUndefined();
  });
});

describe('addToolResult', () => {
  it('a tool left to the user waits; its result continues the answer', async () => {
    const server = scriptedSend([
      { events: [toolCall('c1', 'confirm', { action: 'delete' }), done('tool-calls')] },
      { events: [text('Deleted.'), done('stop')] },
    ]);
    const onFinish = vi.fn();
    // Without onToolCall every call waits for addToolResult.
    const chat = createChat({ send: server.send, maxFps: 0, onFinish });
    chat.send('Delete it');
    const waiting = await until(chat, (s) => s.status === 'done');
    expect(calls(last(waiting))[0]).toMatchObject({ state: 'input-available', input: { action: 'delete' } });
    expect(onFinish).toHaveBeenCalledTimes(1);
    await settle();
    expect(server.requests).toHaveLength(1);

    chat.addToolResult({ toolCallId: 'unknown', output: true });
    expect(chat.getSnapshot()).toBe(waiting);
    chat.addToolResult({ toolCallId: 'c1', output: { confirmed: true } });
    const finished = await until(chat, (s) => s.status === 'done' && server.requests.length === 2);
    expect(last(finished).parts.map((p) => p.type)).toEqual(['tool-call', 'text']);
    expect(calls(last(finished))[0]).toMatchObject({ state: 'output-available', output: { confirmed: true } });
  });

  it('a restored answer waiting for a result continues once it gets one', async () => {
    const server = scriptedSend([{ events: [text('Confirmed, deleted.'), done('stop')] }]);
    const chat = createChat({
      send: server.send,
      maxFps: 0,
      initialMessages: [
        { id: 'q', role: 'user', content: 'Delete it' },
        {
          id: 'a',
          role: 'assistant',
          status: 'done',
          parts: [
            {
              type: 'tool-call',
              toolCallId: 'c9',
              toolName: 'confirm',
              inputText: '{}',
              input: {},
              state: 'input-available',
            },
          ],
        },
      ],
    });
    chat.addToolResult({ toolCallId: 'c9', output: true });
    const finished = await until(chat, (s) => s.status === 'done');
    expect(server.requests).toHaveLength(1);
    expect(calls(server.requests[0]?.messages.at(-1) as ChatMessage)[0]).toMatchObject({ state: 'output-available' });
    expect(last(finished).id).toBe('a');
    expect(last(finished).parts.map((p) => p.type)).toEqual(['tool-call', 'text']);
  });

  it('an onToolCall returning undefined leaves that call to the user', async () => {
    const server = scriptedSend([
      { events: [toolCall('a', 'lookup', {}), toolCall('b', 'confirm', {}), done('tool-calls')] },
      { events: [text('Both done.'), done('stop')] },
    ]);
    const chat = createChat({
      send: server.send,
      maxFps: 0,
      onToolCall: ({ toolCall }) => (toolCall.toolName === 'lookup' ? 'found' : undefined),
    });
    chat.send('Go');
    await vi.waitFor(() => expect(calls(last(chat.getSnapshot()))[0]?.state).toBe('output-available'));
    await settle();
    expect(calls(last(chat.getSnapshot()))[1]?.state).toBe('input-available');
    expect(server.requests).toHaveLength(1);
    chat.addToolResult({ toolCallId: 'b', errorText: 'The user declined' });
    const finished = await until(chat, (s) => s.status === 'done' && server.requests.length === 2);
    expect(calls(last(finished)).map((c) => c.state)).toEqual(['output-available', 'output-error']);
  });
});

describe('the request body with tool results and per-send options', () => {
  it('api sends parts for messages with tool calls, and per-send body and headers on every step', async () => {
    const server = scriptedFetch([
      { events: [text('Checking.'), toolCall('c1', 'getWeather', { city: 'Oslo' }), done('tool-calls')] },
      { events: [text('Cold.'), done('stop')] },
    ]);
    const chat = createChat({
      api: '/api/chat',
      fetch: server.fetch,
      maxFps: 0,
      headers: { 'X-App': 'demo' },
      body: { model: 'small', temperature: 1 },
      onToolCall: () => ({ celsius: -3 }),
    });
    chat.send('Weather in Oslo?', { body: { temperature: 0 }, headers: { 'X-Trace': 't1' } });
    await until(chat, (s) => s.status === 'done' && server.requests.length === 2);
    for (const request of server.requests) {
      expect(request.headers.get('X-App')).toBe('demo');
      expect(request.headers.get('X-Trace')).toBe('t1');
      expect(request.body).toMatchObject({ model: 'small', temperature: 0 });
    }
    expect(server.requests[0]?.body.messages).toEqual([{ role: 'user', content: 'Weather in Oslo?' }]);
    expect(server.requests[1]?.body.messages).toEqual([
      { role: 'user', content: 'Weather in Oslo?' },
      {
        role: 'assistant',
        content: 'Checking.',
        parts: [
          { type: 'text', text: 'Checking.' },
          {
            type: 'tool-call',
            toolCallId: 'c1',
            toolName: 'getWeather',
            input: { city: 'Oslo' },
            state: 'output-available',
            output: { celsius: -3 },
          },
        ],
      },
    ]);
  });

  it('a custom send gets the per-send headers and body in its context', async () => {
    const server = scriptedSend([{ events: [text('Hi'), done()] }]);
    const chat = createChat({ send: server.send, maxFps: 0 });
    chat.send('Hello', { body: { mode: 'fast' }, headers: { 'X-Trace': 't2' } });
    await until(chat, (s) => s.status === 'done');
    expect(server.requests[0]).toMatchObject({ body: { mode: 'fast' }, headers: { 'X-Trace': 't2' } });
  });
});
