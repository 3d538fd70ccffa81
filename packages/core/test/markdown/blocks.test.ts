import { createBlockSplitter, splitBlocks } from '@rivulet/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentArbitrary, documentWithCuts, parseBlocks } from './documents';

describe('splitBlocks', () => {
  const cases: Array<[string, string[]]> = [
    ['', []],
    ['Hello', ['Hello']],
    ['# Title\n\nSome *text*\n', ['# Title\n\n', 'Some *text*\n']],
    ['# Title\nText right below\n', ['# Title\n', 'Text right below\n']],
    ['one\n\n\n\ntwo\n', ['one\n\n\n\n', 'two\n']],
    ['\n\nfirst\n\nsecond\n', ['\n\nfirst\n\n', 'second\n']],
    ['Intro:\n```js\nx\n```\nafter\n', ['Intro:\n', '```js\nx\n```\n', 'after\n']],
    ['```\na\n\n\nb\n```\n\nnext\n', ['```\na\n\n\nb\n```\n\n', 'next\n']],
    ['~~~~\n```\n\ntext\n~~~~\n\nnext\n', ['~~~~\n```\n\ntext\n~~~~\n\n', 'next\n']],
    ['```\nunclosed\n\nstill code\n\n', ['```\nunclosed\n\nstill code\n\n']],
    ['- a\n- b\n\n  more b\n\n- c\n\nafter\n', ['- a\n- b\n\n  more b\n\n- c\n\n', 'after\n']],
    ['- a\n  - nested\n\n    deeper\n\n- b\n', ['- a\n  - nested\n\n    deeper\n\n- b\n']],
    ['- a\nlazy line\n\nnext\n', ['- a\nlazy line\n\n', 'next\n']],
    ['- a\n\n* b\n', ['- a\n\n', '* b\n']],
    ['1. a\n2. b\n\n- c\n', ['1. a\n2. b\n\n', '- c\n']],
    ['- a\n\n  ```\n  code\n\n  ```\n\nb\n', ['- a\n\n  ```\n  code\n\n  ```\n\n', 'b\n']],
    ['- ```\n  code\n```\n\ntext\n```\n\nmore\n', ['- ```\n  code\n', '```\n\ntext\n```\n\n', 'more\n']],
    ['> a\n> b\n\n> c\n', ['> a\n> b\n\n', '> c\n']],
    ['> a\nlazy\n\nnext\n', ['> a\nlazy\n\n', 'next\n']],
    ['| a | b |\n| - | - |\n| 1 | 2 |\n\nafter\n', ['| a | b |\n| - | - |\n| 1 | 2 |\n\n', 'after\n']],
    ['para\n| a |\n| - |\n\nafter\n', ['para\n| a |\n| - |\n\n', 'after\n']],
    ['Title\n---\ntext\n', ['Title\n---\n', 'text\n']],
    ['Title\n===\n\ntext\n', ['Title\n===\n\n', 'text\n']],
    ['***\ntext\n', ['***\n', 'text\n']],
    ['    code\n\n    more\n\ntext\n', ['    code\n\n    more\n\n', 'text\n']],
    ['<!--\n\nhidden\n-->\n\ntext\n', ['<!--\n\nhidden\n-->\n\n', 'text\n']],
    ['<div>\n\ntext\n', ['<div>\n\n', 'text\n']],
    ['[ref]: https://example.com\n\nUse [ref].\n', ['[ref]: https://example.com\n\n', 'Use [ref].\n']],
    ['line one\r\n\r\nline two\r\n', ['line one\r\n\r\n', 'line two\r\n']],
    ['-\n\n  foo\n', ['-\n\n', '  foo\n']],
    // A block that interrupts a paragraph (or a table) ends it once the line is complete.
    ['Steps:\n- a\n- b\n', ['Steps:\n', '- a\n- b\n']],
    ['Intro\n1. a\n2. b\n', ['Intro\n', '1. a\n2. b\n']],
    ['one\ntwo\n> q\n', ['one\ntwo\n', '> q\n']],
    ['a\n***\nb\n', ['a\n', '***\n', 'b\n']],
    ['a\n<div>\nb\n', ['a\n', '<div>\nb\n']],
    ['| a |\n| - |\n| 1 |\n- c\n', ['| a |\n| - |\n| 1 |\n', '- c\n']],
    // Not an interruption: an ordered list from 2, an empty item, inline HTML, a lazy line.
    ['a\n2. b\n', ['a\n2. b\n']],
    ['a\n-\nb\n', ['a\n-\n', 'b\n']],
    ['a\n<span>\n', ['a\n<span>\n']],
    ['> a\nlazy\n- b\n', ['> a\nlazy\n- b\n']],
    // A line that leaves a list without a blank line before it ends the list for good.
    ['- a\n> q\n', ['- a\n', '> q\n']],
    ['1. a\n   more\n* b\n', ['1. a\n   more\n', '* b\n']],
    ['1. a\n2) b\n', ['1. a\n', '2) b\n']],
    ['- a\n---\nb\n', ['- a\n', '---\n', 'b\n']],
    ['- ```\n  x\n  ```\ntext\n', ['- ```\n  x\n  ```\n', 'text\n']],
    ['- a\n<div>\n', ['- a\n', '<div>\n']],
    // Not leaving it: an item of the same list, a lazy line, a line inside the item, footnotes.
    ['- a\n- b\n', ['- a\n- b\n']],
    ['1. a\n2. b\n', ['1. a\n2. b\n']],
    ['- a\nlazy\n', ['- a\nlazy\n']],
    ['- a\n  > q\n', ['- a\n  > q\n']],
    ['[^1]: a\n> q\n', ['[^1]: a\n> q\n']],
  ];
  it.each(cases)('splits %j', (text, blocks) => {
    expect(splitBlocks(text)).toEqual(blocks);
  });

  it('keeps a footnote definition whole: its indented paragraphs and code, across blank lines', () => {
    expect(splitBlocks('X\n\n[^1]: One.\n\n    Second para.\n\n[^2]: Two')).toEqual([
      'X\n\n',
      '[^1]: One.\n\n    Second para.\n\n',
      '[^2]: Two',
    ]);
    expect(splitBlocks('[^1]: ```\n    code\n\n    more\n    ```\n\nY')).toEqual([
      '[^1]: ```\n    code\n\n    more\n    ```\n\n',
      'Y',
    ]);
    // Definitions without a blank line between them stay one block, as a paragraph's lines do.
    expect(splitBlocks('[^1]: One.\n[^2]: Two.\n\nNext')).toEqual(['[^1]: One.\n[^2]: Two.\n\n', 'Next']);
    // Not indented by 4 columns after a blank line: the definition has ended.
    expect(splitBlocks('[^1]: One.\n\n  Not in it.\n')).toEqual(['[^1]: One.\n\n', '  Not in it.\n']);
    // In a quote it is the quote's content: the quote ends the block as before.
    expect(splitBlocks('> [^1]: q\n\n    code')).toEqual(['> [^1]: q\n\n', '    code']);
  });

  it('cuts before an incomplete line only where any line that is not blank starts a block', () => {
    expect(splitBlocks('para\n\nnext line finished\n')).toEqual(['para\n\n', 'next line finished\n']);
    // After a blank line, a heading, a break or a closed fence: the line being typed is its own block.
    expect(splitBlocks('para\n\nnext line not finished')).toEqual(['para\n\n', 'next line not finished']);
    expect(splitBlocks('para\n\n## He')).toEqual(['para\n\n', '## He']);
    expect(splitBlocks('# Title\nx')).toEqual(['# Title\n', 'x']);
    expect(splitBlocks('***\n-')).toEqual(['***\n', '-']);
    expect(splitBlocks('```\ncode\n```\n`')).toEqual(['```\ncode\n```\n', '`']);
    expect(splitBlocks('> a\n\n> b')).toEqual(['> a\n\n', '> b']);
    // Only white space so far: the line may still be blank.
    expect(splitBlocks('para\n\n  \t')).toEqual(['para\n\n  \t']);
    expect(splitBlocks('para\n\n')).toEqual(['para\n\n']);
    // After a list and a blank line: a line at the first column that no list marker starts with.
    expect(splitBlocks('- a\n\nb')).toEqual(['- a\n\n', 'b']);
    expect(splitBlocks('1. a\n   - b\n\n> q')).toEqual(['1. a\n   - b\n\n', '> q']);
    expect(splitBlocks('- a\n  ```\n\n#')).toEqual(['- a\n  ```\n\n', '#']);
    // A list goes on after blank lines (an item, or text inside one), a paragraph or a quote without
    // one, a fence until it closes.
    expect(splitBlocks('- a\n\n  ')).toEqual(['- a\n\n  ']);
    expect(splitBlocks('- a\n\n  b')).toEqual(['- a\n\n  b']);
    // Right under a list, outside its item: a quote, an ATX heading, an item of another list.
    expect(splitBlocks('- a\n>')).toEqual(['- a\n', '>']);
    expect(splitBlocks('1. a\n   b\n## H')).toEqual(['1. a\n   b\n', '## H']);
    expect(splitBlocks('1. a\n* b')).toEqual(['1. a\n', '* b']);
    expect(splitBlocks('- a\n1) b')).toEqual(['- a\n', '1) b']);
    // Not yet: an empty marker or `#` (an item, a break or text may follow), the same list, inside the item.
    expect(splitBlocks('1. a\n*')).toEqual(['1. a\n*']);
    expect(splitBlocks('- a\n#')).toEqual(['- a\n#']);
    expect(splitBlocks('- a\n#b')).toEqual(['- a\n#b']);
    expect(splitBlocks('- a\n- b')).toEqual(['- a\n- b']);
    expect(splitBlocks('- a\n  > b')).toEqual(['- a\n  > b']);
    expect(splitBlocks('[^1]: a\n> b')).toEqual(['[^1]: a\n> b']);
    // A list that interrupts a paragraph is cut off once its line is complete, not before: `-` could
    // still be a setext underline.
    expect(splitBlocks('Steps:\n- a')).toEqual(['Steps:\n- a']);
    expect(splitBlocks('- a\n\n-')).toEqual(['- a\n\n-']);
    expect(splitBlocks('- a\n\n*')).toEqual(['- a\n\n*']);
    expect(splitBlocks('1. a\n\n2')).toEqual(['1. a\n\n2']);
    expect(splitBlocks('- a\nb')).toEqual(['- a\nb']);
    expect(splitBlocks('para\nmore')).toEqual(['para\nmore']);
    expect(splitBlocks('> a\nb')).toEqual(['> a\nb']);
    expect(splitBlocks('```\ncode\n\nmore')).toEqual(['```\ncode\n\nmore']);
    expect(splitBlocks('$$\nx\n$$\ny', { math: true })).toEqual(['$$\nx\n$$\ny']);
  });

  it('joins back to the text', () => {
    fc.assert(fc.property(fc.string(), (text) => splitBlocks(text).join('') === text));
    fc.assert(fc.property(documentArbitrary, (text) => splitBlocks(text).join('') === text));
  });

  it('never changes a final block as text is appended', () => {
    fc.assert(
      fc.property(documentWithCuts, ({ text, first, second }) => {
        const before = splitBlocks(text.slice(0, first));
        const after = splitBlocks(text.slice(0, second));
        const finals = before.slice(0, -1);
        expect(after.slice(0, finals.length)).toEqual(finals);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('cuts where parsing the blocks one by one gives the same tree as parsing the whole', () => {
    fc.assert(
      fc.property(documentArbitrary, (text) => {
        const blocks = splitBlocks(text);
        expect(blocks.flatMap(parseBlocks)).toEqual(parseBlocks(text));
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('cuts any prefix, its last line cut anywhere, where its blocks parse as the whole prefix', () => {
    fc.assert(
      fc.property(documentWithCuts, ({ text, first }) => {
        const prefix = text.slice(0, first);
        expect(splitBlocks(prefix).flatMap(parseBlocks)).toEqual(parseBlocks(prefix));
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('cuts lists followed right away by other blocks where their blocks parse as the whole', () => {
    // No definitions: a footnote or link reference in one block resolves against a definition in
    // another only through the renderer (the documented exception), wherever the cut falls.
    const line = fc.constantFrom(
      '- a',
      '* b',
      '1. c',
      '2) d',
      '  nested',
      '   - deep',
      '> q',
      '  > inner q',
      '# h',
      '---',
      'text',
      '```',
      '  ```',
      '<div>',
      '',
    );
    const documents = fc
      .array(line, { minLength: 2, maxLength: 10 })
      .chain((lines) =>
        fc.integer({ min: 0, max: lines.join('\n').length }).map((cut) => ({ text: lines.join('\n'), cut })),
      );
    fc.assert(
      fc.property(documents, ({ text, cut }) => {
        const prefix = text.slice(0, cut);
        expect(splitBlocks(prefix).flatMap(parseBlocks)).toEqual(parseBlocks(prefix));
        // A block once final stays the same as the text grows.
        const finals = splitBlocks(prefix).slice(0, -1);
        expect(splitBlocks(text).slice(0, finals.length)).toEqual(finals);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('cuts documents into many blocks, not one', () => {
    const text = Array.from({ length: 50 }, (_, index) => `Paragraph ${index} with **bold**.\n`).join('\n');
    expect(splitBlocks(text)).toHaveLength(50);
  });
});

describe('createBlockSplitter', () => {
  it('gives exactly the blocks of splitBlocks for growing prefixes', () => {
    fc.assert(
      fc.property(documentArbitrary, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1 }), (text, steps) => {
        const splitter = createBlockSplitter();
        let end = 0;
        let step = 0;
        while (end < text.length) {
          end = Math.min(text.length, end + (steps[step++ % steps.length] ?? 1));
          const prefix = text.slice(0, end);
          const { blocks, finalCount } = splitter.update(prefix);
          expect(blocks).toEqual(splitBlocks(prefix));
          expect(finalCount).toBe(Math.max(0, blocks.length - 1));
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('gives exactly the blocks of splitBlocks when handed only the appended pieces', () => {
    fc.assert(
      fc.property(
        documentArbitrary,
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1 }),
        fc.boolean(),
        (text, steps, math) => {
          const splitter = createBlockSplitter({ math });
          let end = 0;
          let step = 0;
          while (end < text.length) {
            const size = steps[step++ % steps.length] ?? 1;
            // An empty piece changes nothing; the loop still moves on by at least one character.
            if (size === 0) expect(splitter.append('').blocks).toEqual(splitBlocks(text.slice(0, end), { math }));
            const from = end;
            end = Math.min(text.length, end + Math.max(1, size));
            const prefix = text.slice(0, end);
            // Whole texts and appended pieces mixed: either way the splitter ends where the text does.
            const split = step % 3 === 0 ? splitter.update(prefix) : splitter.append(text.slice(from, end));
            expect(split.blocks).toEqual(splitBlocks(prefix, { math }));
            expect(split.finalCount).toBe(Math.max(0, split.blocks.length - 1));
          }
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);

  it('appends after a reset as to an empty text', () => {
    const splitter = createBlockSplitter();
    splitter.update('```\ncode\n\nmore');
    splitter.reset();
    expect(splitter.append('# A\n\nB\n').blocks).toEqual(['# A\n\n', 'B\n']);
    expect(splitter.append('\nC\n').blocks).toEqual(['# A\n\n', 'B\n\n', 'C\n']);
  });

  it('keeps final blocks identical across updates', () => {
    const splitter = createBlockSplitter();
    const first = splitter.update('# A\n\nB\n\nC\n');
    const second = splitter.update('# A\n\nB\n\nC\n\nD\n\nE');
    expect(first.finalCount).toBe(2);
    expect(second.blocks.slice(0, first.finalCount)).toEqual(first.blocks.slice(0, first.finalCount));
    // `E` is not a complete line yet, but after a blank line it can only start a block.
    expect(second.finalCount).toBe(4);
    expect(second.blocks.slice(2)).toEqual(['C\n\n', 'D\n\n', 'E']);
    // When its line ends, it is not cut at again.
    expect(splitter.update('# A\n\nB\n\nC\n\nD\n\nE\n').blocks.slice(4)).toEqual(['E\n']);
  });

  it('starts over when the text does not extend what it saw', () => {
    const splitter = createBlockSplitter();
    splitter.update('```\ncode\n\nmore');
    expect(splitter.update('# New\n\ntext\n').blocks).toEqual(['# New\n\n', 'text\n']);
    expect(splitter.update('# New\n\ntext\n!').blocks).toEqual(['# New\n\n', 'text\n!']);
    expect(splitter.update('').blocks).toEqual([]);
    splitter.update('a\n\nb');
    splitter.reset();
    expect(splitter.update('```\nx\n\ny').blocks).toEqual(['```\nx\n\ny']);
  });

  it('detects a changed tail even when the length grows', () => {
    const splitter = createBlockSplitter();
    splitter.update('para\n\n```\ncode');
    expect(splitter.update('para\n\nplain text\n\nnext\n').blocks).toEqual(['para\n\n', 'plain text\n\n', 'next\n']);
  });
});
