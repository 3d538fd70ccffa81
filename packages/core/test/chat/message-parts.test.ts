/**
 * Messages of parts: what each reader's fixtures become as message parts. Parts follow the order
 * the events arrived in (text, a tool call and more text stay three parts in that order), runs of
 * text or reasoning are one part each, a source is listed once, a tool call's input is complete
 * when the stream ended, and `content` / `getMessageText` give the plain text.
 */
import {
  type ChatMessage,
  type ChatSnapshot,
  createChat,
  createStreamController,
  type GrowingText,
  getMessageText,
  growingTextOf,
  type MessagePart,
  readStream,
  type StreamEvent,
  type StreamFormat,
  type StreamState,
  type TextPart,
} from '@rivulet/core';
import { describe, expect, it } from 'vitest';
import { fixtureBytes, streamOf, variantFixtureBytes } from '../stream/helpers';
import { transcripts } from '../stream/transcripts';
import { variants } from '../stream/variants';

/** The controller's final snapshot for `bytes` read as `format`, every event published. */
async function finalState(bytes: Uint8Array, format: StreamFormat): Promise<StreamState> {
  const controller = createStreamController({ format, maxFps: 0 });
  const ended = new Promise<StreamState>((resolve) => {
    controller.subscribe(() => {
      const state = controller.getSnapshot();
      if (state.status === 'done' || state.status === 'error') resolve(state);
    });
  });
  controller.start(streamOf([bytes]).stream);
  return ended;
}

/** The events `readStream` yields for `bytes` (a failure ends the list). */
async function eventsOf(bytes: Uint8Array, format: StreamFormat): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  try {
    for await (const event of readStream(streamOf([bytes]).stream, { format })) events.push(event);
  } catch {
    // The parts keep what arrived before a failure.
  }
  return events;
}

/** The order of kinds the events describe: a new entry whenever the kind (or the tool call) changes. */
function arrivalOrder(events: StreamEvent[]): string[] {
  const order: string[] = [];
  const seenCalls = new Set<string>();
  const seenSources = new Set<string>();
  for (const event of events) {
    const last = order.at(-1);
    // A source cited inside a run of text does not cut the run: the text goes on before it.
    const lastBesideSources = order.findLast((kind) => !kind.startsWith('source:'));
    if (event.type === 'text' && event.delta !== '' && lastBesideSources !== 'text') {
      order.push(event.type);
    } else if (event.type === 'reasoning' && event.delta !== '' && last !== event.type) {
      order.push(event.type);
    } else if (event.type === 'tool-call' && !seenCalls.has(event.id)) {
      seenCalls.add(event.id);
      order.push(`tool-call:${event.id}`);
    } else if (event.type === 'source' && !seenSources.has(event.url)) {
      seenSources.add(event.url);
      order.push(`source:${event.url}`);
    } else if (event.type === 'file') order.push('file');
  }
  return order;
}

function orderOf(parts: readonly MessagePart[]): string[] {
  return parts.map((part) => {
    if (part.type === 'tool-call') return `tool-call:${part.toolCallId}`;
    if (part.type === 'source') return `source:${part.url}`;
    return part.type;
  });
}

const fixtures = [
  ...transcripts.map(({ fixture, format }) => ({ fixture, format, bytes: () => fixtureBytes(fixture) })),
  ...variants.map(({ fixture, format }) => ({ fixture, format, bytes: () => variantFixtureBytes(fixture) })),
];

describe.each(fixtures)('parts of $fixture', ({ format, bytes }) => {
  it('follow the order the events arrived in, and hold all of the text, reasoning and calls', async () => {
    const data = bytes();
    const [state, events] = await Promise.all([finalState(data, format), eventsOf(data, format)]);
    expect(orderOf(state.parts)).toEqual(arrivalOrder(events));
    const texts = state.parts.flatMap((p) => (p.type === 'text' ? [p.text] : []));
    const reasonings = state.parts.flatMap((p) => (p.type === 'reasoning' ? [p.text] : []));
    expect(texts.join('')).toBe(state.text);
    expect(reasonings.join('')).toBe(state.reasoning);
    const calls = state.parts.filter((p) => p.type === 'tool-call');
    expect(calls.map((p) => [p.toolCallId, p.toolName, p.inputText, p.input])).toEqual(
      state.toolCalls.map((c) => [c.id, c.name, c.argsText, c.args]),
    );
    const isComplete = state.status === 'done';
    for (const call of calls) expect(call.state).toBe(isComplete ? 'input-available' : 'input-streaming');
    expect(Object.isFrozen(state.parts) && state.parts.every((p) => Object.isFrozen(p))).toBe(true);
  });
});

