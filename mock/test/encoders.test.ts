import { describe, expect, it } from 'vitest';
import { answerText, findAnswer, type MockPlan, planMock } from '../src/index';
import { json, parseSse } from './sse';

const body = (plan: MockPlan) => plan.steps.map((step) => (step.kind === 'write' ? step.chunk : '')).join('');
const plan = (format: 'openai' | 'anthropic' | 'ai-sdk' | 'text', answer: string) =>
  planMock({ format, answer, tokensPerSecond: 0 }, [{ role: 'user', content: 'What is the weather in Lisbon?' }]);

describe('OpenAI Chat Completions encoder', () => {
  it('streams chat.completion.chunk deltas, a finish chunk, a usage chunk and [DONE]', () => {
    const result = plan('openai', 'overview');
    const messages = parseSse(body(result));
    expect(messages.at(-1)?.data).toBe('[DONE]');
    const chunks = messages.slice(0, -1).map(json);
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks[0]).toMatchObject({ choices: [{ delta: { role: 'assistant', content: '' } }] });
    const text = chunks.map((chunk) => (chunk.choices as { delta?: { content?: string } }[])[0]?.delta?.content ?? '');
    expect(text.join('')).toBe(answerText(findAnswer('overview')!));
    expect(chunks.at(-2)).toMatchObject({ choices: [{ delta: {}, finish_reason: 'stop' }] });
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 8, completion_tokens: result.deltas.length },
    });
  });

  it('streams tool calls with an id and name first, then argument fragments by index', () => {
    const chunks = parseSse(body(plan('openai', 'tool')))
      .slice(0, -1)
      .map(json);
    type Call = { index: number; id?: string; function: { name?: string; arguments: string } };
    const calls = chunks.flatMap(
      (chunk) => (chunk.choices as { delta: { tool_calls?: Call[] } }[])[0]?.delta.tool_calls ?? [],
    );
    expect(calls[0]).toMatchObject({ index: 0, id: 'call_weather_7f3a', function: { name: 'get_weather' } });
    expect(calls.slice(1).every((call) => call.id === undefined && call.index === 0)).toBe(true);
    expect(JSON.parse(calls.map((call) => call.function.arguments).join(''))).toMatchObject({
      location: 'Lisbon, Portugal',
    });
  });
});

describe('Anthropic Messages encoder', () => {
  it('opens and closes one content block per part, thinking before text, then message_delta and message_stop', () => {
    const messages = parseSse(body(plan('anthropic', 'reasoning')));
    const names = messages.map((message) => message.event);
    expect(names.slice(0, 3)).toEqual(['message_start', 'ping', 'content_block_start']);
    expect(names.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    for (const message of messages) expect(json(message).type).toBe(message.event);
    const starts = messages.filter((message) => message.event === 'content_block_start').map(json);
    expect(starts.map((start) => [start.index, (start.content_block as { type: string }).type])).toEqual([
      [0, 'thinking'],
      [1, 'text'],
    ]);
    const deltas = messages.filter((m) => m.event === 'content_block_delta').map((m) => json(m).delta as never);
    const thinking = deltas.map((d: { thinking?: string }) => d.thinking ?? '').join('');
    const text = deltas.map((d: { text?: string }) => d.text ?? '').join('');
    expect(thinking).toContain('March 3, 2025 is a Monday');
    expect(text).toBe(answerText(findAnswer('reasoning')!));
    expect(deltas.some((d: { type: string }) => d.type === 'signature_delta')).toBe(true);
    expect(json(messages.at(-2)!)).toMatchObject({ delta: { stop_reason: 'end_turn' } });
  });

  it('streams tool input as input_json_delta inside a tool_use block', () => {
    const messages = parseSse(body(plan('anthropic', 'tool')));
    const first = messages.find((message) => message.event === 'content_block_start');
    expect(json(first!)).toMatchObject({ content_block: { type: 'tool_use', name: 'get_weather' } });
    const partial = messages
      .filter((message) => message.event === 'content_block_delta')
      .map((message) => json(message).delta as { type: string; partial_json?: string })
      .filter((delta) => delta.type === 'input_json_delta')
      .map((delta) => delta.partial_json)
      .join('');
    expect(JSON.parse(partial)).toMatchObject({ days: 3 });
  });
});

describe('AI SDK UI message stream encoder', () => {
  it('sends start, typed parts with ids, finish and [DONE], with the protocol header', () => {
    const result = plan('ai-sdk', 'tool');
    expect(result.headers['x-vercel-ai-ui-message-stream']).toBe('v1');
    const messages = parseSse(body(result));
    expect(messages.at(-1)?.data).toBe('[DONE]');
    const parts = messages.slice(0, -1).map(json);
    const types = parts.map((part) => part.type as string);
    expect(types.slice(0, 3)).toEqual(['start', 'start-step', 'tool-input-start']);
    expect(types).toContain('tool-input-available');
    expect(types.indexOf('tool-input-available')).toBeLessThan(types.indexOf('text-start'));
    expect(types.slice(-3)).toEqual(['text-end', 'finish-step', 'finish']);
    const available = parts.find((part) => part.type === 'tool-input-available');
    expect(available).toMatchObject({ toolName: 'get_weather', input: { unit: 'celsius' } });
    const text = parts.filter((part) => part.type === 'text-delta').map((part) => part.delta);
    expect(text.join('')).toBe(answerText(findAnswer('tool')!));
  });
});

describe('plain text encoder', () => {
  it('sends only the answer text, as text/plain', () => {
    const result = plan('text', 'reasoning');
    expect(result.headers['Content-Type']).toMatch(/^text\/plain/);
    expect(body(result)).toBe(answerText(findAnswer('reasoning')!));
  });
});
