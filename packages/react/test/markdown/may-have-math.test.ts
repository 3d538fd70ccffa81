/**
 * `mayHaveMath`: whether a block needs the math pipeline. `$`, `\(` and `\[` inside code spans and
 * fenced code are not math; anything CommonMark might read as text still is. A wrong `false` would
 * show math as its source, so the properties check every `false` against the math pipeline itself:
 * the static render with math must equal the one without.
 */
import { repairMarkdown } from '@rivulet/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayHaveMath } from '../../src/markdown/math/may-have-math';
import { staticHtml } from './static-html';

describe('mayHaveMath reads as math', () => {
  it.each([
    ['inline math', '$x$'],
    ['a backslash delimiter', 'Area \\(x\\)'],
    ['a bracket delimiter', 'So \\[x\\]'],
    ['an escaped dollar (conservatively)', 'costs \\$5'],
    ['a dollar after a code span', 'Run `$1`, then $x$'],
    ['a dollar after an unclosed backtick', 'An unclosed ` then $x$'],
    ['a dollar in a list item', '- first `$1`\n- the $x$ case'],
    ['a ```math fence', '```math\nx^2\n```'],
    ['a ~~~math fence with words after the language', '~~~math label\nx^2\n~~~'],
    ['a ```math fence in a list item', '- area:\n\n  ```math\n  x^2\n  ```'],
    ['a ```math fence in a quote', '> ```math\n> x^2\n> ```'],
    ['a dollar after a closed fence', '```sh\necho $HOME\n```\n\n$x$'],
    ['a dollar after a fence closed by an indented run', '```sh\necho $HOME\n   ```\n$x$'],
    ['a dollar after an escaped backslash before a span', '\\\\`a` $x$ `b`'],
    ['a dollar after a CR-only blank line', '`a\r\r$x$ `b`'],
  ])('%s', (_name, text) => {
    expect(mayHaveMath(text)).toBe(true);
  });
});

describe('mayHaveMath skips code', () => {
  it.each([
    ['a code span', '`$1`'],
    ['a code span of two backticks holding one', '``$a`$``'],
    ['spans with shell expansions', 'Tag it with `$(git rev-parse HEAD)` and `$1`.'],
    ['backslash delimiters in a span', 'Write `\\(x\\)` or `\\[y\\]`'],
    ['a fenced shell block', 'Set it:\n\n```sh\nexport PATH=$HOME/bin:$PATH\n```\n'],
    ['a tilde fence', '~~~sql\nSELECT * FROM t WHERE id = $1\n~~~'],
    ['an unclosed fence (still streaming)', '```sh\necho $HOME\necho $'],
    ['a fence holding a ```math example', '````md\n```math\nx^2\n```\n````\n\n`$1`'],
    ['fences in list items', '1. Run:\n   ```bash\n   echo $HOME\n   ```\n2. Then `$1`.'],
    ['spans in a table', '| a | b |\n| --- | --- |\n| `$1` | `$2` |'],
    ['spans in headings and quotes', '# The `$x` variable\n\n> Use `$1`'],
    ['a span after a plain link', 'See [the docs](https://example.com/a) and `$1`.'],
    ['a span after a bare URL', 'At https://example.com run `$1`'],
    ['a span after an autolink', 'Open <http://localhost:5284/health> and run `$1`.'],
    ['a span after an escaped backtick', '\\``$x$`'],
  ])('%s', (_name, text) => {
    expect(mayHaveMath(text)).toBe(false);
  });
});

describe('mayHaveMath is never fooled by code that CommonMark reads otherwise', () => {
  it.each([
    ['backticks do not pair across a blank line', '`a\n\n$x$ `b`'],
    ['a bare URL takes a backtick in', 'https://x.com/a` $y$ `b`'],
    ['a www URL takes a backtick in', 'www.x.com/a` $y$ `b`'],
    ['a link title takes a backtick in', '[a](/u "x)`") $x$ `b`'],
    ['a table cell ends inside backticks', '| a | b | c |\n|---|---|---|\n| `a | $x$ | b` |'],
    ['a list item fence closer is no opener', '- ```\n  a\n  ```\n  $x$'],
    ['a list item fence closer is no opener, in the next item', '- ```\n  a\n- b\n  ```\n  c\n  ```\n  $x$'],
    ['a fence ends with its list item', '- a\n  ```\n  echo\n$x$'],
    ['a fence ends with its list item, then a tilde fence', '- ~~~\n  echo\n  ~~~\n$y$'],
    ['a top-level fence indented two is closed at the margin', '- a\n\nb\n  ```\n  x\n```\n$y$'],
    ['a fence closed by a tab-indented run in a list item', '- a\n\n  ```\n  x\n\t```\n  $y$'],
    ['an inline tag takes a backtick in', 'x <a title="`">$x$`'],
    ['an autolink takes a backtick in', 'x <http://a/`> $y$ `b`'],
    ['an HTML block holds a fence line', '<pre>\n```\n</pre>\n$x$'],
    ['an HTML comment holds a fence line', '<!--\n```\n-->\n$x$'],
  ])('%s', (_name, text) => {
    expect(mayHaveMath(text)).toBe(true);
    // The math pipeline does find math in each: the `true` is needed, not only conservative.
    expect(staticHtml(text)).not.toBe(staticHtml(text, { math: false }));
  });
});

