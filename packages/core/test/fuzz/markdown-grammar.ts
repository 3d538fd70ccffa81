/**
 * A grammar of complete, well-formed Markdown documents as LLMs write them, wider than the unit
 * tests' one: every CommonMark/GFM block (ATX and setext headings, `-`/`*`/`+`/`1.`/`1)` lists,
 * task lists, nested lists and quotes, fences of backticks and tildes inside lists, tables with
 * alignment and escaped pipes, rules, `$$` math, footnotes, reference links) and balanced inline
 * markup (emphasis of every kind and nesting, `~`/`~~` strikethrough, CJK words and punctuation,
 * literal `www.` links, code spans with longer runs, links with titles,
 * autolinks, images, escapes, entities, hard breaks). Also Markdown-like noise for the
 * never-throws and idempotence properties.
 */

import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkGfm);

/**
 * True when every marker of `line` became markup: no text node keeps a `**`, `__` or `~~`, and a
 * literal `*` or `_` only stands between spaces (`2 * 3`) or, for `_`, inside a word (`snake_case`).
 * Nesting markers around punctuation can pair up in other ways than the grammar meant; such lines
 * are not well-formed documents and are left out.
 */
function isRealized(line: string): boolean {
  const stack: Array<{ type: string; value?: string; children?: unknown[] }> = [parser.parse(line)];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'text' && node.value !== undefined) {
      const value = node.value;
      if (/\*\*|__|~~/.test(value)) return false;
      if (/(?<! )\*|\*(?! )/.test(value)) return false;
      if (/(?<![\p{L}\p{N} ])_|_(?![\p{L}\p{N} ])/u.test(value)) return false;
    }
    stack.push(...((node.children ?? []) as typeof stack));
  }
  return true;
}

const word = fc.constantFrom(
  'stream',
  'token',
  'snake_case',
  'a_b_c',
  '2 * 3',
  '$750',
  'x^2',
  '(see)',
  'done.',
  'user@example.com',
  'naïve',
  '日本語',
  '👍',
  'C#',
  'a < b',
  '&amp;',
  '1.5',
  '#hashtag',
  'end!',
  '中文',
  '强调。',
  '「引用」',
  'です',
  '한국어',
  'www.example.com/path',
);

const plain = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));

/** Inline content with balanced markup; nesting bounded. */
const inline: fc.Arbitrary<string> = fc.letrec<{ span: string }>((tie) => ({
  span: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: plain },
    // Strong around strong of the same character makes one longer run (`****`) that pairs up
    // differently: the inner span must not start or end with that character.
    {
      weight: 1,
      arbitrary: tie('span')
        .filter((inner) => !/^\*|\*$/.test(inner))
        .map((inner) => `**${inner}**`),
    },
    {
      weight: 1,
      arbitrary: tie('span')
        .filter((inner) => !/^_|_$/.test(inner))
        .map((inner) => `__${inner}__`),
    },
    { weight: 1, arbitrary: plain.map((inner) => `*${inner}*`) },
    { weight: 1, arbitrary: plain.map((inner) => `_${inner}_`) },
    { weight: 1, arbitrary: plain.map((inner) => `***${inner}***`) },
    // Strikethrough holds plain text: `~~~~x~~~~` is none (and a fence at a line start), and in
    // `**~~**x**~~**` the runs pair up differently than nested.
    { weight: 1, arbitrary: plain.map((inner) => `~~${inner}~~`) },
    // GFM's strikethrough takes one tilde too.
    { weight: 1, arbitrary: plain.map((inner) => `~${inner}~`) },
    { weight: 1, arbitrary: plain.map((inner) => `**bold *and ${inner}* inside**`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '`code`',
        '`a * b`',
        '``x ` y``',
        '`**not bold**`',
        '`[not](a link)`',
        '` `` `',
        '`$x$`',
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          // A link inside a link's text is no link (CommonMark), so labels hold no links.
          tie('span').filter((label) => !label.includes('](') && !label.includes('[ref')),
          fc.constantFrom('https://example.com/a_b', 'http://x.y/(z)', '/docs', 'mailto:a@b.c', '#top'),
        )
        .map(([label, url]) => `[${label}](${url})`),
    },
    { weight: 1, arbitrary: plain.map((label) => `[${label}](https://example.com "A title")`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '![logo](https://example.com/logo.png)',
        '![alt *text*](/a.png "title")',
        '<https://example.com/auto>',
        // A bare URL swallows markers right after it (`…bare_url__`): words follow it.
        'https://example.com/bare_url for details',
        'x \\* y',
        'x \\_ y',
        '\\`not code\\`',
        '\\[not a link\\]',
        '&copy; 2024',
        '[ref link][ref]',
        'a footnote[^1]',
        '<kbd>Ctrl</kbd>',
      ),
    },
  ),
})).span;

/** One line of inline content. */
const line = fc
  .array(inline, { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(' '))
  .filter(isRealized);

const heading = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), line, fc.boolean()).map(([level, text, closed]) => {
    const marks = '#'.repeat(level);
    return closed ? `${marks} ${text} ${marks}` : `${marks} ${text}`;
  }),
  fc.tuple(line, fc.constantFrom('===', '---')).map(([text, underline]) => `${text}\n${underline}`),
);

