/**
 * Every built-in format reads its realistic transcript to the exact text, reasoning, tool calls,
 * usage and finish reason, through a Response delivered in small chunks.
 */

import { readStream } from '@rivulet/core';
import { describe, expect, it } from 'vitest';
import { fixtureBytes, read, responseOf, splitEvery } from './helpers';
import { transcripts } from './transcripts';

describe('readStream formats', () => {
  describe.each(transcripts)('$format: $fixture', ({ fixture, format, contentType, expected }) => {
    it('reads text, reasoning, tool calls, usage and the finish reason', async () => {
      const result = await read(responseOf(splitEvery(fixtureBytes(fixture), 7), { contentType }), { format });
      expect(result.error).toBeUndefined();
      expect(result.text).toBe(expected.text);
      expect(result.reasoning).toBe(expected.reasoning);
      expect(result.toolCalls).toEqual(expected.toolCalls);
      expect(result.usage).toEqual(expected.usage);
      expect(result.done).toEqual([expected.finishReason]);
    });

    it('ends with exactly one done event and reports usage at most once', async () => {
      const result = await read(responseOf([fixtureBytes(fixture)], { contentType }), { format });
      const types = result.events.map((event) => event.type);
      expect(types.at(-1)).toBe('done');
      expect(types.filter((type) => type === 'done')).toHaveLength(1);
      expect(types.filter((type) => type === 'usage').length).toBeLessThanOrEqual(1);
    });

    it('reads the same without a Content-Type', async () => {
      const result = await read(responseOf([fixtureBytes(fixture)]), { format });
      expect(result.error).toBeUndefined();
      expect(result.text).toBe(expected.text);
      expect(result.toolCalls).toEqual(expected.toolCalls);
    });
  });

  it('names a tool call only on its first fragment and keys later fragments by id (openai)', async () => {
    const result = await read(responseOf([fixtureBytes('openai-tools.sse')]), { format: 'openai' });
    const calls = result.events.filter((event) => event.type === 'tool-call');
    expect(calls[0]).toEqual({
      type: 'tool-call',
      id: 'call_DdmO9pD3xa9XTPNJ32zg2hcA',
      name: 'get_weather',
      argsDelta: '',
    });
    expect(calls[1]).toEqual({ type: 'tool-call', id: 'call_DdmO9pD3xa9XTPNJ32zg2hcA', argsDelta: '{"' });
    expect(calls.filter((event) => 'name' in event)).toHaveLength(2);
  });

  it('orders events as the provider sent them (anthropic)', async () => {
    const result = await read(responseOf([fixtureBytes('anthropic.sse')]), { format: 'anthropic' });
    expect(result.events.map((event) => event.type)).toEqual([
      'reasoning',
      'reasoning',
      'text',
      'text',
      'tool-call',
      'tool-call',
      'tool-call',
      'tool-call',
      'usage',
      'done',
    ]);
  });

  it('stops reading at the terminal event and ignores what follows', async () => {
    const bytes = new TextEncoder().encode(
      'data: {"choices":[{"index":0,"delta":{"content":"A"}}]}\n\ndata: [DONE]\n\ndata: {"choices":[{"index":0,"delta":{"content":"B"}}]}\n\n',
    );
    const result = await read(responseOf([bytes]), { format: 'openai' });
    expect(result.text).toBe('A');
    expect(result.done).toEqual([undefined]);
  });

  it('reads only choice 0 of a multi-choice OpenAI stream', async () => {
    const chunk = (index: number, content: string) =>
      `data: {"choices":[{"index":${index},"delta":{"content":"${content}"}}]}\n\n`;
    const body = `${chunk(0, 'first')}${chunk(1, 'second')}${chunk(0, '!')}data: [DONE]\n\n`;
    const result = await read(new Response(body), { format: 'openai' });
    expect(result.text).toBe('first!');
  });

  it('reads OpenAI-compatible JSON lines without the data: prefix', async () => {
    const body =
      '{"choices":[{"index":0,"delta":{"content":"Hi"}}]}\n{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n';
    const result = await read(new Response(`${body}[DONE]\n`), { format: 'openai' });
    expect(result.error).toBeUndefined();
    expect(result.text).toBe('Hi');
    expect(result.done).toEqual(['stop']);
  });

  it('reads Ollama /api/generate lines (response and thinking fields)', async () => {
    const body = [
      '{"model":"deepseek-r1","created_at":"2025-01-01T00:00:00Z","thinking":"Hmm.","response":"","done":false}',
      '{"model":"deepseek-r1","created_at":"2025-01-01T00:00:00Z","response":"Blue.","done":false}',
      '{"model":"deepseek-r1","created_at":"2025-01-01T00:00:01Z","response":"","done":true,"done_reason":"stop","prompt_eval_count":4,"eval_count":2}',
    ].join('\n');
    const result = await read(new Response(body), { format: 'ollama' });
    expect(result).toMatchObject({ text: 'Blue.', reasoning: 'Hmm.', done: ['stop'] });
    expect(result.usage).toEqual({ inputTokens: 4, outputTokens: 2, totalTokens: 6 });
  });

  it('reports a Responses stream cut short by response.incomplete with its reason', async () => {
    const body =
      'event: response.output_text.delta\ndata: {"type":"response.output_text.delta","delta":"Par"}\n\n' +
      'event: response.incomplete\ndata: {"type":"response.incomplete","response":{"status":"incomplete","incomplete_details":{"reason":"max_output_tokens"},"usage":{"input_tokens":3,"output_tokens":1,"total_tokens":4}}}\n\n';
    const result = await read(new Response(body), { format: 'openai-responses' });
    expect(result.text).toBe('Par');
    expect(result.done).toEqual(['max_output_tokens']);
  });

  it('reports an AI SDK tool input that arrived whole', async () => {
    const body =
      'data: {"type":"start"}\n\ndata: {"type":"tool-input-available","toolCallId":"c1","toolName":"search","input":{"q":"x"}}\n\ndata: {"type":"finish"}\n\n';
    const result = await read(new Response(body), { format: 'ai-sdk' });
    expect(result.toolCalls).toEqual([{ id: 'c1', name: 'search', args: '{"q":"x"}' }]);
  });

  it('ends a Gemini stream blocked by safety with the block reason', async () => {
    const body = 'data: {"promptFeedback":{"blockReason":"SAFETY"},"usageMetadata":{"promptTokenCount":7}}\r\n\r\n';
    const result = await read(new Response(body), { format: 'gemini' });
    expect(result.error).toBeUndefined();
    expect(result.done).toEqual(['SAFETY']);
  });

  it('returns an iterable the caller can also read with an explicit iterator', async () => {
    const iterator = readStream(new Response('hi'), { format: 'text' })[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ done: false, value: { type: 'text', delta: 'hi' } });
    expect(await iterator.next()).toEqual({ done: false, value: { type: 'done' } });
    expect((await iterator.next()).done).toBe(true);
  });
});