/**
 * Inline pieces: dollars next to backticks (math only if the pairing differs from the scan's),
 * backticks left open, and what may take a backtick in (links, URLs, table cells, HTML).
 */
const inlinePieces = [
  '`',
  '``',
  '`$x$',
  '$x$`',
  '`$1`',
  '\\(x\\)',
  '\\',
  ' ',
  'x',
  '](',
  ')',
  '[a](/u "',
  '")',
  '][',
  '[^1]',
  '|',
  'https://a.b/',
  'www.a.b',
  '<b>',
  '<!--',
];

const inline = (maxLength: number) =>
  fc.array(fc.constantFrom(...inlinePieces), { maxLength }).map((parts) => parts.join(''));

/** A line: container markers or indentation, then a fence run or inline pieces. */
const line = fc
  .tuple(
    fc.constantFrom('', '', '', ' ', '  ', '   ', '    ', '\t', '- ', '1. ', '> ', '- > '),
    fc.oneof(
      fc.constantFrom('```', '```sh', '~~~', '```math', '<pre>', '</pre>', '| a | b |', '|---|---|', ''),
      inline(6),
    ),
  )
  .map(([prefix, content]) => prefix + content);

/** Answers: lines of the above, or inline pieces with line breaks among them. */
const answers = fc.oneof(
  fc.array(line, { minLength: 1, maxLength: 10 }).map((lines) => lines.join('\n')),
  fc
    .array(fc.oneof(inline(4), fc.constantFrom('\n', '\n\n')), { minLength: 1, maxLength: 8 })
    .map((parts) => parts.join('')),
);

const delimiterCount = (text: string) => text.split(/\$|\\\(|\\\[/).length - 1;

/** True when the math pipeline renders `text` exactly as the pipeline without math. */
const rendersWithoutMath = (text: string) => staticHtml(text) === staticHtml(text, { math: false });

describe('mayHaveMath properties', () => {
  it('finds every delimiter in a text without code markers', () => {
    const plain = fc
      .array(fc.constantFrom('$', 'x', ' ', '\n', '\n\n', '\\(', '\\[', '- ', '> ', '|', '[a](b)', '<b>'), {
        maxLength: 12,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(plain, (text) => {
        if (text.includes('$') || text.includes('\\(') || text.includes('\\[')) expect(mayHaveMath(text)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('says no math only where the math pipeline finds none', () => {
    let negatives = 0;
    fc.assert(
      fc.property(answers, (text) => {
        if (mayHaveMath(text)) return;
        negatives += 1;
        expect(rendersWithoutMath(text), JSON.stringify(text)).toBe(true);
      }),
      { numRuns: 5000 },
    );
    // The property has to meet enough texts it clears to mean something.
    expect(negatives).toBeGreaterThan(200);
    // 5,000 texts through the pipeline: about 3 s alone, past the default 5 s beside the other files.
  }, 30_000);

  it('says no math for a streamed prefix only where its repaired text has none', () => {
    const prefixes = answers.chain((text) => fc.nat(text.length).map((end) => text.slice(0, end)));
    fc.assert(
      fc.property(prefixes, (prefix) => {
        if (mayHaveMath(prefix)) return;
        const repaired = repairMarkdown(prefix, { math: true });
        // Repair may write escapes of its own (`\(` for a link it drops): the renderer decides on
        // the streamed text, so only delimiters that were in it are this function's concern.
        if (delimiterCount(repaired) > delimiterCount(prefix)) return;
        expect(rendersWithoutMath(repaired), JSON.stringify(prefix)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