const paragraph = fc
  .array(fc.tuple(line, fc.constantFrom('\n', '\n', '  \n', '\\\n')), { minLength: 1, maxLength: 3 })
  .map((lines) => lines.map(([text, end], index) => (index === lines.length - 1 ? text : text + end)).join(''));

const codeLine = fc.constantFrom(
  'const a = 1;',
  'x = a * b * c',
  'if (a_b) { **not** }',
  '',
  '  indented',
  '# not a heading',
  '- not a list',
  '[x](y',
  '$$',
  '~~~ not a fence',
  'print(`template`)',
);

const fence = fc
  .tuple(
    fc.constantFrom('```', '````', '~~~'),
    fc.constantFrom('', 'ts', 'python', 'js title="a.js"'),
    fc.array(codeLine, { maxLength: 4 }),
  )
  .map(([run, lang, lines]) => `${run}${lang}\n${lines.map((text) => `${text}\n`).join('')}${run}`);

const math = fc
  .array(fc.constantFrom('x^2 + y^2 = z^2', '\\frac{a}{b}', 'a_1 * b_2', '\\sum_{i=0}^n i'), {
    minLength: 1,
    maxLength: 2,
  })
  .map((lines) => `$$\n${lines.join('\n')}\n$$`);

const cell = fc.oneof(
  plain,
  plain.map((text) => `**${text}**`),
  fc.constant('`a \\| b`'),
  fc.constant('a \\| b'),
  fc.constant('`\\|`'),
  fc.constant('[x](https://e.com)'),
);
const table = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 3 })).chain(([columns, rows]) =>
  fc
    .tuple(
      fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), {
        minLength: rows + 1,
        maxLength: rows + 1,
      }),
      fc.array(fc.constantFrom('---', ':---', '---:', ':---:'), { minLength: columns, maxLength: columns }),
    )
    .map(([[header = [], ...body], align]) =>
      [header, align, ...body].map((row) => `| ${row.join(' | ')} |`).join('\n'),
    ),
);

const rule = fc.constantFrom('***', '---', '___', '* * *', '- - -');

const definitions = fc.constantFrom('[ref]: https://example.com/ref "Ref"', '[^1]: A footnote with *emphasis*.');

/** Blocks; lists and quotes contain blocks, up to a small depth. */
const blocks = fc.letrec<{ block: string; list: string; quote: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: paragraph },
    { weight: 2, arbitrary: heading },
    { weight: 2, arbitrary: tie('list') },
    { weight: 1, arbitrary: fence },
    { weight: 1, arbitrary: table },
    { weight: 1, arbitrary: tie('quote') },
    { weight: 1, arbitrary: rule },
    { weight: 1, arbitrary: math },
    { weight: 1, arbitrary: definitions },
  ),
  list: fc
    .tuple(
      fc.constantFrom('-', '*', '+', '1.', '1)', '- [ ]', '- [x]'),
      fc.array(fc.tuple(line, fc.option(tie('block'), { freq: 3 })), { minLength: 1, maxLength: 3 }),
      fc.boolean(),
    )
    .map(([marker, items, loose]) =>
      items
        .map(([text, child], index) => {
          const bullet = /^\d/.test(marker) ? `${index + 1}${marker.slice(1)}` : marker;
          const indent = ' '.repeat(bullet.replace(/ \[.\]$/, '').length + 1);
          const nested =
            child === null
              ? ''
              : `\n\n${child
                  .split('\n')
                  .map((row) => (row === '' ? '' : indent + row))
                  .join('\n')}`;
          return `${bullet} ${text}${nested}`;
        })
        .join(loose ? '\n\n' : '\n'),
    ),
  quote: fc.array(fc.oneof(paragraph, tie('block')), { minLength: 1, maxLength: 2 }).map((parts) =>
    parts
      .join('\n\n')
      .split('\n')
      .map((row) => (row === '' ? '>' : `> ${row}`))
      .join('\n'),
  ),
})).block;

/** A complete document: blocks separated by blank lines, with or without a final newline. */
export const completeDocument: fc.Arbitrary<string> = fc
  .tuple(fc.array(blocks, { minLength: 1, maxLength: 6 }), fc.constantFrom('', '\n'))
  .map(([parts, end]) => parts.join('\n\n') + end);

/** A complete document and a cut point inside it (the text a stream has delivered so far). */
export const documentPrefix: fc.Arbitrary<string> = completeDocument.chain((text) =>
  fc.nat({ max: text.length }).map((cut) => text.slice(0, cut)),
);

/** Markdown-like noise: runs of syntax characters, words and line breaks in any order. */
export const markdownNoise: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '*',
        '**',
        '***',
        '_',
        '__',
        '~',
        '~~',
        '`',
        '``',
        '```',
        '~~~',
        '[',
        ']',
        '(',
        ')',
        '![',
        '](',
        '<',
        '>',
      ),
      fc.constantFrom(
        '$',
        '$$',
        '\\',
        '#',
        '# ',
        '-',
        '- ',
        '+ ',
        '1. ',
        '|',
        ' | ',
        '---',
        '=',
        ':',
        '"',
        'http://x.y/',
        'mailto:',
      ),
      fc.constantFrom(' ', '  ', '\n', '\n\n', '\r\n', '\t', '    '),
      fc.constantFrom('a', 'word', '2 * 3', 'snake_case', '日本', '👍🏽', '&amp;', '<br>', '[^1]'),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));
