import { createBlockSplitter, normalizeMath, repairMarkdown, splitBlocks } from '@rivulet/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('normalizeMath: delimiters models write', () => {
  const cases: Array<[string, string]> = [
    ['Area \\(\\pi r^2\\) here', 'Area $\\pi r^2$ here'],
    ['Inline \\( x \\) too', 'Inline $ x $ too'],
    ['Energy \\[E = mc^2\\] in text', 'Energy $$E = mc^2$$ in text'],
    ['\\[E = mc^2\\]', '$$\nE = mc^2\n$$'],
    ['\\[ E = mc^2 \\]\n', '$$\nE = mc^2\n$$\n'],
    ['Text:\n\\[\nx^2\n\\]\nmore', 'Text:\n$$\nx^2\n$$\nmore'],
    ['$$ x^2 $$', '$$\nx^2\n$$'],
    ['Then $$x^2$$ inline', 'Then $$x^2$$ inline'],
    ['$$x^2$$ then text', '$x^2$ then text'],
    ['$$x\ny$$', '$$\nx\ny\n$$'],
    ['> \\[x\\]', '> $$\n> x\n> $$'],
    ['- \\[x\\]', '- $$\n  x\n  $$'],
    ['$x$ and $y^2$', '$x$ and $y^2$'],
    ['$$\nx\n\ny\n$$', '$$\nx\n\ny\n$$'],
    ['# Title $x$', '# Title $x$'],
    ['\\(a\\) `\\(code\\)` \\(b\\)', '$a$ `\\(code\\)` $b$'],
    ['escaped \\\\(x\\\\)', 'escaped \\\\(x\\\\)'],
    ['no closer \\(x', 'no closer \\(x'],
  ];
  it.each(cases)('%j', (input, expected) => {
    expect(normalizeMath(input)).toBe(expected);
  });

  it('leaves code alone', () => {
    const fenced = '```\n\\(x\\) costs $5 and $x$\n```';
    expect(normalizeMath(fenced)).toBe(fenced);
    const indented = 'Para\n\n    \\(x\\) $5\n';
    expect(normalizeMath(indented)).toBe(indented);
    expect(normalizeMath('`$5` and ``\\(x\\)``')).toBe('`$5` and ``\\(x\\)``');
    expect(normalizeMath('- item\n\n  ```\n  \\[x\\]\n  ```')).toBe('- item\n\n  ```\n  \\[x\\]\n  ```');
  });

  it('never pairs delimiters across paragraphs or blocks', () => {
    expect(normalizeMath('\\(a\n\nb\\)')).toBe('\\(a\n\nb\\)');
    expect(normalizeMath('# $a\n$b')).toBe('# \\$a\n\\$b');
  });
});

describe('normalizeMath: currency stays text', () => {
  const prices = [
    '$5 and $10',
    'costs $3.50',
    'costs $3.50.',
    'From $5 to $10.',
    '$5-$10',
    '$5/$10 per month',
    '$1,000 to $2,000',
    'between $5 and $6, or $7',
    'US$5 and US$6',
    '($5)',
    'Save $20!',
    'a $ b $ c',
    '$ 5',
    'The $100 and $200 plans',
    '$5, $6, and $7',
    'Only $.99 today, $1.99 tomorrow',
    '$$$ profit',
    '$$ and more',
    'Price: $5\nTax: $1',
    '| Plan | Price |\n| --- | --- |\n| Pro | $5 |\n| Max | $10 |',
  ];
  it.each(prices)('%j', (text) => {
    const normalized = normalizeMath(text);
    // Every `$` is escaped: none opens math.
    expect(normalized.replace(/\\\$/g, '')).not.toContain('$');
    expect(normalized.replace(/\\\$/g, '$')).toBe(text);
  });

  it('tells prices from math in one sentence', () => {
    expect(normalizeMath('It costs $5, and $x^2$ is math')).toBe('It costs \\$5, and $x^2$ is math');
    expect(normalizeMath('$x$5')).toBe('\\$x\\$5');
  });
});

describe('normalizeMath properties', () => {
  const pieces = fc.constantFrom(
    '$',
    '$$',
    '\\(',
    '\\)',
    '\\[',
    '\\]',
    '`',
    'x',
    ' ',
    '\n',
    '\n\n',
    '5',
    '> ',
    '- ',
    '```\n',
  );
  const texts = fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join(''));

  it('only adds escapes and rewrites delimiters: the text without them is unchanged', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const strip = (value: string) => value.replace(/\\[$()[\]]|[$\s>]/g, '');
        expect(strip(normalizeMath(text))).toBe(strip(text));
      }),
    );
  });

  it('rewrites a document the same whole or block by block', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const blocks = splitBlocks(text, { math: true });
        expect(blocks.map(normalizeMath).join('')).toBe(normalizeMath(text));
      }),
    );
  });
});

describe('splitting with math', () => {
  it('keeps a $$ block with blank lines in one block', () => {
    const text = 'Intro\n\n$$\na\n\nb\n$$\n\nAfter\n';
    expect(splitBlocks(text, { math: true })).toEqual(['Intro\n\n', '$$\na\n\nb\n$$\n\n', 'After\n']);
    expect(splitBlocks(text)).toEqual(['Intro\n\n', '$$\na\n\n', 'b\n$$\n\n', 'After\n']);
  });

  it('does not open a fence inside math', () => {
    const text = '$$\n```\nx\n$$\n\nAfter\n';
    expect(splitBlocks(text, { math: true })).toEqual(['$$\n```\nx\n$$\n\n', 'After\n']);
  });

  it('splits incrementally as it does at once', () => {
    const text = 'A $x$\n\n$$\n\\begin{aligned}\na &= b\n\n\\end{aligned}\n$$\n\n- item\n$$\ny\n\n$$\n';
    const splitter = createBlockSplitter({ math: true });
    for (let end = 1; end <= text.length; end += 1) {
      const prefix = text.slice(0, end);
      expect(splitter.update(prefix).blocks).toEqual(splitBlocks(prefix, { math: true }));
    }
  });
});

describe('repairMarkdown math while streaming', () => {
  const cases: Array<[string, string]> = [
    ['Area \\(\\pi r', 'Area \\(\\pi r\\)'],
    ['Area \\(', 'Area '],
    ['Energy \\[E = m', 'Energy \\[E = m\\]'],
    ['\\[\nE = m', '\\[\nE = m\n\\]'],
    ['**bold \\(x^2', '**bold \\(x^2\\)**'],
    ['$$\n', ''],
    ['Text\n$$\n', 'Text\n'],
    ['$$\nx^2 +', '$$\nx^2 +\n$$'],
    ['$$\nx^2\n$', '$$\nx^2\n$$'],
    ['$$\nx^2\n$$', '$$\nx^2\n$$'],
    ['> $$\n> x', '> $$\n> x\n> $$'],
    ['$$\na\n\nb', '$$\na\n\nb\n$$'],
    ['Costs $5 and $1', 'Costs $5 and $1'],
    ['`\\(code', '`\\(code`'],
    ['The area is $\\', 'The area is '],
    ['Sum $x + \\', 'Sum $x +$ '],
    ['Area \\(\\pi \\', 'Area \\(\\pi\\) '],
  ];
  it.each(cases)('%j', (partial, expected) => {
    expect(repairMarkdown(partial, { math: true })).toBe(expected);
  });

  it('leaves \\( alone without math', () => {
    expect(repairMarkdown('Area \\(\\pi r')).toBe('Area \\(\\pi r');
  });
});
