import { repairMarkdown } from '@rivulet/core';
import { describe, expect, it } from 'vitest';
import { parseNodes } from './documents';

/** [partial text, repaired text] */
const closes: Array<[string, string]> = [
  ['Some **bold', 'Some **bold**'],
  ['Some *italic', 'Some *italic*'],
  ['Some __bold', 'Some __bold__'],
  ['Some _italic', 'Some _italic_'],
  ['Some ***both', 'Some ***both***'],
  ['Some ~~gone', 'Some ~~gone~~'],
  ['**bold ~~strike', '**bold ~~strike~~**'],
  ['*a **b', '*a **b***'],
  ['**bold** then *it', '**bold** then *it*'],
  ['**bold*', '**bold**'],
  ['(**bold', '(**bold**'],
  ['**bold \n', '**bold** \n'],
  ['a **b\nc', 'a **b\nc**'],
  ['`code', '`code`'],
  ['``a ` b', '``a ` b``'],
  ['`ends with``', '`ends with`` `'],
  ['Some **bold and `co', 'Some **bold and `co`**'],
  ['```js\nconst a', '```js\nconst a\n```'],
  ['```js\nconst a\n', '```js\nconst a\n```'],
  ['```python', '```python\n```'],
  ['~~~~py\nx', '~~~~py\nx\n~~~~'],
  ['````\n```\ninner', '````\n```\ninner\n````'],
  ['```\ncode\n``', '```\ncode\n```'],
  ['- item\n\n  ```sh\n  ls', '- item\n\n  ```sh\n  ls\n  ```'],
  ['> ```\n> code', '> ```\n> code\n> ```'],
  ['[text](http://exa', 'text'],
  ['See [the docs](https://example.com/a_b', 'See the docs'],
  ['[text](', 'text'],
  ['[text', 'text'],
  // Its `(url)` may still come: the brackets show only once what follows says they are literal.
  ['[text]', 'text'],
  ['See [docs] and [more]', 'See [docs] and more'],
  ['| a | see [docs]', '| a | see docs'],
  ['**bold [link]', '**bold link**'],
  ['[**bold** link](htt', '**bold** link'],
  ['[**bold link](htt', '**bold link**'],
  ['![alt](ht', ''],
  ['Logo: ![alt', 'Logo: '],
  ['# **Head', '# **Head**'],
  ['- **a', '- **a**'],
  ['> *quoted', '> *quoted*'],
  ['| a | b |\n| - | - |\n| x | **y', '| a | b |\n| - | - |\n| x | **y**'],
];

/** [partial text, repaired text]: markers with no content yet, and half-typed block markers. */
const hides: Array<[string, string]> = [
  ['Hello **', 'Hello '],
  ['Hello *', 'Hello '],
  ['Hello ~~', 'Hello '],
  ['**bold *', '**bold** '],
  ['Say `', 'Say '],
  ['#', ''],
  ['Text\n##', 'Text\n'],
  ['Text\n-', 'Text\n'],
  ['Text\n- ', 'Text\n'],
  ['Text\n*', 'Text\n'],
  ['Text\n+', 'Text\n'],
  ['Text\n1.', 'Text\n'],
  ['Text\n>', 'Text\n'],
  ['Text\n|', 'Text\n'],
  ['Text\n`', 'Text\n'],
  ['Text\n```', 'Text\n'],
  ['- a\n- ', '- a\n'],
  ['Title\n-', 'Title\n'],
  ['| a | b |\n| --', '| a | b |\n'],
  ['| a | b |\n| --- | -', '| a | b |\n| --- | -'],
  ['- **', ''],
  ['Text\n~~~', 'Text\n'],
  // A footnote call still being written shows once complete (as a superscript while streaming).
  ['a footnote[^', 'a footnote'],
  ['a footnote[^1', 'a footnote'],
  ['a footnote[^note-2', 'a footnote'],
  ['**bold[^1', '**bold**'],
  // Starting a line, it may be a definition being written.
  ['Text\n\n[^1]', 'Text\n\n'],
  ['[^note]', ''],
];

/** Text that must stay exactly as it is: nothing here opens a construct. */
const literal: string[] = [
  '2 * 3 * 4',
  '5 * 0',
  '2*3',
  'x = a*b',
  'snake_case_names',
  'call my_function_name',
  'a_b_c and d_e',
  '* item',
  '- item',
  '+ item',
  '1. item',
  '***',
  '---',
  'Text\n\n---',
  '\\*not italic',
  'an escaped \\_underscore',
  '`a * b`',
  '`**not bold**`',
  'http://example.com/a_b*c',
  'See https://example.com/*path* now',
  '<span class="a_b">x</span>',
  '$750 and $5',
  '| a | b |',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  '20~25 people',
  'foo**bar',
  'word*',
  'file_',
  'Use [1] and [x] too',
  // Neither can become an inline link.
  '[ref link][ref]',
  'a footnote[^1]',
  'a footnote[^1] and more',
  '[^1]: the note',
  '- [x] done',
  '[link](https://example.com/a_(b)_c)',
  'Done.',
];

describe('repairMarkdown closes what the stream left open', () => {
  it.each(closes)('%j', (partial, expected) => {
    expect(repairMarkdown(partial)).toBe(expected);
  });
});