/** An async iterable of events, one per step, as a source. */
async function* eventsSource(events: StreamEvent[]): AsyncIterable<StreamEvent> {
  for (const event of events) yield event;
}

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

const interleaved: StreamEvent[] = [
  { type: 'reasoning', delta: 'The user wants ' },
  { type: 'reasoning', delta: 'the weather.' },
  { type: 'text', delta: 'Let me ' },
  { type: 'text', delta: 'check.' },
  { type: 'tool-call', id: 'c1', name: 'getWeather', argsDelta: '{"city":' },
  { type: 'tool-call', id: 'c1', argsDelta: '"Paris"}' },
  { type: 'text', delta: 'It is sunny.' },
  { type: 'source', url: 'https://weather.example/paris', title: 'Paris weather' },
  { type: 'source', url: 'https://weather.example/paris', title: 'Paris weather' },
  { type: 'file', mediaType: 'image/png', url: 'data:image/png;base64,AAAA' },
  { type: 'done', finishReason: 'stop' },
];

describe('an answer of interleaved parts', () => {
  it('keeps text, a tool call and more text in arrival order, with the plain text beside them', async () => {
    const chat = createChat({ send: () => eventsSource(interleaved), maxFps: 0 });
    chat.send('Weather in Paris?');
    const done = await until(chat, (s) => s.status === 'done');
    const answer = done.messages.at(-1) as ChatMessage;
    expect(answer.parts).toEqual([
      { type: 'reasoning', text: 'The user wants the weather.' },
      { type: 'text', text: 'Let me check.' },
      {
        type: 'tool-call',
        toolCallId: 'c1',
        toolName: 'getWeather',
        inputText: '{"city":"Paris"}',
        input: { city: 'Paris' },
        state: 'input-available',
      },
      { type: 'text', text: 'It is sunny.' },
      { type: 'source', url: 'https://weather.example/paris', title: 'Paris weather' },
      { type: 'file', mediaType: 'image/png', url: 'data:image/png;base64,AAAA' },
    ]);
    expect(answer.finishReason).toBe('stop');
    expect(getMessageText(answer)).toBe('Let me check.\n\nIt is sunny.');
    expect(answer.content).toBe(getMessageText(answer));
    // The deprecated fields still describe the answer.
    expect(answer.reasoning).toBe('The user wants the weather.');
    expect(answer.toolCalls).toEqual([
      { id: 'c1', name: 'getWeather', argsText: '{"city":"Paris"}', args: { city: 'Paris' } },
    ]);
    expect(done.messages[0]?.parts).toEqual([{ type: 'text', text: 'Weather in Paris?' }]);
  });

  it('shows a call as input-streaming while its input arrives, and keeps unchanged parts as they were', async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    async function* held(): AsyncIterable<StreamEvent> {
      yield { type: 'text', delta: 'Checking.' };
      yield { type: 'tool-call', id: 'c1', name: 'getWeather', argsDelta: '{"city":"Pa' };
      await released;
      yield { type: 'tool-call', id: 'c1', argsDelta: 'ris"}' };
      yield { type: 'done' };
    }
    const chat = createChat({ send: () => held(), maxFps: 0 });
    chat.send('Go');
    const streaming = await until(chat, (s) => (s.messages.at(-1)?.parts.length ?? 0) === 2);
    const [text, call] = (streaming.messages.at(-1) as ChatMessage).parts;
    expect(call).toMatchObject({ state: 'input-streaming', inputText: '{"city":"Pa', input: { city: 'Pa' } });
    release();
    const done = await until(chat, (s) => s.status === 'done');
    const parts = (done.messages.at(-1) as ChatMessage).parts;
    expect(parts[0]).toBe(text);
    expect(parts[1]).toMatchObject({ state: 'input-available', input: { city: 'Paris' } });
  });

  it('a stopped answer keeps its parts, its unfinished call still input-streaming', async () => {
    async function* stalls(): AsyncIterable<StreamEvent> {
      yield { type: 'text', delta: 'Checking.' };
      yield { type: 'tool-call', id: 'c1', name: 'getWeather', argsDelta: '{"ci' };
      await new Promise(() => {});
    }
    const chat = createChat({ send: () => stalls(), maxFps: 0 });
    chat.send('Go');
    await until(chat, (s) => (s.messages.at(-1)?.parts.length ?? 0) === 2);
    chat.stop();
    const answer = chat.getSnapshot().messages.at(-1) as ChatMessage;
    expect(answer.status).toBe('aborted');
    expect(answer.parts.map((p) => p.type)).toEqual(['text', 'tool-call']);
    expect(answer.parts[1]).toMatchObject({ state: 'input-streaming', inputText: '{"ci' });
  });
});

