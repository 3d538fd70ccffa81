import { splitBlocks, splitChildren } from '@rivulet/core';
import { describe, expect, it } from 'vitest';
import { answers, answerText, findAnswer, oneBlockAnswers, parseMockOptions, pickAnswer, planMock } from '../src/index';

describe('one-block answers', () => {
  it.each([
    ['long-list', 'list', 30],
    ['long-table', 'table', 100],
    ['long-quote', 'quote', 60],
  ] as const)('%s is one %s of about 12 KB, split into many children while it streams', (id, kind, minChildren) => {
    const answer = findAnswer(id);
    expect(answer?.id).toBe(id);
    const text = answerText(answer!);
    expect(text.length).toBeGreaterThan(11_000);
    expect(text.length).toBeLessThan(14_000);
    // One top-level block: what a renderer splitting only between blocks parses whole on every update.
    expect(splitBlocks(text)).toHaveLength(1);
    const children = splitChildren(text);
    expect(children?.kind).toBe(kind);
    expect(children?.children.length).toBeGreaterThan(minChildren);
  });

  it('long-code is one fenced code block of about 12 KB', () => {
    const text = answerText(findAnswer('long-code')!);
    expect(text.length).toBeGreaterThan(11_000);
    expect(text.length).toBeLessThan(14_000);
    expect(splitBlocks(text)).toHaveLength(1);
    expect(text.startsWith('```ts\n')).toBe(true);
    expect(text.endsWith('\n```\n')).toBe(true);
    expect(text.split('\n').length).toBeGreaterThan(300);
  });

  it('long-item is an intro line, one bullet holding a long numbered list, a short bullet, about 12 KB', () => {
    const text = answerText(findAnswer('long-item')!);
    expect(text.length).toBeGreaterThan(11_000);
    expect(text.length).toBeLessThan(14_000);
    // The intro is a block of its own (the bullet interrupts it), then the list of two bullets.
    const blocks = splitBlocks(text);
    expect(blocks).toHaveLength(2);
    const list = splitChildren(blocks[1] as string);
    expect(list?.kind).toBe('list');
    expect(list?.children).toHaveLength(2);
    expect(list?.children[1]).toMatch(/^- \*\*Rollback\*\*/);
    // The long bullet's content: its first line, then the numbered list, then the closing paragraph.
    const long = splitChildren(list?.children[0] as string);
    expect(long?.item?.blocks.length).toBeGreaterThanOrEqual(3);
    expect(long?.item?.blocks[1]).toMatch(/^1\. /);
    expect(long?.item?.blocks.at(-1)).toBe('That is every step.\n');
  });

  it('are chosen by scenario and by asking for them, and stay out of the canned answers’ rotation', () => {
    for (const answer of oneBlockAnswers) {
      const plan = planMock(parseMockOptions(new URLSearchParams({ scenario: answer.id })).options, []);
      expect(plan.answer.id).toBe(answer.id);
      expect(answers).not.toContain(answer);
    }
    expect(pickAnswer([{ role: 'user', content: 'Give me a long table of the services' }]).id).toBe('long-table');
    expect(pickAnswer([{ role: 'user', content: 'a long numbered list please' }]).id).toBe('long-list');
    expect(pickAnswer([{ role: 'user', content: 'Write the whole file' }]).id).toBe('long-code');
    expect(pickAnswer([{ role: 'user', content: 'Give me an outline of the rollout' }]).id).toBe('long-item');
    expect(pickAnswer([{ role: 'user', content: 'Show me a table' }]).id).toBe('tables');
  });
});
