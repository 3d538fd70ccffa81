/**
 * Faults of the connection: it drops mid-answer (the body errors), it closes before the provider's
 * terminal event, or it stalls past `idleTimeoutMs`. Each time the answer keeps every character
 * received, the error row says what happened, Retry brings a full answer in its place, and nothing
 * is left running.
 */
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderChat, setUpFaultGuards } from './harness';
import { anthropic, createWire, openai } from './wire';

const guards = setUpFaultGuards();

const PARTIAL = ['The quick', ' brown fox', ' jumps over'];
const PARTIAL_TEXT = PARTIAL.join('');
const FULL = ['The quick brown fox', ' jumps over the lazy dog.'];
const FULL_TEXT = FULL.join('');

describe('ChatWindow faults: the connection', () => {
  it('fails before any response (fetch rejects): the network error shown, Retry works', async () => {
    const second = guards.track(createWire('retried answer'));
    const chat = renderChat([{ networkError: new TypeError('Failed to fetch') }, { body: second }]);
    await chat.ask('Tell me about foxes');

    const error = await chat.errorText();
    expect(error).toContain('Failed to fetch');
    expect(chat.answer().dataset.status).toBe('error');
    expect(chat.answerText()).toBe('');

    await chat.clickRetry();
    second.send(openai.answer(FULL));
    second.close();
    await waitFor(() => expect(chat.answer().dataset.status).toBe('done'));
    expect(chat.answerText()).toBe(FULL_TEXT);
    await guards.finish(chat.unmount);
  });

  it('drops mid-answer (OpenAI stream errors): partial kept, error shown, Retry replaces the answer', async () => {
    const first = guards.track(createWire('first answer'));
    const second = guards.track(createWire('retried answer'));
    const chat = renderChat([{ body: first }, { body: second }]);
    await chat.ask('Tell me about foxes');
    first.send(openai.first() + PARTIAL.map(openai.delta).join(''));
    await waitFor(() => expect(chat.answerText()).toBe(PARTIAL_TEXT));
    first.drop(new TypeError('network error'));

    const error = await chat.errorText();
    expect(error).toContain('Connection lost: network error');
    expect(chat.answer().dataset.status).toBe('error');
    expect(chat.answerText()).toBe(PARTIAL_TEXT);

    await chat.clickRetry();
    second.send(openai.answer(FULL));
    second.close();
    await waitFor(() => expect(chat.answer().dataset.status).toBe('done'));
    expect(chat.answers()).toHaveLength(1);
    expect(chat.answerText()).toBe(FULL_TEXT);
    expect(chat.errorRow()).toBeNull();
    expect(chat.requests).toHaveLength(2);
    await guards.finish(chat.unmount);
  });

  it('closes before [DONE] (OpenAI): interrupted, partial kept, Retry works', async () => {
    const first = guards.track(createWire('first answer'));
    const second = guards.track(createWire('retried answer'));
    const chat = renderChat([{ body: first }, { body: second }]);
    await chat.ask('Tell me about foxes');
    first.send(openai.first() + PARTIAL.map(openai.delta).join(''));
    first.close();

    const error = await chat.errorText();
    expect(error).toMatch(/Stream ended before its terminal event \(data: \[DONE\]/);
    expect(chat.answerText()).toBe(PARTIAL_TEXT);

    await chat.clickRetry();
    second.send(openai.answer(FULL));
    second.close();
    await waitFor(() => expect(chat.answer().dataset.status).toBe('done'));
    expect(chat.answerText()).toBe(FULL_TEXT);
    await guards.finish(chat.unmount);
  });

  it('closes before message_stop (Anthropic, through `send`): interrupted, partial kept, Retry works', async () => {
    const wires = [guards.track(createWire('first answer')), guards.track(createWire('retried answer'))];
    let calls = 0;
    const chat = renderChat([], { format: 'anthropic', send: () => (wires[calls++] ?? createWire('extra')).stream });
    const [first, second] = wires as [(typeof wires)[0], (typeof wires)[0]];
    await chat.ask('Tell me about foxes');
    // The cut falls inside the next event: its half line is not shown.
    first.send(anthropic.first() + PARTIAL.map(anthropic.delta).join('') + anthropic.delta(' the').slice(0, 40));
    first.close();

    const error = await chat.errorText();
    expect(error).toContain('Stream ended');
    expect(chat.answerText()).toBe(PARTIAL_TEXT);

    await chat.clickRetry();
    second.send(anthropic.answer(FULL));
    second.close();
    await waitFor(() => expect(chat.answer().dataset.status).toBe('done'));
    expect(chat.answerText()).toBe(FULL_TEXT);
    expect(calls).toBe(2);
    await guards.finish(chat.unmount);
  });

  it('stalls past idleTimeoutMs: timeout error with the limit, partial kept, stream cancelled, Retry works', async () => {
    const first = guards.track(createWire('stalled answer'));
    const second = guards.track(createWire('retried answer'));
    const chat = renderChat([{ body: first }, { body: second }], { idleTimeoutMs: 150 });
    await chat.ask('Tell me about foxes');
    first.send(openai.first() + PARTIAL.map(openai.delta).join(''));

    const error = await chat.errorText();
    expect(error).toContain('No data received for 150 ms');
    expect(chat.answerText()).toBe(PARTIAL_TEXT);
    expect(first.state).toBe('cancelled');

    await chat.clickRetry();
    second.send(openai.answer(FULL));
    second.close();
    await waitFor(() => expect(chat.answer().dataset.status).toBe('done'));
    expect(chat.answerText()).toBe(FULL_TEXT);
    await guards.finish(chat.unmount);
  });
});
