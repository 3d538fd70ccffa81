/**
 * The line rules of `@rivulet/core/syntax` that renderers use on their own: where a table row's
 * cells split, and where link reference definitions are, as remark reads them.
 */
import { cellPipes, footnoteDefinitionLabels, linkDefinitionLines, mayHoldDefinition } from '@rivulet/core/syntax';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';

const cellsOf = (row: string) =>
  (
    unified().use(remarkParse).use(remarkGfm).parse(`${row}\n| - | - | - |\n`).children[0] as {
      children: { children: unknown[] }[];
    }
  ).children[0]?.children.length;

describe('cellPipes', () => {
  it.each([
    ['| a | b | c |', [0, 4, 8, 12]],
    ['a \\| b | c', [7]],
    ['`x|y` | z', [2, 6]],
    ['a \\\\| b', [4]],
  ])('%s splits at %j', (row, offsets) => {
    expect(cellPipes(row)).toEqual(offsets);
  });

  it('gives as many cells as remark reads in a header row', () => {
    for (const row of ['| a | b | c |', '| a \\| x | b | c |', '| `a|b` | c |']) {
      const pipes = cellPipes(row);
      // A row that starts and ends with a pipe has one cell fewer than pipes.
      expect(pipes.length - 1).toBe(cellsOf(row));
    }
  });
});

describe('footnoteDefinitionLabels', () => {
  it('gives the labels of the lines that open footnote definitions, in order', () => {
    expect(footnoteDefinitionLabels('Text[^1].\n\n[^1]: One.\n   [^note-2]:Two.\n\n    [^3]: indented code')).toEqual([
      '1',
      'note-2',
    ]);
    // A call, a link definition, or a label with a space opens none.
    expect(footnoteDefinitionLabels('A call[^1]: here\n[x]: /url\n[^a b]: no')).toEqual([]);
  });
});

describe('link definitions', () => {
  it('finds whole-line definitions, not footnotes or links', () => {
    const text = '[a]: https://a.example "A"\n[^n]: a note\nSee [a] and [b](https://b.example).\n   [b\\]c]: /c\n';
    expect(linkDefinitionLines(text)).toEqual(['[a]: https://a.example "A"', '   [b\\]c]: /c']);
  });

  it('says a text may hold a definition inside quotes and lists, and not for a task item', () => {
    expect(mayHoldDefinition('> [id]: /url')).toBe(true);
    expect(mayHoldDefinition('1. [id]:\n   /url')).toBe(true);
    expect(mayHoldDefinition('[multi\nline]: /url')).toBe(true);
    expect(mayHoldDefinition('- [ ] task: do it')).toBe(false);
    expect(mayHoldDefinition('Time [10:30]: late')).toBe(false);
  });
});
