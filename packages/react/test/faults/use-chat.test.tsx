/**
 * The same faults through `useChat` alone (a custom UI): each ends the answer with its typed error
 * (or status) on the message itself, the content holds every character received, `chat.retry()`
 * replaces the answer, and nothing is left running.
 */
import type { StreamErrorCode } from '@rivulet/core';
import { type UseChatOptions, type UseChatResult, useChat } from '@rivulet/react';
import { act, render, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { setUpFaultGuards } from './harness';
import { anthropic, createWire, openai, scriptedFetch, type Wire } from './wire';

const guards = setUpFaultGuards();

const PARTIAL = ['Partial', ' answer', ' so far'];
const PARTIAL_TEXT = PARTIAL.join('');

/** A custom UI that only uses `useChat`; it hands each result to the test through `latest`. */
function Probe({ options, latest }: { options: UseChatOptions; latest: { chat?: UseChatResult } }) {
  const chat = useChat(options);
  latest.chat = chat;
  return <output>{chat.messages.map((m) => `${m.role}:${m.content}`).join('|')}</output>;
}

function renderUseChat(options: UseChatOptions) {
  const latest: { chat?: UseChatResult } = {};
  const view = render(<Probe options={options} latest={latest} />);
  const chat = () => latest.chat as UseChatResult;
  const answer = () => chat().messages.at(-1);
  return { ...view, chat, answer };
}

interface Fault {
  name: string;
  format: 'openai' | 'anthropic';
  idleTimeoutMs?: number;
  /** Sends the partial answer, then causes the fault. */
  cause(wire: Wire): void;
  code: StreamErrorCode;
  message: RegExp;
}

const faults: Fault[] = [
  {
    name: 'connection drop',
    format: 'openai',
    cause: (wire) => {
      wire.send(openai.first() + PARTIAL.map(openai.delta).join(''));
      wire.drop(new TypeError('network error'));
    },
    code: 'interrupted',
    message: /network error/,
  },
  {
    name: 'end without message_stop',
    format: 'anthropic',
    cause: (wire) => {
      wire.send(anthropic.first() + PARTIAL.map(anthropic.delta).join(''));
      wire.close();
    },
    code: 'interrupted',
    message: /message_stop/,
  },
  {
    name: 'stall past idleTimeoutMs',
    format: 'openai',
    idleTimeoutMs: 100,
    cause: (wire) => wire.send(openai.first() + PARTIAL.map(openai.delta).join('')),
    code: 'timeout',
    message: /100 ms/,
  },
  {
    name: 'provider error event',
    format: 'anthropic',
    cause: (wire) =>
      wire.send(
        anthropic.first() + PARTIAL.map(anthropic.delta).join('') + anthropic.error('api_error', 'Internal error'),
      ),
    code: 'provider',
    message: /Internal error/,
  },
  {
    name: 'invalid JSON',
    format: 'openai',
    cause: (wire) => wire.send(`${openai.first()}${PARTIAL.map(openai.delta).join('')}data: {"choices":[{\n\n`),
    code: 'parse',
    message: /Invalid JSON in openai event: \{"choices":\[\{/,
  },
];

describe('useChat faults: typed errors on the message', () => {
  it.each(faults)('$name: error $code on the message, content kept, retry() replaces it', async (fault) => {
    const wires = [guards.track(createWire('failing answer')), guards.track(createWire('retried answer'))];
    const onError = vi.fn();
    let calls = 0;
    const view = renderUseChat({
      format: fault.format,
      idleTimeoutMs: fault.idleTimeoutMs,
      onError,
      send: () => (wires[calls++] as Wire).stream,
    });
    act(() => view.chat().send('Question'));
    fault.cause(wires[0] as Wire);

    await waitFor(() => expect(view.answer()?.status).toBe('error'));
    const failed = view.answer();
    expect(failed?.content).toBe(PARTIAL_TEXT);
    expect(failed?.error?.code).toBe(fault.code);
    expect(failed?.error?.message).toMatch(fault.message);
    expect(view.chat().status).toBe('error');
    expect(view.chat().error).toBe(failed?.error);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[1]).toMatchObject({ content: PARTIAL_TEXT });

    act(() => view.chat().retry());
    const retried = wires[1] as Wire;
    retried.send(fault.format === 'openai' ? openai.answer(['All of it.']) : anthropic.answer(['All of it.']));
    retried.close();
    await waitFor(() => expect(view.answer()?.status).toBe('done'));
    expect(view.chat().messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'Question'],
      ['assistant', 'All of it.'],
    ]);
    expect(view.answer()?.error).toBeUndefined();
    await guards.finish(view.unmount);
  });

  it('HTTP 429 through `api`: error http with status 429 and the body message', async () => {
    const retried = guards.track(createWire('retried answer'));
    const server = scriptedFetch([
      {
        status: 429,
        contentType: 'application/json',
        body: JSON.stringify({ error: { message: 'Rate limited' } }),
      },
      { body: retried },
    ]);
    vi.stubGlobal('fetch', server.fetch);
    const view = renderUseChat({ api: '/api/chat' });
    act(() => view.chat().send('Question'));
    await waitFor(() => expect(view.answer()?.status).toBe('error'));
    expect(view.answer()?.error?.code).toBe('http');
    expect(view.answer()?.error?.status).toBe(429);
    expect(view.answer()?.error?.message).toContain('Rate limited');

    act(() => view.chat().retry());
    retried.send(openai.answer(['Fine now.']));
    retried.close();
    await waitFor(() => expect(view.answer()?.status).toBe('done'));
    expect(view.answer()?.content).toBe('Fine now.');
    await guards.finish(view.unmount);
  });

  it('stop(): status aborted, content kept, no error, stream cancelled', async () => {
    const wire = guards.track(createWire('stopped answer'));
    const view = renderUseChat({ format: 'openai', send: () => wire.stream });
    act(() => view.chat().send('Question'));
    wire.send(openai.first() + PARTIAL.map(openai.delta).join(''));
    await waitFor(() => expect(view.answer()?.content).toBe(PARTIAL_TEXT));
    act(() => view.chat().stop());
    expect(view.answer()?.status).toBe('aborted');
    expect(view.answer()?.error).toBeUndefined();
    expect(view.answer()?.content).toBe(PARTIAL_TEXT);
    await waitFor(() => expect(wire.state).toBe('cancelled'));
    await guards.finish(view.unmount);
  });
});