describe('repairMarkdown hides markers with no content yet', () => {
  it.each(hides)('%j', (partial, expected) => {
    expect(repairMarkdown(partial)).toBe(expected);
  });
});

describe('repairMarkdown never invents formatting', () => {
  it.each(literal)('%j', (text) => {
    expect(repairMarkdown(text)).toBe(text);
  });

  it.each(['2 * 3 * 4', '5 * 0', '2*3', 'snake_case_names', '$750', '\\*x\\*', 'http://example.com/a_b*c'])(
    '%j has no emphasis after repair',
    (text) => {
      const types = parseNodes(repairMarkdown(text)).map((node) => node.type);
      expect(types).not.toContain('emphasis');
      expect(types).not.toContain('strong');
      expect(types).not.toContain('math');
    },
  );
});

describe('repairMarkdown math', () => {
  const cases: Array<[string, string]> = [
    ['$$x^2', '$$x^2$$'],
    ['$$\n\\frac{a}{b}', '$$\n\\frac{a}{b}\n$$'],
    ['Inline $x^2', 'Inline $x^2$'],
    ['Costs $750', 'Costs $750'],
    ['Costs $ 5', 'Costs $ 5'],
    ['$x$ done', '$x$ done'],
  ];
  it.each(cases)('%j with math', (partial, expected) => {
    expect(repairMarkdown(partial, { math: true })).toBe(expected);
  });

  it('leaves dollars alone unless math is enabled', () => {
    expect(repairMarkdown('$$x^2')).toBe('$$x^2');
    expect(repairMarkdown('Inline $x^2')).toBe('Inline $x^2');
  });
});

describe('repairMarkdown scope', () => {
  it('touches only the last block', () => {
    expect(repairMarkdown('**not closed\n\nlast *one')).toBe('**not closed\n\nlast *one*');
    expect(repairMarkdown('**not closed\n\n')).toBe('**not closed\n\n');
  });

  it('does not repair inside code', () => {
    expect(repairMarkdown('```\n**a _b `c\n```')).toBe('```\n**a _b `c\n```');
    expect(repairMarkdown('    **indented code')).toBe('    **indented code');
  });

  it('never throws', () => {
    expect(() => repairMarkdown('\u0000[*`~_$](<\\')).not.toThrow();
  });
});

/**
 * Emphasis next to CJK text, read by remark-cjk-friendly's rules as the pipeline does: CJK has no
 * spaces between words, so a run inside CJK text opens, and CJK punctuation inside a run does not
 * keep it from closing. [partial text, repaired text]
 */
describe('repairMarkdown next to CJK text', () => {
  const cases: Array<[string, string]> = [
    ['中文**强调。', '中文**强调。**'],
    ['**中文。', '**中文。**'],
    ['**「引用', '**「引用**'],
    ['これは**私のやりたかったこと。', 'これは**私のやりたかったこと。**'],
    ['中文**强调', '中文**强调**'],
    ['中文~~删除。', '中文~~删除。~~'],
    ['正體字。\uFE01_Traditional.', '正體字。\uFE01_Traditional._'],
    ['中文**', '中文'],
    ['中文~~', '中文'],
    ['中文。**', '中文。'],
  ];
  it.each(cases)('%j', (partial, expected) => {
    expect(repairMarkdown(partial)).toBe(expected);
  });

  it.each([
    '中文**强调。**后面',
    '**中文。**后',
    '**「引用」**です',
    'これは**私のやりたかったこと。**だからするの。',
    '**真，**她',
    '中文~~删除。~~后',
    '__注意__：注意事項',
    '葛\u{E0100}**(こちらが正式表記)**城市',
    '〽\uFE0E**(庵点)**は、',
    '中文_强调_后',
    'a**😀',
  ])('leaves %j as it is', (text) => {
    expect(repairMarkdown(text)).toBe(text);
  });
});

/**
 * A run inside a word both opens and closes, and repair leaves it (`a**b`): closing it would invent
 * emphasis. After an opener it cannot pair with (the rule of three: `*` then `**`), though, it opens
 * inside that opener's emphasis, and the finished text will close both (remend's `*a**b` case).
 * [partial text, repaired text]
 */
describe('repairMarkdown closes a run inside a word that opens inside an open emphasis', () => {
  const cases: Array<[string, string]> = [
    ['*a**b', '*a**b***'],
    ['*a**b c', '*a**b c***'],
    ['**a*b', '**a*b***'],
    ['Say *a**b', 'Say *a**b***'],
  ];
  it.each(cases)('%j', (partial, expected) => {
    expect(repairMarkdown(partial)).toBe(expected);
  });

  it.each(cases.map(([partial]) => partial))('%j shows no stray `*` once repaired', (partial) => {
    const texts = parseNodes(repairMarkdown(partial)).filter((node) => node.type === 'text');
    expect(texts.map((node) => node.value).join('')).not.toContain('*');
  });

  it.each(['a**b', 'x a*b**c', '*a*b', '**a**b', 'a**b*'])('leaves %j as it is', (text) => {
    expect(repairMarkdown(text)).toBe(text);
  });
});
