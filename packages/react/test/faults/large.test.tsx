/**
 * Size faults: a 5 MB answer in many chunks, and a single 1 MB SSE line, each cut by a dropped
 * connection. Every character received is rendered, the error row shows, Retry brings the full
 * answer, and nothing is left running.
 */
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderChat, setUpFaultGuards } from './harness';
import { createWire, openai } from './wire';

const guards = setUpFaultGuards();

/** The text of every paragraph of an answer, as rendered. */
function paragraphs(row: HTMLElement): string[] {
  return [...row.querySelectorAll('.rivulet-markdown p')].map((p) => p.textContent ?? '');
}

describe('ChatWindow faults: large answers', () => {
  it('a 5 MB answer in 500 chunks of 10 KB paragraphs, then the connection drops: all 5 MB rendered, Retry works', async () => {
    const first = guards.track(createWire('5 MB answer'));
    const second = guards.track(createWire('retried answer'));
    const chat = renderChat([{ body: first }, { body: second }]);
    await chat.ask('Write a lot');

    const filler = 'lorem ipsum dolor sit amet '.repeat(370);
    const expected = Array.from({ length: 500 }, (_, i) => `Paragraph ${i}: ${filler}end.`);
    const deltas = expected.map((paragraph) => `${paragraph}\n\n`);
    expect(deltas.join('').length).toBeGreaterThan(5_000_000);
    first.send(openai.first());
    for (const delta of deltas) first.send(openai.delta(delta));
    await first.drained();
    first.drop(new TypeError('network error'));

    const error = await chat.errorText();
    expect(error).toContain('Connection lost');
    // The kept answer is still incomplete (its tail stays repaired), so a backlog this size is
    // rendered a slice per task, as while streaming: every paragraph arrives within a few frames.
    await waitFor(() => expect(paragraphs(chat.answer())).toHaveLength(expected.length), { timeout: 60_000 });
    expect(paragraphs(chat.answer()).join('\n')).toBe(expected.join('\n'));

    await chat.clickRetry();
    second.send(openai.answer(['Shorter', ' this time.']));
    second.close();
    await waitFor(() => expect(chat.answer().dataset.status).toBe('done'));
    expect(chat.answerText()).toBe('Shorter this time.');
    await guards.finish(chat.unmount);
  }, 240_000);

  it('a single 1 MB SSE line in 64 KB chunks, then a drop: the whole line rendered, Retry works', async () => {
    const first = guards.track(createWire('1 MB line'));
    const second = guards.track(createWire('retried 1 MB line'));
    const chat = renderChat([{ body: first }, { body: second }]);
    await chat.ask('One long line');

    const words = 'streaming é 日本 👍 ';
    const content = words.repeat(Math.ceil(1_048_576 / words.length)).trim();
    const line = new TextEncoder().encode(openai.first() + openai.delta(content));
    expect(line.length).toBeGreaterThan(1_048_576);
    // 64 KB cuts fall inside multi-byte characters.
    for (let start = 0; start < line.length; start += 65_536) first.sendBytes(line.slice(start, start + 65_536));
    await first.drained();
    first.drop(new TypeError('network error'));

    await chat.errorText();
    expect(chat.answerText()).toBe(content);

    await chat.clickRetry();
    second.send(openai.answer([content]));
    second.close();
    await waitFor(() => expect(chat.answer().dataset.status).toBe('done'));
    expect(chat.answerText()).toBe(content);
    await guards.finish(chat.unmount);
  }, 120_000);
});
