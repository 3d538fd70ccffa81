/**
 * Interop with the Vercel AI SDK: `fromUIMessage` turns the AI SDK's `UIMessage` (typed here with
 * the `ai` package's own type, so a change of its shapes fails the typecheck) into a Rivulet
 * message of parts, in the same order, with every tool state mapped.
 */
import { fromUIMessage } from '@rivulet/core';
import type { UIMessage } from 'ai';
import { describe, expect, it } from 'vitest';

const answer: UIMessage<{ model: string }> = {
  id: 'msg_1',
  role: 'assistant',
  metadata: { model: 'gpt-4o-mini' },
  parts: [
    { type: 'step-start' },
    { type: 'reasoning', text: 'Look it up.', state: 'done' },
    { type: 'text', text: 'Let me check.', state: 'done' },
    {
      type: 'tool-getWeather',
      toolCallId: 'call_1',
      state: 'output-available',
      input: { city: 'Paris' },
      output: { celsius: 21 },
    },
    { type: 'dynamic-tool', toolName: 'lookup', toolCallId: 'call_2', state: 'input-streaming', input: { q: 'Par' } },
    {
      type: 'tool-getWeather',
      toolCallId: 'call_3',
      state: 'output-error',
      input: { city: 'X' },
      errorText: 'Unknown city',
    },
    { type: 'step-start' },
    { type: 'text', text: 'It is **21 °C**.', state: 'streaming' },
    { type: 'source-url', sourceId: 's1', url: 'https://weather.example/paris', title: 'Paris weather' },
    { type: 'source-document', sourceId: 's2', mediaType: 'application/pdf', title: 'Report' },
    { type: 'file', mediaType: 'image/png', url: 'data:image/png;base64,AAAA', filename: 'chart.png' },
    { type: 'data-weather', data: { ok: true } } as UIMessage['parts'][number],
  ],
};

describe('fromUIMessage', () => {
  it('keeps the parts in order, mapping each AI SDK part to a Rivulet part', () => {
    const message = fromUIMessage(answer, { status: 'streaming' });
    expect(message).toMatchObject({
      id: 'msg_1',
      role: 'assistant',
      status: 'streaming',
      metadata: { model: 'gpt-4o-mini' },
    });
    expect(message.parts).toEqual([
      { type: 'reasoning', text: 'Look it up.' },
      { type: 'text', text: 'Let me check.' },
      {
        type: 'tool-call',
        toolCallId: 'call_1',
        toolName: 'getWeather',
        inputText: '{"city":"Paris"}',
        input: { city: 'Paris' },
        state: 'output-available',
        output: { celsius: 21 },
      },
      {
        type: 'tool-call',
        toolCallId: 'call_2',
        toolName: 'lookup',
        inputText: '{"q":"Par"}',
        input: { q: 'Par' },
        state: 'input-streaming',
      },
      {
        type: 'tool-call',
        toolCallId: 'call_3',
        toolName: 'getWeather',
        inputText: '{"city":"X"}',
        input: { city: 'X' },
        state: 'output-error',
        errorText: 'Unknown city',
      },
      { type: 'text', text: 'It is **21 °C**.' },
      { type: 'source', url: 'https://weather.example/paris', title: 'Paris weather', sourceId: 's1' },
      { type: 'file', mediaType: 'image/png', url: 'data:image/png;base64,AAAA', filename: 'chart.png' },
    ]);
    expect(message.content).toBe('Let me check.\n\nIt is **21 °C**.');
    expect(Object.isFrozen(message) && Object.isFrozen(message.parts)).toBe(true);
  });

  it('maps approval states and a denied call', () => {
    const message = fromUIMessage({
      id: 'm',
      role: 'assistant',
      parts: [
        {
          type: 'tool-deleteFile',
          toolCallId: 'a',
          state: 'approval-requested',
          input: { path: '/tmp/x' },
          approval: { id: 'ap1' },
        },
        {
          type: 'tool-deleteFile',
          toolCallId: 'b',
          state: 'output-denied',
          input: { path: '/etc' },
          approval: { id: 'ap2', approved: false, reason: 'Not allowed' },
        },
      ],
    } satisfies UIMessage);
    expect(message.parts.map((p) => (p.type === 'tool-call' ? [p.state, p.errorText] : p.type))).toEqual([
      ['input-available', undefined],
      ['output-error', 'Not allowed'],
    ]);
  });

  it('turns a user message with an attachment into text and file parts, without a status', () => {
    const message = fromUIMessage({
      id: 'u',
      role: 'user',
      parts: [
        { type: 'text', text: 'What is in this picture?' },
        { type: 'file', mediaType: 'image/jpeg', url: 'https://cdn.example/cat.jpg' },
      ],
    } satisfies UIMessage);
    expect(message).toEqual({
      id: 'u',
      role: 'user',
      content: 'What is in this picture?',
      parts: [
        { type: 'text', text: 'What is in this picture?' },
        { type: 'file', mediaType: 'image/jpeg', url: 'https://cdn.example/cat.jpg' },
      ],
    });
  });
});
