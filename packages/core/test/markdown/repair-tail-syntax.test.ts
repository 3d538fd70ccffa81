/**
 * Tail syntax whose text would vanish once complete is hidden while it streams (raw HTML, autolinks,
 * character references), and what can never complete is left as the literal text it will stay
 * (a link destination followed by prose, `a < b`). Cases partly from remend's suites (streamdown).
 */
import { repairMarkdown } from '@rivulet/core';
import { describe, expect, it } from 'vitest';
import { parseNodes } from './documents';

/** [partial text, repaired text] */
const hidden: Array<[string, string]> = [
  ['Hello <div', 'Hello '],
  ['![alt]', ''],
  ['See ![alt]', 'See '],
  ['Hello <custom', 'Hello '],
  ['Text <MyComponent', 'Text '],
  ['Hello </div', 'Hello '],
  ['Hello <div class="fo', 'Hello '],
  ['Hello <div class=', 'Hello '],
  ['Hello <a href="https://exa', 'Hello '],
  ["<img src='x' alt='a b", ''],
  ['x <input checked disabled', 'x '],
  ['a<b', 'a'],
  ['word<strong', 'word'],
  // Hiding `<div` must not turn the `<b then` before it into a tag in the making: it is escaped.
  ['score a<b then <div', 'score a\\<b then '],
  // Nor may hiding a link's brackets join an `&` or `<` to the link text.
  ['AT&T[docs](https://exa', 'AT\\&Tdocs'],
  ['i<n[docs', 'i\\<ndocs'],
  // A `[` starting its line stays when hiding it would make the rest a fence, heading or list item.
  ['[```js\nconst a', '[```js\nconst a```'],
  ['[# not a heading', '[# not a heading'],
  ['Array<string> ready <span', 'Array<string> ready '],
  ['text <!-- incomplete comment', 'text '],
  ['text <!-', 'text '],
  ['a <?php echo', 'a '],
  ['a <![CDA', 'a '],
  ['a <!DOCTYPE ht', 'a '],
  ['see <https://exa', 'see '],
  ['ends with <', 'ends with '],
  ['Hello &am', 'Hello '],
  ['Price &#12', 'Price '],
  ['Emoji &#x1F6', 'Emoji '],
  ['Just &', 'Just '],
  ['**bold <span cla', '**bold** '],
  ['Some *it <b', 'Some *it* '],
  ['1. # </b', ''],
  ['- </div>\n`<div', '- </div>\n`<div`'],
  ['2024    ~', '2024    '],
  // The link was literal (`!` cannot follow a destination); hiding `![x` must not reopen it.
  ['AT&T[docs](https://exa ![x', 'AT&T[docs]\\(https://exa '],
  ['![alt](word    ![', '![alt]\\(word    '],
  ['![alt](|---|---|\n[1', '![alt]\\(|---|---|\n'],
  ['[[    &copy;', '[    &copy;'],
];

/** Text that stays exactly as it is. */
const kept: string[] = [
  'x <3',
  'a < b',
  '<- back',
  '3 < 5',
  'value <1',
  'Map<string, number',
  'for a<b the rest of this sentence keeps streaming',
  'returns Array<string wait more text here',
  'the loop runs while i<n\n\nTAIL',
  'Hello <div>',
  '<div>content</div>',
  // An HTML block: nothing of it is shown, complete or not.
  '<div>content</di',
  '<br/>',
  "<img src='test'>",
  'text <!-- comment -->',
  'AT&T rocks',
  'Tom &amp; Jerry',
  '`<div`',
  '```html\n<custom\n```',
  'mail <me@example.com>',
  'a <https://example.com> link',
  '[a]( b](c more text',
  '[t](http://x "title" x',
  '[a](b c',
];

/** [partial text, repaired text]: a number alone on the last line is a list marker only where a list can start. */
const numbers: Array<[string, string]> = [
  ['1', ''],
  ['12.', ''],
  ['Intro\n\n3)', 'Intro\n\n'],
  ['- a\n\n  2', '- a\n\n'],
  // Continuing a paragraph, only a list starting at 1 can interrupt it: other numbers are text already.
  ['Text\n1.', 'Text\n'],
  ['Text\n1', 'Text\n'],
  ['In\n2024', 'In\n2024'],
  ['In\n3.', 'In\n3.'],
  ['2024 ', '2024 '],
  ['word\n20241. *', 'word\n20241. '],
  ['1. a\n   2.', '1. a\n   2.'],
  ['> In\n> 3.', '> In\n> 3.'],
  // Outside the list item or quote that holds the paragraph, the line is no continuation of it: the
  // next item's marker (`2.` under `1. a`), or a new list's.
  ['1. a\n2', '1. a\n'],
  ['1. a\n2.', '1. a\n'],
  ['1. Install:\n\n   Run it.\n10)', '1. Install:\n\n   Run it.\n'],
  ['- a\n2.', '- a\n'],
  ['> In\n3.', '> In\n'],
  // An item that so far holds only a marker of its own.
  ['1. 1.', ''],
  ['- #', ''],
];

/** [partial text, repaired text]: a code span whose closing run is being typed. */
const codeClosers: Array<[string, string]> = [
  ['Run ```npm i`', 'Run ```npm i```'],
  ['Run ```npm i``', 'Run ```npm i```'],
  ['Run ``a`', 'Run ``a``'],
  ['`ends with``', '`ends with`` `'],
];

describe('repairMarkdown hides tail syntax that would vanish when complete', () => {
  it.each(hidden)('%j', (partial, expected) => {
    expect(repairMarkdown(partial)).toBe(expected);
  });
});

describe('repairMarkdown keeps what can no longer become hidden syntax', () => {
  it.each(kept)('%j', (text) => {
    expect(repairMarkdown(text)).toBe(text);
  });

  it('a link destination that can never complete keeps the words after it', () => {
    const text = '[a]( b](c more text';
    const words = parseNodes(repairMarkdown(text))
      .filter((node) => node.type === 'text')
      .map((node) => (node as { value: string }).value)
      .join('');
    expect(words).toContain('more text');
  });
});

describe('repairMarkdown hides a number that may become a list marker', () => {
  it.each(numbers)('%j', (partial, expected) => {
    expect(repairMarkdown(partial)).toBe(expected);
  });
});

describe('repairMarkdown completes a code span closer being typed', () => {
  it.each(codeClosers)('%j', (partial, expected) => {
    expect(repairMarkdown(partial)).toBe(expected);
  });
});
