/**
 * The mock's wire formats read back by `@rivulet/core`'s `readStream`, as the components read
 * them: proves the encoders speak the formats the adapters implement, faults included.
 */
import { readStream, StreamError, type StreamEvent } from '@rivulet/core';
import { describe, expect, it } from 'vitest';
import { answerText, createMockStream, findAnswer, MOCK_FORMATS, type MockOptions, mockFetch } from '../src/index';

async function collect(options: MockOptions) {
  const response = await mockFetch({ tokensPerSecond: 0, ...options })('/api/chat', { method: 'POST' });
  const events: StreamEvent[] = [];
  let error: unknown;
  try {
    for await (const event of readStream(response)) events.push(event);
  } catch (caught) {
    error = caught;
  }
  const of = <T extends StreamEvent['type']>(type: T) =>
    events.filter((event): event is Extract<StreamEvent, { type: T }> => event.type === type);
  return {
    text: of('text')
      .map((event) => event.delta)
      .join(''),
    reasoning: of('reasoning')
      .map((event) => event.delta)
      .join(''),
    args: of('tool-call')
      .map((event) => event.argsDelta)
      .join(''),
    done: of('done'),
    usage: of('usage'),
    error,
  };
}

describe.each(MOCK_FORMATS)('the %s format read back with format auto', (format) => {
  it('gives the whole answer text and a done event', async () => {
    const result = await collect({ format, answer: 'overview' });
    expect(result.error).toBeUndefined();
    expect(result.text).toBe(answerText(findAnswer('overview')!));
    expect(result.done).toHaveLength(1);
  });

  it('reports an HTTP error status with the body message', async () => {
    const result = await collect({ format, status: 429 });
    expect(result.error).toMatchObject({ code: 'http', status: 429 });
    expect((result.error as Error).message).toContain('Rate limit reached');
  });
});

describe.each(['openai', 'anthropic', 'ai-sdk'] as const)('the %s format, which has events beyond text', (format) => {
  it('carries tool-call arguments', async () => {
    const result = await collect({ format, answer: 'tool' });
    expect(JSON.parse(result.args)).toMatchObject({ location: 'Lisbon, Portugal', days: 3 });
  });

  it('ends an in-band error with StreamError provider, text kept', async () => {
    const result = await collect({ format, answer: 'overview', errorAfter: 30, errorMessage: 'Overloaded' });
    expect(result.error).toBeInstanceOf(StreamError);
    expect(result.error).toMatchObject({ code: 'provider' });
    expect((result.error as Error).message).toContain('Overloaded');
    expect(result.text.length).toBeGreaterThan(30);
  });
});

describe('faults read back', () => {
  it('reasoning stays out of the text (anthropic, openai, ai-sdk)', async () => {
    for (const format of ['anthropic', 'openai', 'ai-sdk'] as const) {
      const result = await collect({ format, answer: 'reasoning' });
      expect(result.text).toBe(answerText(findAnswer('reasoning')!));
      if (format !== 'openai') expect(result.reasoning).toContain('March 3, 2025 is a Monday');
    }
  });

  it('usage arrives for openai and anthropic', async () => {
    for (const format of ['openai', 'anthropic'] as const) {
      const result = await collect({ format, answer: 'short' });
      expect(result.usage.at(-1)?.usage.outputTokens).toBeGreaterThan(10);
    }
  });

  it('a dropped connection throws, keeping the text received', async () => {
    const events: StreamEvent[] = [];
    const read = async () => {
      for await (const event of readStream(
        createMockStream({ format: 'anthropic', dropAfter: 20, tokensPerSecond: 0 }),
        {
          format: 'anthropic',
        },
      ))
        events.push(event);
    };
    await expect(read()).rejects.toBeInstanceOf(StreamError);
    expect(events.filter((event) => event.type === 'text')).toHaveLength(20);
  });
});
