/**
 * The malformed-JSON control and the generated size-fault answers: what goes on the wire for each
 * format, and what `@rivulet/core` reads back from it.
 */
import { readStream, StreamError } from '@rivulet/core';
import { describe, expect, it } from 'vitest';
import {
  answerText,
  findAnswer,
  GENERATED_SIZES,
  generateAnswer,
  type MockPlan,
  mockFetch,
  parseMockOptions,
  planMock,
} from '../src/index';
import { parseSse } from './sse';

const body = (plan: MockPlan) => plan.steps.map((step) => (step.kind === 'write' ? step.chunk : '')).join('');

/** Whether `data` parses as JSON. */
const isJson = (data: string) => {
  try {
    JSON.parse(data);
    return true;
  } catch {
    return false;
  }
};

/** The fields of the three formats' events that carry text. */
interface WireEvent {
  type?: string;
  delta?: string | { text?: string };
  choices?: { delta?: { content?: string } }[];
}

/** The text a format's event carries, if it is a text delta. */
const TEXT_OF: Record<'openai' | 'anthropic' | 'ai-sdk', (event: WireEvent) => string | undefined> = {
  openai: (event) => event.choices?.[0]?.delta?.content,
  anthropic: (event) => (typeof event.delta === 'object' ? event.delta.text : undefined),
  'ai-sdk': (event) => (event.type === 'text-delta' && typeof event.delta === 'string' ? event.delta : undefined),
};

/** Reads a mock response as the components do; returns the text received and the error. */
async function readBack(options: Parameters<typeof mockFetch>[0]) {
  const response = await mockFetch({ tokensPerSecond: 0, ...options })('/api/chat', { method: 'POST' });
  let text = '';
  let error: unknown;
  try {
    for await (const event of readStream(response)) if (event.type === 'text') text += event.delta;
  } catch (caught) {
    error = caught;
  }
  return { text, error };
}

describe.each(['openai', 'anthropic', 'ai-sdk'] as const)('invalidJsonAfter in the %s format', (format) => {
  const plan = planMock({ format, answer: 'overview', invalidJsonAfter: 25, tokensPerSecond: 0 });
  const messages = parseSse(body(plan));
  const bad = messages.findIndex((message) => message.data !== '[DONE]' && !isJson(message.data));

  it('sends N text deltas, then one event cut off inside its JSON', () => {
    expect(plan.outcome).toBe('invalid-json');
    expect(bad).toBeGreaterThan(0);
    expect(messages.filter((message) => message.data !== '[DONE]' && !isJson(message.data))).toHaveLength(1);
    const before = messages.slice(0, bad).map((message) => JSON.parse(message.data) as WireEvent);
    const texts = before.map(TEXT_OF[format]).filter((text) => text !== undefined && text !== '');
    expect(texts).toHaveLength(25);
    expect(texts.join('')).toBe(
      plan.deltas
        .slice(0, 25)
        .map((delta) => (delta as { delta: string }).delta)
        .join(''),
    );
    // A real event of this format, cut: it opens like one and never closes.
    expect(messages[bad]?.data.startsWith('{"')).toBe(true);
    expect(messages[bad]?.data.endsWith('}')).toBe(false);
  });

  it('carries on after the bad event: the rest of the answer and the terminal event follow', () => {
    const after = messages.slice(bad + 1);
    expect(after.length).toBeGreaterThan(10);
    expect(after.every((message) => message.data === '[DONE]' || isJson(message.data))).toBe(true);
    const last = messages.at(-1)!;
    if (format === 'anthropic') expect(last.event).toBe('message_stop');
    else expect(last.data).toBe('[DONE]');
  });

  it('is read back as StreamError parse naming the bad line, with the text before it kept', async () => {
    const { text, error } = await readBack({ format, answer: 'overview', invalidJsonAfter: 25 });
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({ code: 'parse' });
    expect((error as Error).message).toContain('Invalid JSON');
    expect((error as Error).message).toContain(messages[bad]!.data.slice(0, 40));
    expect(text).toBe(answerText(findAnswer('overview')!).slice(0, text.length));
    expect(text).toBe(
      plan.deltas
        .slice(0, 25)
        .map((delta) => (delta as { delta: string }).delta)
        .join(''),
    );
  });
});

