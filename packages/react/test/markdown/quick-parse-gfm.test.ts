import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickParse } from '../../src/markdown/quick-parse';
import gfmSpec from './fixtures/gfm-spec.json';
import { agreementOn, agreementOnGenerated, agrees, generatedTimeout as timeout } from './quick-parse-oracle';

/** Text that goes in a table cell, list item or paragraph: GFM's inline constructs and their edges. */
const inlinePieces = [
  'word',
  ' ',
  '`',
  '`code`',
  '`a\\|b`',
  '\\|',
  '\\\\',
  '\\',
  '|',
  '*',
  '**',
  '_',
  '~',
  '~~',
  '~~~',
  '[',
  ']',
  '](u)',
  '[^1]',
  '^',
  'http://a.b',
  'www.a.b',
  'a@b.c',
  '.',
  ':',
  '-',
  '中文',
  '。',
];

/** Inline pieces that keep a table row's cell count or a list item in the subset. */
const cellPieces = inlinePieces.filter((piece) => !['|', 'www.a.b', 'a@b.c'].includes(piece));

/** A table: header, delimiter row with alignments and optional outer pipes, body rows of any width. */
const table = fc
  .record({
    columns: fc.integer({ min: 1, max: 4 }),
    outer: fc.boolean(),
    cells: fc.array(fc.array(fc.constantFrom(...cellPieces), { maxLength: 4 }), { minLength: 1, maxLength: 14 }),
    alignments: fc.array(fc.constantFrom('-', '---', ':-', '-:', ':-:', ' :---: ', '--- '), {
      minLength: 4,
      maxLength: 4,
    }),
    widths: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 3, maxLength: 3 }),
    after: fc.constantFrom('', '\n', '\n\npara', '\nlazy', '\n> quote', '\n- item', '\n|', '\n    indented'),
  })
  .map(({ columns, outer, cells, alignments, widths, after }) => {
    const cellTexts = cells.map((parts) => parts.join(''));
    let next = 0;
    const row = (width: number) => {
      const texts = Array.from({ length: width }, () => cellTexts[next++ % cellTexts.length] as string);
      return outer ? `| ${texts.join(' | ')} |` : texts.join(' | ');
    };
    const delimiter = alignments.slice(0, columns).join('|');
    return [row(columns), outer ? `|${delimiter}|` : delimiter, ...widths.map(row)].join('\n') + after;
  });

/** Task list items, nested or not, checked or not, in a quote or not, with their markers' edge cases. */
const taskLists = fc
  .record({
    marker: fc.constantFrom('- ', '* ', '1. '),
    quoted: fc.boolean(),
    items: fc.array(
      fc.record({
        nested: fc.boolean(),
        task: fc.constantFrom('[ ] ', '[x] ', '[X] ', '[ ]  ', '[ ]', '[x]', '[-] ', '[x](u) ', '[ ] [', ''),
        parts: fc.array(fc.constantFrom(...cellPieces), { maxLength: 4 }),
        after: fc.constantFrom('\n', '\n', '\n\n', '\nmore\n', '\n\nmore\n'),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map(({ marker, quoted, items }) => {
    const width = ' '.repeat(marker.length);
    const lines = items.map(({ nested, task, parts, after }) => {
      const indent = nested ? width : '';
      // Continuation lines are indented to the item's content.
      const text = `${indent}${marker}${task}${parts.join('')}${after.replace(/more/, `${indent}${width}more`)}`;
      return text;
    });
    const text = lines.join('');
    return quoted ? text.replace(/^/gm, '> ') : text;
  });

describe('quickParse on GFM', () => {
  it('gives remark’s tree or declines on every GFM spec and cmark-gfm extension example, and every prefix of one', {
    timeout: 30_000,
  }, () => {
    let parsed = 0;
    for (const { markdown } of gfmSpec.examples) {
      for (let end = 1; end <= markdown.length; end += 1) if (agrees(markdown.slice(0, end))) parsed += 1;
    }
    // Most prefixes are in the subset: the examples exercise the parser, not only its way out.
    expect(parsed).toBeGreaterThan(2000);
  });

  it('parses the GFM shapes answers use', () => {
    for (const markdown of [
      '| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |', // GFM spec: escaped pipes, in code too
      '| `\\\\` `\\|` |\n| - |', // `\\` stays in code
      '| a | b |\n|:-|-:|\n| `x\\|y` `\\\\` | ~~z~~ |',
      '- [ ] foo\n- [x] bar', // task list items
      '- [x] foo\n  - [ ] bar\n  - [X] baz\n- [ ] bim',
      '1. [x] done `code`\n2. [ ] todo',
      '- [ ]   spaces stay but one',
      '> - [x] quoted task',
      '~~Hi~~ Hello, ~world~!',
      'This ~~has a\n\nnew paragraph~~.',
      'Full stop outside parens http://google.com/ok.',
      '(inside parens http://google.com/ok.)',
      'no referent[^nope] here',
    ]) {
      expect(agrees(markdown), markdown).toBe(true);
    }
  });

  it('declines the GFM constructs it does not follow', () => {
    for (const markdown of [
      'see www.example.com', // www. literal links
      'mail a@b.co', // e-mail literal links
      'x[^1]\n\n[^1]: note', // footnote definitions
      '- [ ]', // a task marker with nothing after it
      '- [x]\n  text',
      '- [ ] a | b\n  | - | - |', // a table where a task marker would be
      '| a |\n| - |\n| www.b.c |',
      // Blank lines in a list in a quote: micromark's tight or loose differs there (found by pnpm fuzz).
      '> - a\n>\n>', // loose to micromark, as the same list outside a quote is not
      '> - a\n>   - b\n>\n> - c', // tight to micromark, as the same list outside a quote is not
      '> - [ ] word\n>   - [ ] word\n> \n> - [ ] word\n> ',
    ]) {
      expect(quickParse(markdown), markdown).toBeUndefined();
    }
  });

  it('gives remark’s tree or declines on other renderers’ test inputs', () => {
    for (const markdown of [
      // remend (streamdown's repair): single tildes.
      '20~25°C',
      '20~25°C。20~25°C',
      'foo~bar',
      '~~strikethrough~~',
      '~hello',
      'hello~',
      'hello ~ world',
      '`20~25`',
      '20~25 and ~~strike',
      // streamdown's CJK plugin: literal links next to CJK punctuation.
      '请访问 https://example.com。谢谢',
      '链接 https://example.com，更多文字',
      '（https://example.com）',
      '【https://example.com】',
      '[链接](https://example.com。谢谢)',
      '访问 www.example.com。谢谢',
      '。https://example.com',
      'Visit https://example.com/path for more',
    ]) {
      agrees(markdown);
    }
  });

  it('on generated tables', { timeout }, () => {
    expect(agreementOn(table, 'quickParse vs remark on tables')).toBeGreaterThan(0.3);
  });

  it('on generated task lists', { timeout }, () => {
    expect(agreementOn(taskLists, 'quickParse vs remark on task lists')).toBeGreaterThan(0.2);
  });

  it('on generated strikethrough, autolink literals and footnotes', { timeout }, () => {
    const pieces = [...inlinePieces, 'a', 'b', '\n', '\n\n', '(', ')', '!', '?', ',', ';', '&', "'", '"', '/', '#'];
    pieces.push('https://', 'HTTP://', 'ftp://', 'www.', 'x_y', '+', '8080', '[^a]: def\n', '\n[^note]:', '- ', '> ');
    expect(agreementOnGenerated(pieces, 20, 'quickParse vs remark on GFM inlines')).toBeGreaterThan(0.2);
  });
});
