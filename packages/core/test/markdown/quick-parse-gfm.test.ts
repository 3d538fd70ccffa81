import { quickParse } from '@rivulet/core/syntax';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import gfmSpec from '../fixtures/markdown/gfm-spec.json';
import { attentionRuns, inlinePieces, table, taskLists } from './gfm-generators';
import { agreementOn, agreementOnGenerated, agrees, generatedTimeout as timeout } from './quick-parse-oracle';

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

  it('on generated emphasis next to strikethrough', { timeout }, () => {
    const pieces = [...attentionRuns, 'a', 'b', ' ', ' ', '.', ';', '`c`', '[l](/u)', '\n'];
    pieces.push('[', ']', '(', ')', '!', 'é', '中', '\\*', '\\~');
    expect(agreementOnGenerated(pieces, 16, 'quickParse vs remark on emphasis and strikethrough')).toBeGreaterThan(0.3);
  });

  it('on generated spans of emphasis and strikethrough, nested and side by side', { timeout }, () => {
    const word = fc.constantFrom('a', 'b c', 'é', '中文', '`d`', '[l](/u)', '1');
    const span = fc.letrec<{ span: string }>((tie) => ({
      span: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        word,
        fc.constantFrom('*', '**', '_', '~', '~~', ' ', ', ', '; ', '.'),
        fc
          .tuple(fc.constantFrom(...attentionRuns), fc.array(tie('span'), { minLength: 1, maxLength: 4 }))
          .map(([marker, inner]) => `${marker}${inner.join('')}${marker}`),
      ),
    })).span;
    const texts = fc.array(span, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));
    expect(agreementOn(texts, 'quickParse vs remark on emphasis and strikethrough spans')).toBeGreaterThan(0.3);
  });

  it('on emphasis and strikethrough side by side, as answers write them', () => {
    for (const markdown of [
      '**Part 1.** the queue holds 10 items; ~~index inline~~ index in a worker instead.',
      '~~old~~ **new** and *this*',
      '*a ~~b~~ c*',
      '**a ~~b~~** ~~c~~',
      '_a_ ~b~ __c__',
    ]) {
      expect(agrees(markdown), markdown).toBe(true);
    }
    // Emphasis inside a strikethrough next to emphasis outside: resolved in text order, left to remark.
    expect(quickParse('**a ~~b** c~~')).toBeUndefined();
    expect(quickParse('~~a *b~~ c*')).toBeUndefined();
  });

  it('on generated strikethrough, autolink literals and footnotes', { timeout }, () => {
    const pieces = [...inlinePieces, 'a', 'b', '\n', '\n\n', '(', ')', '!', '?', ',', ';', '&', "'", '"', '/', '#'];
    pieces.push('https://', 'HTTP://', 'ftp://', 'www.', 'x_y', '+', '8080', '[^a]: def\n', '\n[^note]:', '- ', '> ');
    expect(agreementOnGenerated(pieces, 20, 'quickParse vs remark on GFM inlines')).toBeGreaterThan(0.2);
  });
});