describe('invalidJsonAfter elsewhere', () => {
  it('is ignored by the plain text format, which has no JSON', () => {
    const plan = planMock({ format: 'text', answer: 'short', invalidJsonAfter: 5, tokensPerSecond: 0 });
    expect(plan.outcome).toBe('complete');
    expect(body(plan)).toBe(answerText(findAnswer('short')!));
  });

  it('cuts a malformed event between code points, never inside a surrogate pair', () => {
    // An AI SDK text-delta is 46 characters around its text: from 43 emoji on, the halfway point
    // falls among them, and for every other count inside a pair of UTF-16 units.
    for (let count = 43; count <= 60; count += 1) {
      const text = '👍'.repeat(count);
      const answer = { id: 'emoji', title: 'Emoji', parts: [{ type: 'text' as const, text, deltas: [text] }] };
      const plan = planMock({ format: 'ai-sdk', answer, invalidJsonAfter: 0, tokensPerSecond: 0 });
      const bad = parseSse(body(plan)).find((message) => message.data !== '[DONE]' && !isJson(message.data));
      expect(bad?.data).toContain('👍');
      expect(bad?.data).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });

  it('is parsed from the query and the scenario, and cleared by a healthy retry', () => {
    const { options, errors } = parseMockOptions(new URLSearchParams('invalidJsonAfter=12&answerSize=2048'));
    expect(errors).toEqual([]);
    expect(options).toEqual({ invalidJsonAfter: 12, answerSize: 2048 });
    expect(planMock({ scenario: 'invalid-json', tokensPerSecond: 0 }).outcome).toBe('invalid-json');
    expect(parseMockOptions(new URLSearchParams('invalidJsonAfter=x')).errors).toHaveLength(1);
  });
});

describe('generated answers', () => {
  it('huge: about 5 MiB of numbered paragraphs in 1 KB pieces, ending with the paragraph count', () => {
    const answer = generateAnswer('huge')!;
    const text = answerText(answer);
    expect(text.length).toBeGreaterThanOrEqual(GENERATED_SIZES.huge);
    expect(text.length).toBeLessThan(GENERATED_SIZES.huge + 12 * 1024);
    const part = answer.parts[0];
    const deltas = part?.type === 'text' ? (part.deltas ?? []) : [];
    expect(deltas.join('')).toBe(text);
    expect(deltas.length).toBeGreaterThan(4000);
    expect(Math.max(...deltas.map((delta) => delta.length))).toBeLessThan(1200);
    const paragraphs = text.split('\n\n');
    expect(paragraphs.at(-1)).toBe(`The end: ${paragraphs.length - 1} paragraphs.`);
    expect(paragraphs.at(-2)).toMatch(
      new RegExp(`^Paragraph ${paragraphs.length - 2}: .* End of paragraph ${paragraphs.length - 2}\\.$`),
    );
  });

  it('huge: answerSize scales it, and the same size always gives the same text', () => {
    const small = answerText(generateAnswer('huge', 50_000)!);
    expect(small.length).toBeGreaterThanOrEqual(50_000);
    expect(small.length).toBeLessThan(50_000 + 12 * 1024);
    expect(answerText(generateAnswer('huge', 50_000)!)).toBe(small);
  });

  it('huge at 0 tokens/s: one plan of a few thousand writes, all at once, under 2x the text on the wire', () => {
    const plan = planMock({ scenario: 'huge' });
    expect(plan.steps.every((step) => step.delayMs === 0)).toBe(true);
    expect(plan.steps.length).toBeLessThan(7000);
    expect(body(plan).length).toBeLessThan(2 * GENERATED_SIZES.huge);
  });

  it('long-line: one token of at least 1 MiB without a newline, one SSE line on the wire', () => {
    const plan = planMock({ scenario: 'long-line' });
    expect(plan.deltas).toHaveLength(1);
    const text = answerText(plan.answer);
    expect(text.length).toBeGreaterThanOrEqual(GENERATED_SIZES['long-line']);
    expect(text).not.toContain('\n');
    expect(text.endsWith('end of the line.')).toBe(true);
    const lines = body(plan).split('\n');
    expect(Math.max(...lines.map((line) => line.length))).toBeGreaterThan(GENERATED_SIZES['long-line']);
  });

  it.each(['openai', 'anthropic', 'ai-sdk', 'text'] as const)(
    'long-line and huge read back whole in %s',
    async (format) => {
      for (const [answer, answerSize] of [
        ['long-line', undefined],
        ['huge', 300_000],
      ] as const) {
        const { text, error } = await readBack({ format, answer, answerSize });
        expect(error).toBeUndefined();
        expect(text).toBe(answerText(generateAnswer(answer, answerSize)!));
      }
    },
  );

  it('is not an answer id of its own: unknown ids still fall back to the picker', () => {
    expect(generateAnswer('overview')).toBeUndefined();
    expect(planMock({ answer: 'nope' }).answer.id).toBe('overview');
  });
});