describe('messages given the old way', () => {
  it('get the parts their content, reasoning and tool calls describe', () => {
    const chat = createChat({
      api: '/api/chat',
      initialMessages: [
        { role: 'user', content: 'Hi' },
        {
          role: 'assistant',
          content: 'Hello!',
          reasoning: 'Greet back.',
          toolCalls: [{ id: 't', name: 'wave', argsText: '{}', args: {} }],
          status: 'done',
        },
      ],
    });
    const [user, answer] = chat.getSnapshot().messages as [ChatMessage, ChatMessage];
    expect(user.parts).toEqual([{ type: 'text', text: 'Hi' }]);
    expect(answer.parts).toEqual([
      { type: 'reasoning', text: 'Greet back.' },
      { type: 'text', text: 'Hello!' },
      { type: 'tool-call', toolCallId: 't', toolName: 'wave', inputText: '{}', input: {}, state: 'input-available' },
    ]);
    expect(Object.isFrozen(answer) && Object.isFrozen(answer.parts)).toBe(true);
  });

  it('an old-style edit of content replaces the text parts', () => {
    const chat = createChat({ api: '/api/chat', initialMessages: [{ id: 'q', role: 'user', content: 'Hi' }] });
    chat.setMessages((messages) => messages.map((m) => ({ ...m, content: 'Hello there' })));
    const [message] = chat.getSnapshot().messages as [ChatMessage];
    expect(message.parts).toEqual([{ type: 'text', text: 'Hello there' }]);
    expect(message.content).toBe('Hello there');
  });

  it('messages with parts get their content from them', () => {
    const chat = createChat({
      api: '/api/chat',
      initialMessages: [{ id: 'q', role: 'user', parts: [{ type: 'text', text: 'From parts' }] }],
    });
    expect(chat.getSnapshot().messages[0]?.content).toBe('From parts');
  });
});

describe('text parts as GrowingText (growingTextOf)', () => {
  it('keep each text part grown from its previous snapshot, text, a tool call and more text alike', async () => {
    async function* events(): AsyncIterable<StreamEvent> {
      for (const delta of ['Let me ', 'look that ', 'up.']) yield { type: 'text', delta };
      yield { type: 'tool-call', id: 'call_1', name: 'search', argsDelta: '{"q":"x"}' };
      for (const delta of ['Found ', 'it: **bold', '** and more.']) yield { type: 'text', delta };
      yield { type: 'done' };
    }
    const controller = createStreamController({ maxFps: 0 });
    const snapshots: StreamState[] = [];
    const ended = new Promise<void>((resolve) => {
      controller.subscribe(() => {
        const state = controller.getSnapshot();
        snapshots.push(state);
        if (state.status === 'done') resolve();
      });
    });
    controller.start(events());
    await ended;
    const previous = new Map<number, GrowingText>();
    for (const state of snapshots) {
      state.parts.forEach((part, index) => {
        if (part.type !== 'text') return;
        const growing = growingTextOf(part);
        expect(growing && String(growing)).toBe(part.text);
        const before = previous.get(index);
        if (before && growing) expect(growing.after(before)).toBe(part.text.slice(before.length));
        if (growing) previous.set(index, growing);
      });
    }
    const texts = (controller.getSnapshot().parts.filter((part) => part.type === 'text') as TextPart[]).map(
      (part) => part.text,
    );
    expect(texts).toEqual(['Let me look that up.', 'Found it: **bold** and more.']);
    // Kept beside the parts, not in them: a part serialises as the plain object it is.
    const [first] = controller.getSnapshot().parts;
    expect(JSON.parse(JSON.stringify(first))).toEqual({ type: 'text', text: 'Let me look that up.' });
    expect(Object.keys(first ?? {})).toEqual(['type', 'text']);
  });

  it('has none for a part that did not come from a stream', () => {
    const part: TextPart = { type: 'text', text: 'restored' };
    expect(growingTextOf(part)).toBeUndefined();
    const chat = createChat({ api: '/api/chat', initialMessages: [{ role: 'assistant', content: 'restored' }] });
    const [message] = chat.getSnapshot().messages;
    const restored = message?.parts[0];
    expect(restored?.type === 'text' && growingTextOf(restored)).toBeUndefined();
  });
});
