/**
 * Shrunk counterexamples the repairMarkdown fuzz properties found, kept as plain cases: fences
 * inside containers, backslashes before trailing whitespace, and complete documents that came back
 * changed.
 */
import { repairMarkdown } from '@rivulet/core';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';

const parser = unified().use(remarkParse).use(remarkGfm);

function nodeTypes(text: string): string[] {
  const types: string[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    types.push(node.type);
    for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
  };
  visit(parser.parse(text));
  return types;
}

describe('repairMarkdown counterexamples', () => {
  it.each([['- ```\nx'], ['> ```\nx'], ['1. ~~~\n\na'], ['- ~~~\n$']])(
    'a fence opened in a list item or quote ends with it: %j is left as it is',
    (text) => {
      // CommonMark: the line outside the container closes the container and the fence inside it.
      expect(repairMarkdown(text)).toBe(text);
      expect(nodeTypes(repairMarkdown(text)).filter((type) => type === 'code')).toHaveLength(1);
    },
  );

  it.each([
    ['*a\\\\ ', {}],
    ['*C:\\\\ ', {}],
    ['*\\\\ ', {}],
    ['*a \\ ', {}],
    ['*http://x.y/\\ ', {}],
    ['$A \\ ', { math: true }],
    ['$mailto: \\ ', { math: true }],
  ])('a backslash before trailing whitespace: %j repairs once and for all', (text, options) => {
    const once = repairMarkdown(text, options);
    expect(repairMarkdown(once, options)).toBe(once);
  });

  it('many layers of empty trailing markers settle in one call', () => {
    const text = '|*_**`';
    const once = repairMarkdown(text);
    expect(once).toBe('');
    expect(repairMarkdown(once)).toBe(once);
  });

  it('an escaped backslash at the tail of emphasis: the closer is not escaped', () => {
    expect(nodeTypes(repairMarkdown('*a\\\\ '))).toContain('emphasis');
  });

  it('a `>` line alone ends the quoted paragraph (or table) before it: the math block after it is kept', () => {
    const text = '> | s |\n> | --- |\n>\n> $$\n> x\n> $$';
    expect(repairMarkdown(text, { math: true })).toBe(text);
  });

  it.each([['*[*#h*](u)*'], ['**[**#h**](u)**'], ['__[__&amp; stream__](https://example.com/a_b)__']])(
    'runs inside a link pair only with each other: %j is left as it is',
    (text) => {
      expect(repairMarkdown(text)).toBe(text);
      expect(nodeTypes(text).filter((type) => type === 'emphasis' || type === 'strong')).toHaveLength(2);
    },
  );

  it.each([
    ['> ***[*`c`*](https://e.com/a_b)~~_$_~~***$'],
    ['**a* *👍*.[~:~](u)*.'],
    ['# ****[***:***](https://e.com/a_b)****'],
    ['> **[**!** ~!~](https://e.com/a_b)**'],
    ['- **~~_&amp;_~~**日本 z'],
  ])('emphasis nested around punctuation, links and strikethrough: %j is left as it is', (text) => {
    expect(repairMarkdown(text)).toBe(text);
  });

  it('the rule of three counts the delimiters still unused: `**A*!*$` is left as it is', () => {
    expect(repairMarkdown('**A*!*$')).toBe('**A*!*$');
    expect(nodeTypes('**A*!*$').filter((type) => type === 'emphasis')).toHaveLength(2);
  });

  it('an opener outside a link is still closed after it: its inner runs do not use it up', () => {
    const repaired = repairMarkdown('*[*#h*](u) and **b');
    expect(repaired).toBe('*[*#h*](u) and **b***');
    expect(nodeTypes(repaired).filter((type) => type === 'emphasis' || type === 'strong')).toEqual([
      'emphasis',
      'emphasis',
      'strong',
    ]);
  });

  it('a run that pairs across an unclosed bracket does not keep the bracket', () => {
    expect(repairMarkdown('*a [b* c')).toBe('*a b* c');
  });
});
