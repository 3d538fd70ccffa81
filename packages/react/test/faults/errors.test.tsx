/**
 * Faults reported by the server: HTTP errors with JSON bodies, an in-band provider error mid-answer
 * (OpenAI `{"error":…}` chunk, Anthropic `event: error`) and an event that is not valid JSON. The
 * error row names the status or the provider's message, the text received stays, Retry replaces
 * the answer, and nothing is left running.
 */
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderChat, setUpFaultGuards } from './harness';
import { anthropic, createWire, openai } from './wire';

const guards = setUpFaultGuards();

const PARTIAL = ['Foxes are', ' small omnivores', ' of the'];
const PARTIAL_TEXT = PARTIAL.join('');
const FULL = ['Foxes are small', ' omnivorous mammals.'];
const FULL_TEXT = FULL.join('');

describe('ChatWindow faults: HTTP errors', () => {
  it.each([
    [401, 'Unauthorized', 'Incorrect API key provided'],
    [429, 'Too Many Requests', 'Rate limited'],
    [500, 'Internal Server Error', 'The server had an error while processing your request'],
  ])('HTTP %i with a JSON error body: status and message shown, Retry works', async (status, statusText, message) => {
    const retried = guards.track(createWire('retried answer'));
    const chat = renderChat([
      {
        status,
        statusText,
        contentType: 'application/json',
        body: JSON.stringify({ error: { message, type: 'error', code: null } }),
      },
      { body: retried },
    ]);
    await chat.ask('Hello');

    const error = await chat.errorText();
    expect(error).toContain(`HTTP ${status} ${statusText}`);
    expect(error).toContain(message);
    expect(chat.answer().dataset.status).toBe('error');
    expect(chat.answerText()).toBe('');

    await chat.clickRetry();
    retried.send(openai.answer(FULL));
    retried.close();
    await waitFor(() => expect(chat.answer().dataset.status).toBe('done'));
    expect(chat.answers()).toHaveLength(1);
    expect(chat.answerText()).toBe(FULL_TEXT);
    expect(chat.errorRow()).toBeNull();
    await guards.finish(chat.unmount);
  });
});

describe('ChatWindow faults: provider errors and bad events', () => {
  it('an OpenAI error chunk mid-stream: its message shown, partial kept, Retry works', async () => {
    const first = guards.track(createWire('failing answer'));
    const second = guards.track(createWire('retried answer'));
    const chat = renderChat([{ body: first }, { body: second }]);
    await chat.ask('Tell me about foxes');
    first.send(openai.first() + PARTIAL.map(openai.delta).join(''));
    await waitFor(() => expect(chat.answerText()).toBe(PARTIAL_TEXT));
    first.send(openai.error('The server had an error while processing your request.'));

    const error = await chat.errorText();
    expect(error).toContain('The server had an error while processing your request.');
    expect(chat.answerText()).toBe(PARTIAL_TEXT);

    await chat.clickRetry();
    second.send(openai.answer(FULL));
    second.close();
    await waitFor(() => expect(chat.answer().dataset.status).toBe('done'));
    expect(chat.answerText()).toBe(FULL_TEXT);
    await guards.finish(chat.unmount);
  });

  it('an Anthropic `event: error` mid-stream: its message shown, partial kept, Retry works', async () => {
    const first = guards.track(createWire('failing answer'));
    const second = guards.track(createWire('retried answer'));
    const chat = renderChat([{ body: first }, { body: second }]);
    await chat.ask('Tell me about foxes');
    first.send(anthropic.first() + PARTIAL.map(anthropic.delta).join(''));
    await waitFor(() => expect(chat.answerText()).toBe(PARTIAL_TEXT));
    first.send(anthropic.error('overloaded_error', 'Overloaded'));

    const error = await chat.errorText();
    expect(error).toContain('Overloaded');
    expect(chat.answerText()).toBe(PARTIAL_TEXT);

    await chat.clickRetry();
    second.send(anthropic.answer(FULL));
    second.close();
    await waitFor(() => expect(chat.answer().dataset.status).toBe('done'));
    expect(chat.answerText()).toBe(FULL_TEXT);
    await guards.finish(chat.unmount);
  });

  it('an event that is not valid JSON: the offending line shown, partial kept, Retry works', async () => {
    const first = guards.track(createWire('broken answer'));
    const second = guards.track(createWire('retried answer'));
    const chat = renderChat([{ body: first }, { body: second }]);
    await chat.ask('Tell me about foxes');
    const broken = '{"id":"chatcmpl-1","choices":[{"index":0,"delta":{"content":" fam';
    first.send(`${openai.first()}${PARTIAL.map(openai.delta).join('')}data: ${broken}\n\n`);

    const error = await chat.errorText();
    expect(error).toContain('Invalid JSON');
    expect(error).toContain(broken);
    expect(chat.answerText()).toBe(PARTIAL_TEXT);

    await chat.clickRetry();
    second.send(openai.answer(FULL));
    second.close();
    await waitFor(() => expect(chat.answer().dataset.status).toBe('done'));
    expect(chat.answerText()).toBe(FULL_TEXT);
    await guards.finish(chat.unmount);
  });
});
