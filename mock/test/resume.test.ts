/**
 * The mock as a server that supports resume: SSE events numbered from 1, a request with
 * `Last-Event-ID` answered with exactly the events after it (so the events before plus the replay
 * are byte for byte the undropped stream), faults counted from where a response starts, a drop
 * inside an event's multi-byte character, and core's chat resuming against it to the exact text.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createChat } from '@rivulet/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerText, findAnswer, MOCK_FORMATS, type MockPlan, mockFetch, planMock } from '../src/index';
import { createMockHandler } from '../src/node';
import { parseSse } from './sse';

const body = (plan: MockPlan) => plan.steps.map((step) => (step.kind === 'write' ? step.chunk : '')).join('');
const ids = (text: string) => [...text.matchAll(/^id: (\d+)$/gm)].map((match) => Number(match[1]));
const sseFormats = MOCK_FORMATS.filter((format) => format !== 'text');

describe('event ids', () => {
  it.each(sseFormats)('%s numbers every event from 1', (format) => {
    const text = body(planMock({ format, answer: 'tool', tokensPerSecond: 0 }));
    const numbers = ids(text);
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
    expect(numbers).toHaveLength(parseSse(text).length);
  });

  it('leaves them out for plain text and with eventIds: false', () => {
    expect(ids(body(planMock({ format: 'text', tokensPerSecond: 0 })))).toEqual([]);
    expect(ids(body(planMock({ format: 'anthropic', eventIds: false, tokensPerSecond: 0 })))).toEqual([]);
  });
});

describe('Last-Event-ID', () => {
  it.each(sseFormats)('%s: the events up to an id plus the replay after it are the undropped stream', (format) => {
    const whole = body(planMock({ format, answer: 'overview', tokensPerSecond: 0 }));
    const messages = whole.split(/(?<=\n\n)/);
    for (const lastId of [1, 2, 17, messages.length - 2]) {
      const replay = body(
        planMock({ format, answer: 'overview', tokensPerSecond: 0 }, [], { lastEventId: String(lastId) }),
      );
      expect(ids(replay)[0]).toBe(lastId + 1);
      expect(messages.slice(0, lastId).join('') + replay).toBe(whole);
    }
  });

  it('replays at once: no thinking pause repeated for what was already sent', () => {
    const replay = planMock({ answer: 'short', tokensPerSecond: 50, jitter: 0 }, [], { lastEventId: '10' });
    const whole = planMock({ answer: 'short', tokensPerSecond: 50, jitter: 0 });
    const total = (plan: MockPlan) => plan.steps.reduce((sum, step) => sum + step.delayMs, 0);
    expect(total(replay)).toBeLessThan(total(whole) - 100);
  });

  it('counts dropAfter from where a resumed response starts', () => {
    const first = planMock({ format: 'openai', answer: 'overview', dropAfter: 20, tokensPerSecond: 0 });
    const lastId = Math.max(...ids(body(first)));
    const resumed = planMock({ format: 'openai', answer: 'overview', dropAfter: 20, tokensPerSecond: 0 }, [], {
      lastEventId: String(lastId),
    });
    expect(resumed.outcome).toBe('drop');
    expect(ids(body(resumed))).toEqual(Array.from({ length: 20 }, (_, i) => lastId + 1 + i));
  });

  it('dropMidEvent sends the next event up to a cut multi-byte character, then drops', () => {
    const deltas = planMock({ answer: 'overview' }).deltas;
    const dash = deltas.findIndex((delta) => delta.type === 'text' && delta.delta.includes('—'));
    const plan = planMock({ answer: 'overview', dropAfter: dash, dropMidEvent: true, tokensPerSecond: 0 });
    const cut = plan.steps.at(-2);
    expect(plan.steps.at(-1)?.kind).toBe('drop');
    expect(cut?.kind).toBe('cut');
    const bytes = cut?.kind === 'cut' ? cut.bytes : new Uint8Array();
    // It ends with the first byte of the dash: a character no decoder can complete.
    expect(bytes.at(-1)).toBe(0xe2);
    expect(new TextDecoder().decode(bytes)).toMatch(/^id: \d+\ndata: /);
  });
});

describe('resuming against the mock', () => {
  it.each([
    ['the middle of a word', false],
    ['a multi-byte character', true],
  ])('core’s chat resumes a drop in %s and ends with the exact answer', async (_where, dropMidEvent) => {
    const deltas = planMock({ answer: 'overview' }).deltas;
    const dropAfter = dropMidEvent ? deltas.findIndex((d) => d.type === 'text' && d.delta.includes('—')) : 33;
    const fetch = mockFetch({ answer: 'overview', tokensPerSecond: 0, dropAfter, dropMidEvent });
    const chat = createChat({ api: '/api/chat', fetch, maxFps: 0, resume: { delayMs: 1 } });
    chat.send('Explain streaming');
    await new Promise<void>((resolve) => {
      const unsubscribe = chat.subscribe(() => {
        if (chat.getSnapshot().status !== 'done' && chat.getSnapshot().status !== 'error') return;
        unsubscribe();
        resolve();
      });
    });
    // Every response drops after `dropAfter` more tokens; the answer still ends whole.
    expect(chat.getSnapshot().status).toBe('done');
    expect(chat.getSnapshot().messages.at(-1)?.content).toBe(answerText(findAnswer('overview')!));
  });
});

describe('over HTTP', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    server = createServer(createMockHandler());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (headers: Record<string, string>, extra: Record<string, unknown> = {}) =>
    fetch(`${origin}/api/chat?answer=short&tps=0`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }], ...extra }),
    }).then((response) => response.text());

  it('honours the Last-Event-ID header, and lastEventId in the body', async () => {
    const whole = await post({});
    const fromHeader = await post({ 'Last-Event-ID': '5' });
    const fromBody = await post({}, { lastEventId: '5' });
    expect(ids(fromHeader)[0]).toBe(6);
    expect(fromBody).toBe(fromHeader);
    expect(whole.endsWith(fromHeader)).toBe(true);
  });
});
