import { quickParse } from '@rivulet/core/syntax';
import { tests } from 'commonmark-spec';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import answer2k from '../../../../bench/fixtures/answer-2k.md?raw';
import answer40k from '../../../../bench/fixtures/answer-40k.md?raw';
import { attentionRuns } from './gfm-generators';
import { agreementOn, agreementOnGenerated, agrees, generatedTimeout, streamedTails } from './quick-parse-oracle';

describe('quickParse gives remark-parse + remark-gfm’s tree or declines', () => {
  it('on every flush of the bench answers, and declines few of them', { timeout: 30_000 }, () => {
    for (const [name, answer] of [
      ['2 KB', answer2k],
      ['40 KB', answer40k],
    ] as const) {
      const tails = streamedTails(answer, 7).filter((tail) => !/^(?:`{3,}|~{3,})/.test(tail));
      const parsed = tails.filter(agrees).length;
      // Open code fences have their own fast path; of the rest, nearly all are in the subset.
      expect(parsed / tails.length, name).toBeGreaterThan(0.95);
    }
  });

  it('on every CommonMark spec example', () => {
    let parsed = 0;
    for (const example of tests) if (agrees(example.markdown.replaceAll('→', '\t'))) parsed += 1;
    // The subset is a real share of the spec, not an empty one.
    expect(parsed).toBeGreaterThan(300);
  });

  it('on generated Markdown made of the subset’s syntax', { timeout: generatedTimeout }, () => {
    const pieces = [
      'word',
      'two words',
      ' ',
      '  ',
      '\n',
      '\n\n',
      ...attentionRuns,
      '`',
      '``',
      '\\',
      '\\*',
      '\\\n',
      '!',
      '[',
      ']',
      '(',
      ')',
      '](x)',
      '](/a "t")',
      "]('t')",
      '](<x>)',
      '# ',
      '### ',
      ' #',
      '- ',
      '* ',
      '+ ',
      '1. ',
      '2) ',
      '  ',
      '   - ',
      '    ',
      '> ',
      '>',
      '| ',
      ' |',
      '|---|---|\n',
      '| :-- | --: |\n',
      '---',
      '***\n',
      '```\n',
      '```js\n',
      '=',
      'a.b',
      'snake_case',
      '2 * 3',
      '(x)',
      '"',
      "'",
      '.',
      ',',
      '-',
      'é',
      '😀',
      '&',
      '&amp;',
      '<b>',
      'http://x.y',
      'https://a.b/c?d=1#e',
      '<http://a.b>',
      '<',
      ')',
      ':',
      '@',
      '[^1]',
      '[a]: /u',
      '\n  ',
      '\n   ',
      '\n    - ',
      '\n> - ',
      '10. ',
      '1) ',
      '`code`',
      '**bold**',
      '*em*',
      '_em_',
      '[a](b)',
      '| x |',
      // GFM and CJK (quick-parse-gfm.test.ts and quick-parse-cjk.test.ts have their own generators).
      '[ ] ',
      '[x] ',
      '\\|',
      '`\\|`',
      '中文',
      '。',
      '「',
    ];
    // The generated texts exercise the parser, not only its way out.
    expect(agreementOnGenerated(pieces, 24, 'quickParse vs remark')).toBeGreaterThan(0.3);
  });

  it('parses a list ended by an item of another kind as micromark does (mis-indented sub-bullets)', {
    timeout: generatedTimeout,
  }, () => {
    for (const markdown of [
      '1. a\n  - b', // a sub-bullet indented too little: a bullet list of its own after the ordered one
      '3. step\n  - detail\n  - detail\n4. step\n5. step', // ... and the ordered list after it starts at 4
      '> 1. a\n>   - b\n> 2. c', // the same in a quote
      '- a\n2. b', // any number: the item does not interrupt a paragraph of its own list
      '- a\n* b\n+ c', // three bullet lists
      '- x\n  1. a\n  - b\n- y', // inside an item
    ]) {
      expect(agrees(markdown), markdown).toBe(true);
      // Parsed as two lists or more, not declined nor read as one.
      expect(JSON.stringify(quickParse(markdown)).match(/"type":"list"/g)?.length, markdown).toBeGreaterThan(1);
    }
    // Lists of one or two-space-indented items of mixed kinds, in a quote or not, with blank lines.
    const item = fc.tuple(
      fc.constantFrom('', ' ', '  ', '   ', '    ', '     '),
      fc.constantFrom('- ', '* ', '+ ', '1. ', '2. ', '3) ', '10. '),
      fc.constantFrom('a', '**b**', '`c`', '- d', '2. e', '# f', '> g'),
      fc.constantFrom('\n', '\n', '\n', '\n\n'),
    );
    const lists = fc.tuple(fc.array(item, { minLength: 2, maxLength: 6 }), fc.boolean()).map(([items, quoted]) => {
      const text = items.map((parts) => parts.join('')).join('');
      return quoted ? text.replace(/^/gm, '> ') : text;
    });
    expect(agreementOn(lists, 'mixed lists vs remark')).toBeGreaterThan(0.2);
  });

  it('declines what it does not follow', () => {
    for (const markdown of [
      'a\n===', // setext heading
      '    code', // indented code
      '- a\nlazy', // lazy continuation
      '[a]: /u\n\n[a]', // definitions
      'x[^1]\n\n[^1]: a note', // footnote definitions
      '<b>x</b>', // HTML
      '&amp;', // entities
      'see www.example.com', // www. literal links
      'mail a@b.co', // e-mail literal links
      '<a@b.co>', // e-mail autolinks
      'see http://example.com/(x)', // URLs with parentheses
      '- [ ]', // a task list marker with nothing after it
      '-', // empty list item
      '```js\nopen', // a fence still open
      'a\tb', // tabs
      '> - word\n> - --', // a thematic break right after a list item
      '\\\n:-', // a one-column table whose delimiter row has no pipe
    ]) {
      expect(quickParse(markdown), markdown).toBeUndefined();
    }
  });

  it('parses autolinks and plain literal http(s) links as remark does', () => {
    for (const markdown of [
      'see http://example.com',
      'open <http://localhost:5284/health>.',
      'open <http://l', // an autolink still streaming: `<` and a literal link
      'open <http://localhost:5284/he',
      'a https://example.com/a/b?c=1=2 b',
      'end of sentence: https://example.com/x.',
      'in parens (https://example.com/x), then more',
      '*see https://example.com*',
      '**https://example.com/a_b**',
      '~~http://example.com~~',
      'http://localhost:3000/api/v1',
      'HTTPS://EXAMPLE.COM',
      '1. go to http://a.b\n2. then <https://c.d/e>',
      '| a | b |\n| - | - |\n| http://x.y | <http://z.w> |',
      '[link](http://a.b) and http://c.d',
      '`http://in.code` and http://out.side',
      'x <https://a.b/c> y <http://d.e/f?g#h> z',
    ]) {
      expect(agrees(markdown), markdown).toBe(true);
    }
    // Shapes it leaves to remark, still agreeing when it parses nothing.
    for (const markdown of ['xhttp://a.b', '[see http://a.b', 'http://a.b/"q"', 'http://a_b.c', '<http://a.b/\\x>']) {
      expect(agrees(markdown), markdown).toBe(false);
    }
  });

  it('on generated text around bare URLs', { timeout: generatedTimeout }, () => {
    const pieces = ['http://', 'https://', 'HTTP://', '<', '>', 'a', 'b1', '.', '-', '_', '/', '?', '=', '#', ':'];
    pieces.push('8080', '(', ')', '*', '**', '~~', ' ', '\n', '[', '](/u)', '`', '!', ',', "'", '"', ';', '&', '@');
    expect(agreementOnGenerated(pieces, 20, 'quickParse vs remark around URLs')).toBeGreaterThan(0.1);
  });

  it('resolves the runs inside an emphasis on their own, with what is left of each, as micromark does', () => {
    // `****` is passed over as a closer (4 + 2 is a multiple of three), then gives one `*` as an
    // opener; inside the `_` emphasis its 3 left then close the 2 left of `***`.
    for (const markdown of ['_***a*a****a*_ a', '*a **b***c*', '__a *b **c* d__', '*(**a*b**)*']) {
      expect(agrees(markdown), markdown).toBe(true);
    }
  });

  it('parses the common shapes (so the tests above are not vacuous)', () => {
    for (const markdown of [
      '## A *b* **c** `d` [e](f "g")',
      'a ~~b~~ ~c~ ~~~d',
      '1. one\n   - two `x`\n\n3. three',
      '| a | b |\n| :-- | --: |\n| x \\| y | **z** |',
      '> quote\n>\n> - item',
      'line  \nbreak\\\nagain',
      '```ts title\nconst a = 1;\n```',
    ]) {
      expect(agrees(markdown), markdown).toBe(true);
    }
  });
});
