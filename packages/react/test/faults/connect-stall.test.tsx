/**
 * A server that accepts the request but never answers (no response headers): with `idleTimeoutMs`
 * set, the silence before the response counts like silence inside it, so the answer fails with a
 * timeout instead of "Thinking…" forever, the request is aborted, and Retry works.
 */
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderChat, setUpFaultGuards } from './harness';
import { createWire, openai } from './wire';

const guards = setUpFaultGuards();

describe('ChatWindow faults: no response at all', () => {
  it('idleTimeoutMs also bounds the wait for the response: timeout error, request aborted, Retry works', async () => {
    const retried = guards.track(createWire('retried answer'));
    const signals: AbortSignal[] = [];
    const chat = renderChat([], {
      format: 'openai',
      idleTimeoutMs: 150,
      send: (_messages, { signal }) => {
        signals.push(signal);
        return signals.length === 1 ? new Promise<never>(() => {}) : retried.stream;
      },
    });
    await chat.ask('Hello?');

    const error = await chat.errorText();
    expect(error).toContain('150 ms');
    expect(signals[0]?.aborted).toBe(true);
    expect(chat.answer().dataset.status).toBe('error');

    await chat.clickRetry();
    retried.send(openai.answer(['Here I am.']));
    retried.close();
    await waitFor(() => expect(chat.answer().dataset.status).toBe('done'));
    expect(chat.answerText()).toBe('Here I am.');
    await guards.finish(chat.unmount);
  });
});
